import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { fsyncDir, renameWithRetry, writeFileAtomic } from './atomicJsonAdapter';
import { BACKUPS_DIR_NAME } from './backups';

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
}

const exists = async (p: string): Promise<boolean> =>
  fsp.stat(p).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );

/** A data file name as the store makes them: no folder parts can sneak into a journal. */
const SAFE_NAME = /^(unit|year-\d{4})\.json$/;

export function stagingPaths(dataDir: string) {
  const staging = path.join(dataDir, STAGING_DIR);
  return { staging, newDir: path.join(staging, 'new'), oldDir: path.join(staging, 'old'), journal: path.join(dataDir, JOURNAL_FILE) };
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

/** Step 3 (also what the next open runs after a crash). Returns where kept files went. */
export async function rollForward(dataDir: string, journal: RestoreJournal): Promise<string[]> {
  const p = stagingPaths(dataDir);
  const backupsDir = path.join(dataDir, BACKUPS_DIR_NAME);
  const put = new Set(journal.put.filter((n) => SAFE_NAME.test(n)));
  const aside = Object.entries(journal.aside).filter(([n]) => SAFE_NAME.test(n));
  await fsp.mkdir(p.oldDir, { recursive: true });
  // old files out of the way (a file whose new version is already in place stays)
  for (const [name] of aside) {
    const cur = path.join(dataDir, name);
    if (put.has(name) && !(await exists(path.join(p.newDir, name)))) continue;
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
    if (keepAs !== null && !/[/\\]/.test(keepAs)) {
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

/**
 * On open: finish a restore whose journal is there, or drop a staging folder left before the
 * decision. The caller holds the journal's lock.
 */
export async function recoverInterruptedRestore(dataDir: string): Promise<'none' | 'finished' | 'rolled-back'> {
  const p = stagingPaths(dataDir);
  let text: string | null = null;
  try {
    text = await fsp.readFile(p.journal, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (text !== null) {
    let journal: RestoreJournal | null = null;
    try {
      const j = JSON.parse(text) as RestoreJournal;
      if (j && j.format === 'fazhi-restore-journal' && Array.isArray(j.put) && typeof j.aside === 'object' && j.aside) journal = j;
    } catch {
      journal = null;
    }
    if (journal) {
      await rollForward(dataDir, journal);
      return 'finished';
    }
    // written atomically, so a damaged journal was not written by us: leave the data as it is
    await fsp.rm(p.journal, { force: true });
  }
  if (await exists(p.staging)) {
    // new files that were never switched in; old files (if any got there) go back first
    const oldDir = p.oldDir;
    for (const name of await fsp.readdir(oldDir).catch(() => [] as string[])) {
      const back = path.join(dataDir, name);
      if (SAFE_NAME.test(name) && !(await exists(back))) await renameWithRetry(path.join(oldDir, name), back);
    }
    await fsp.rm(p.staging, { recursive: true, force: true });
    await fsyncDir(dataDir);
    return 'rolled-back';
  }
  return 'none';
}
