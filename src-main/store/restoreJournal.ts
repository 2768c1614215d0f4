import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { fsyncDir, renameWithRetry, writeFileAtomic } from './atomicWrite';
import { BACKUPS_DIR_NAME } from './backups';
import { uniqueName } from './fsHelpers';

/**
 * All-or-nothing switch of the data folder to a new set of files (restore, demo --force).
 *
 *  1. every new file is written and fsynced into `.restore-staging/new/` (nothing in the folder
 *     has changed yet: a crash or an error here leaves the old set, and the next open removes
 *     the staging folder);
 *  2. `restore-journal.json` is written atomically: from this instant the switch is decided;
 *  3. the old files move into `.restore-staging/old/`, the new ones into the folder, the old
 *     ones on into backups/ (or away, when the safety backup already holds them), and the
 *     journal is removed.
 *
 * Every step of 3 checks what is already done, so the next `openStore` after a crash during 3
 * simply runs it again and ends with the new set. The restoring process holds the journal's
 * lock throughout, so another process opening the folder never finishes a live restore.
 */

export const JOURNAL_FILE = 'restore-journal.json';
export const STAGING_DIR = '.restore-staging';

export interface RestoreJournal {
  format: 'fazhi-restore-journal';
  /** data files (names) that come from `.restore-staging/new/` */
  put: string[];
  /**
   * current data files that leave the folder: name → backups/ name to keep it under, or null
   * when it is simply dropped (its content is in the safety backup)
   */
  aside: Record<string, string | null>;
  /** the switch failed while the restoring process ran (a file held by another program), not a crash */
  stalled?: { at: string };
}

/** A data file name as the store makes them: no folder parts can sneak into a journal. */
const SAFE_NAME = /^(unit|year-\d{4})\.json$/;
/** A name to keep a replaced file under in backups/: one plain name, never `..` or a path. */
const KEEP_NAME = /^(?:unit|year-\d{4})\.[\w-]+\.json$/;

/**
 * The restore records in the folder are not what this program writes (a link where a folder or
 * file should be, a name with path parts): nothing is moved, they are set aside for the clerk.
 */
export class RefusedRestoreError extends Error {
  constructor(readonly why: string) {
    super(why);
    this.name = 'RefusedRestoreError';
  }
}

export function stagingPaths(dataDir: string) {
  const staging = path.join(dataDir, STAGING_DIR);
  return { staging, newDir: path.join(staging, 'new'), oldDir: path.join(staging, 'old'), journal: path.join(dataDir, JOURNAL_FILE) };
}

/** What is at `p` itself (a link is not followed): 'dir', 'file', 'missing' or 'other' (a link, a device…). */
async function kindAt(p: string): Promise<'dir' | 'file' | 'missing' | 'other'> {
  try {
    const st = await fsp.lstat(p);
    return st.isSymbolicLink() ? 'other' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
}

const exists = async (p: string): Promise<boolean> => (await kindAt(p)) !== 'missing';

/** `p` must be a plain folder of the data folder (or absent, when `mayBeMissing`). */
async function requirePlainDir(p: string, label: string, mayBeMissing = false): Promise<void> {
  const k = await kindAt(p);
  if (k === 'dir' || (mayBeMissing && k === 'missing')) return;
  throw new RefusedRestoreError(`${label}${k === 'missing' ? '不存在' : '不是普通文件夹（可能是链接）'}`);
}

/** `p` must be a plain file (a link is refused: its target may be outside the data folder). */
async function requirePlainFileOrMissing(p: string, label: string): Promise<boolean> {
  const k = await kindAt(p);
  if (k === 'missing') return false;
  if (k === 'file') return true;
  throw new RefusedRestoreError(`${label}不是普通文件（可能是链接）`);
}

/** Step 1: a clean staging folder holding every new file, durable. */
export async function stageFiles(dataDir: string, files: Array<{ fileName: string; text: string }>): Promise<void> {
  const p = stagingPaths(dataDir);
  await fsp.rm(p.staging, { recursive: true, force: true });
  await fsp.mkdir(p.newDir, { recursive: true });
  await fsp.mkdir(p.oldDir, { recursive: true });
  for (const f of files) {
    if (!SAFE_NAME.test(f.fileName)) throw new Error(`unexpected data file name ${f.fileName}`);
    await writeFileAtomic(path.join(p.newDir, f.fileName), f.text);
  }
  await fsyncDir(p.newDir);
  await fsyncDir(p.staging);
  await fsyncDir(dataDir);
}

/** Step 2: the decision. */
export async function writeJournal(dataDir: string, journal: RestoreJournal): Promise<void> {
  await writeFileAtomic(stagingPaths(dataDir).journal, JSON.stringify(journal));
}

/** A journal exactly as this program writes it, or null. */
export function parseJournal(text: string): RestoreJournal | null {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof j !== 'object' || j === null) return null;
  const r = j as Partial<RestoreJournal>;
  if (r.format !== 'fazhi-restore-journal' || !Array.isArray(r.put) || typeof r.aside !== 'object' || r.aside === null || Array.isArray(r.aside)) return null;
  if (!r.put.every((n) => typeof n === 'string' && SAFE_NAME.test(n))) return null;
  for (const [name, keepAs] of Object.entries(r.aside)) {
    if (!SAFE_NAME.test(name)) return null;
    if (keepAs !== null && (typeof keepAs !== 'string' || !KEEP_NAME.test(keepAs))) return null;
  }
  return r as RestoreJournal;
}

/**
 * Step 3 (also what the next open runs after a crash). Returns where kept files went. Everything
 * it moves is checked first to be a plain file in a plain folder of the data folder: a link
 * planted in the staging folder could otherwise move the data out of it, or files into it.
 */
