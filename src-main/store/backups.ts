import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomicWrite';
import { msStamp, parseMsStamp } from './timeStamp';

/**
 * Rotating per-file backups in `<dataDir>/backups/`: `year-2024.000042.20261125T183001123.json`.
 * They are ordered by the sequence number (42), never by the time stamp: a clock set wrong for a
 * day (a backup "from 2028") must not make an old copy look newest. The stamp is for people
 * browsing the folder. Names without a sequence number (written before it existed) count as
 * older than every numbered one, and among themselves by stamp.
 */
export const BACKUPS_DIR_NAME = 'backups';

export interface BackupRef {
  path: string;
  name: string;
  /** when it was taken, by the clock of that moment: for people only */
  at: Date;
  /** order of taking; 0 for the old un-numbered names */
  seq: number;
}

const SEQ_DIGITS = 6;
const newestFirst = (a: BackupRef, b: BackupRef) => b.seq - a.seq || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);

const baseOf = (fileName: string) => fileName.replace(/\.json$/, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Backups of `fileName` (e.g. "year-2024.json"), newest first. */
export async function listBackups(backupsDir: string, fileName: string): Promise<BackupRef[]> {
  const re = new RegExp(`^${escapeRe(baseOf(fileName))}\\.(?:(\\d{${SEQ_DIGITS},})\\.)?(\\d{8}T\\d{9})\\.json$`);
  let names: string[];
  try {
    names = await fsp.readdir(backupsDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: BackupRef[] = [];
  for (const name of names) {
    const m = re.exec(name);
    const at = m ? parseMsStamp(m[2]!) : null;
    if (at) out.push({ name, at, seq: m![1] ? Number(m![1]) : 0, path: path.join(backupsDir, name) });
  }
  return out.sort(newestFirst);
}

/** Writes a backup of `fileName` with `content`, then keeps only the newest `keep`. */
export async function takeBackup(
  backupsDir: string,
  fileName: string,
  content: string | Uint8Array,
  now: Date,
  keep: number,
): Promise<BackupRef> {
  const existing = await listBackups(backupsDir, fileName);
  // the next number: never reused, whatever the clock says
  const seq = (existing[0]?.seq ?? 0) + 1;
  const name = `${baseOf(fileName)}.${String(seq).padStart(SEQ_DIGITS, '0')}.${msStamp(now)}.json`;
  const ref: BackupRef = { name, at: now, seq, path: path.join(backupsDir, name) };
  await writeFileAtomic(ref.path, content);
  const all = [ref, ...existing].sort(newestFirst);
  for (const old of all.slice(keep)) await fsp.rm(old.path, { force: true });
  return ref;
}

/**
 * The backup of `fileName` that a damaged file is recovered from: the newest whose parsed JSON
 * `usable` accepts (it returns the checked content, or null). Unreadable backups are passed over;
 * null when none is usable.
 */
export async function newestUsableBackup<T>(
  backupsDir: string,
  fileName: string,
  usable: (raw: unknown) => T | null,
): Promise<{ backup: BackupRef; content: T } | null> {
  for (const backup of await listBackups(backupsDir, fileName).catch(() => [])) {
    let raw: unknown;
    try {
      raw = JSON.parse(await fsp.readFile(backup.path, 'utf8'));
    } catch {
      continue;
    }
    const content = usable(raw);
    if (content !== null) return { backup, content };
  }
  return null;
}
