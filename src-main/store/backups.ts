import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomicJsonAdapter';
import { msStamp, parseMsStamp } from './timeStamp';

/**
 * Rotating per-file backups in `<dataDir>/backups/`: `year-2024.20261125T183001123.json`.
 * The stamp sorts lexically by time, so the newest backup is the last name.
 */
export const BACKUPS_DIR_NAME = 'backups';

export interface BackupRef {
  path: string;
  name: string;
  at: Date;
}

const baseOf = (fileName: string) => fileName.replace(/\.json$/, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Backups of `fileName` (e.g. "year-2024.json"), newest first. */
export async function listBackups(backupsDir: string, fileName: string): Promise<BackupRef[]> {
  const re = new RegExp(`^${escapeRe(baseOf(fileName))}\\.(\\d{8}T\\d{9})\\.json$`);
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
    const at = m ? parseMsStamp(m[1]!) : null;
    if (at) out.push({ name, at, path: path.join(backupsDir, name) });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
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
  // Two backups within one millisecond (or a clock set back) must not overwrite each other.
  let t = now.getTime();
  const taken = new Set(existing.map((b) => b.name));
  let name = `${baseOf(fileName)}.${msStamp(new Date(t))}.json`;
  while (taken.has(name)) name = `${baseOf(fileName)}.${msStamp(new Date(++t))}.json`;
  const ref: BackupRef = { name, at: new Date(t), path: path.join(backupsDir, name) };
  await writeFileAtomic(ref.path, content);
  const all = [ref, ...existing].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  for (const old of all.slice(keep)) await fsp.rm(old.path, { force: true });
  return ref;
}