export async function rollForward(dataDir: string, journal: RestoreJournal): Promise<string[]> {
  const p = stagingPaths(dataDir);
  const backupsDir = path.join(dataDir, BACKUPS_DIR_NAME);
  const put = new Set(journal.put.filter((n) => SAFE_NAME.test(n)));
  const aside = Object.entries(journal.aside).filter(([n, keepAs]) => SAFE_NAME.test(n) && (keepAs === null || KEEP_NAME.test(keepAs)));
  await requirePlainDir(p.staging, '恢复暂存文件夹', true);
  await requirePlainDir(p.newDir, '恢复暂存文件夹中的 new', true);
  await requirePlainDir(p.oldDir, '恢复暂存文件夹中的 old', true);
  await requirePlainDir(backupsDir, '备份文件夹 backups', true);
  for (const name of put) await requirePlainFileOrMissing(path.join(p.newDir, name), `暂存的 ${name} `);
  for (const [name] of aside) await requirePlainFileOrMissing(path.join(p.oldDir, name), `暂存的旧 ${name} `);
  await fsp.mkdir(p.oldDir, { recursive: true });
  // old files out of the way (a file whose new version is already in place stays)
  for (const [name] of aside) {
    const cur = path.join(dataDir, name);
    if (put.has(name) && !(await exists(path.join(p.newDir, name)))) continue;
    // (a data file that is a link moves as the link: nothing it points to moves)
    if ((await exists(cur)) && !(await exists(path.join(p.oldDir, name)))) await renameWithRetry(cur, path.join(p.oldDir, name));
  }
  await fsyncDir(p.oldDir);
  for (const name of put) {
    const staged = path.join(p.newDir, name);
    if (await exists(staged)) await renameWithRetry(staged, path.join(dataDir, name));
  }
  await fsyncDir(dataDir);
  const kept: string[] = [];
  await fsp.mkdir(backupsDir, { recursive: true });
  for (const [name, keepAs] of aside) {
    const old = path.join(p.oldDir, name);
    if (keepAs !== null) {
      const to = path.join(backupsDir, keepAs);
      if (await exists(old)) await renameWithRetry(old, to);
      if (await exists(to)) kept.push(to);
    }
  }
  await fsyncDir(backupsDir);
  // the decision is carried out: forget it, then the leftovers
  await fsp.rm(p.journal, { force: true });
  await fsyncDir(dataDir);
  await fsp.rm(p.staging, { recursive: true, force: true });
  return kept;
}

/** Notes in the journal that its switch stalled on a held file (best effort: the journal may be held too). */
export async function markStalled(dataDir: string, journal: RestoreJournal, at: Date): Promise<void> {
  await writeJournal(dataDir, { ...journal, stalled: { at: at.toISOString() } }).catch(() => undefined);
}

export type InterruptedRestore =
  | { kind: 'none' }
  | { kind: 'finished'; stalled: RestoreJournal['stalled'] }
  | { kind: 'rolled-back' }
  /** the journal or staging folder was not ours: renamed aside (`keptAs`), nothing else moved */
  | { kind: 'refused'; why: string; keptAs: string[] };

/** Moves refused restore records aside under visible names, so the clerk (or whoever helps) can look. */
async function setAside(dataDir: string, stamp: string): Promise<string[]> {
  const p = stagingPaths(dataDir);
  const kept: string[] = [];
  for (const [from, base, ext] of [
    [p.journal, 'restore-journal.refused-', '.json'],
    [p.staging, 'restore-staging.refused-', ''],
  ] as const) {
    if ((await kindAt(from)) === 'missing') continue;
    // rename moves a link itself, never what it points to
    const to = path.join(dataDir, await uniqueName(dataDir, `${base}${stamp}`, ext));
    await renameWithRetry(from, to);
    kept.push(to);
  }
  await fsyncDir(dataDir);
  return kept;
}

/**
 * On open (and before any use while a journal is there): finish a restore whose journal is
 * there, or drop a staging folder left before the decision. The caller holds the journal's lock.
 */
export async function recoverInterruptedRestore(dataDir: string, stamp: string): Promise<InterruptedRestore> {
  const p = stagingPaths(dataDir);
  try {
    const journalKind = await kindAt(p.journal);
    if (journalKind !== 'missing') {
      if (journalKind !== 'file') throw new RefusedRestoreError('恢复日志 restore-journal.json 不是普通文件（可能是链接）');
      const journal = parseJournal(await fsp.readFile(p.journal, 'utf8'));
      // written atomically, so a journal we cannot read was not written by us
      if (!journal) throw new RefusedRestoreError('恢复日志 restore-journal.json 的内容无法识别');
      await rollForward(dataDir, journal);
      return { kind: 'finished', stalled: journal.stalled };
    }
    const stagingKind = await kindAt(p.staging);
    if (stagingKind === 'missing') return { kind: 'none' };
    await requirePlainDir(p.staging, '恢复暂存文件夹');
    await requirePlainDir(p.oldDir, '恢复暂存文件夹中的 old', true);
    // new files that were never switched in; old files (if any got there) go back first
    for (const name of await fsp.readdir(p.oldDir).catch(() => [] as string[])) {
      const from = path.join(p.oldDir, name);
      const back = path.join(dataDir, name);
      if (SAFE_NAME.test(name) && (await requirePlainFileOrMissing(from, `暂存的旧 ${name} `)) && !(await exists(back))) await renameWithRetry(from, back);
    }
    await fsp.rm(p.staging, { recursive: true, force: true });
    await fsyncDir(dataDir);
    return { kind: 'rolled-back' };
  } catch (e) {
    if (!(e instanceof RefusedRestoreError)) throw e;
    return { kind: 'refused', why: e.why, keptAs: await setAside(dataDir, stamp) };
  }
}
