import { promises as fsp } from 'node:fs';
import { AppError } from '../../src-shared/errors';
import { isoDate } from '../../src-shared/dates';
import type { YearData } from '../../src-shared/domain/year';
import { JsonParseError, contentHash } from './atomicWrite';
import { listBackups, takeBackup } from './backups';
import { adapterOf, type DataFile, type StoreEnv } from './dataFile';
import { checkContent } from './fileKinds';
import { errCode, ioError } from './fsHelpers';
import { LockLostError, queued, withFileLock } from './locking';
import { newerVersionMessage } from './migrations';
import { restoreFromBackup } from './recovery';
import { copyYear } from './yearValidation';

/**
 * How one data file is read and written, through lowdb's `Low` and our atomic adapter.
 *  - Read (`ensureLoaded`): only when the disk changed since this process last saw it (its
 *    signature: inode, size, mtime), then migrated and validated; a damaged file is repaired
 *    from its newest valid backup under its lock (recovery.ts).
 *  - Write (`writeDataFile`): the rotating backup first when one is due (backups.ts), then the
 *    atomic write (atomicWrite.ts), refused at the last moment when the lock is no longer ours or
 *    another program changed the file since it was read: the change is then re-done on the new
 *    content (`reapplying`) or under a new lock (locking.ts).
 */

// ---- the file's signature ----

/** inode, size and mtime (ns) of `file`, or null when there is none: a change of any means another writer. */
export async function statSig(file: string): Promise<string | null> {
  try {
    const s = await fsp.stat(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/** The file's mtime has no sub-millisecond part: its disk keeps coarse times (or no file yet). */
export function coarseClock(sig: string | null): boolean {
  if (sig === null) return true;
  return BigInt(sig.slice(sig.lastIndexOf(':') + 1)) % 1_000_000n === 0n;
}

// ---- reading ----

/** Brings `dataFile.data` in line with the disk; throws CORRUPT_* when the file cannot be used. */
export async function ensureLoaded<T>(env: StoreEnv, dataFile: DataFile<T>): Promise<void> {
  let sig: string | null;
  try {
    sig = await statSig(dataFile.filePath);
  } catch (e) {
    throw ioError(e, '读取', dataFile.filePath);
  }
  if (sig === dataFile.sig && (dataFile.loaded || dataFile.blocked)) {
    if (dataFile.blocked) throw dataFile.blocked;
    return;
  }
  await load(env, dataFile, sig);
}

/** A copy of the file's content (null: no file), after every earlier operation on it; the caller holds the access. */
export function readDataFile<T>(env: StoreEnv, dataFile: DataFile<T>): Promise<T | null> {
  return queued(dataFile, async () => {
    await ensureLoaded(env, dataFile);
    if (dataFile.data === null) return null;
    return dataFile.year === null ? structuredClone(dataFile.data) : (copyYear(dataFile.data as YearData) as T);
  });
}

async function load<T>(env: StoreEnv, dataFile: DataFile<T>, sig: string | null): Promise<void> {
  dataFile.loaded = false;
  dataFile.blocked = null;
  dataFile.sig = sig;
  // hashing a big year costs time on every read and write; only coarse-clock disks need it
  adapterOf(dataFile).keepHash = coarseClock(sig);
  let raw: unknown;
  try {
    // Low.read keeps the previous data when the adapter finds no file
    dataFile.low.data = null;
    await dataFile.low.read();
    raw = dataFile.low.data;
  } catch (e) {
    if (e instanceof JsonParseError) return recover(env, dataFile, '内容不是完整的 JSON，可能写入时被中断或被截断');
    throw ioError(e, '读取', dataFile.filePath);
  }
  if (raw === null) {
    dataFile.data = null;
    dataFile.loaded = true;
    dataFile.migrated = false;
    return;
  }
  const checked = checkContent(dataFile.kind, dataFile.year, raw);
  if (checked.kind === 'newer') {
    dataFile.blocked = new AppError('CORRUPT_UNRECOVERABLE', newerVersionMessage(dataFile.fileName, checked.version), {
      reason: 'newer-version',
      version: checked.version,
      file: dataFile.filePath,
    });
    throw dataFile.blocked;
  }
  if (checked.kind === 'invalid') return recover(env, dataFile, checked.reason);
  dataFile.data = checked.data;
  dataFile.migrated = checked.migrated;
  dataFile.loaded = true;
}

/** The file is unreadable: repair it under its lock, unless another process rewrote (or repaired) it meanwhile. */
async function recover<T>(env: StoreEnv, dataFile: DataFile<T>, reason: string): Promise<void> {
  if (dataFile.lock) return restoreFromBackup(env, dataFile, reason);
  return withFileLock(dataFile, async () => {
    let sig: string | null;
    try {
      sig = await statSig(dataFile.filePath);
    } catch (e) {
      throw ioError(e, '读取', dataFile.filePath);
    }
    if (sig !== dataFile.sig) return load(env, dataFile, sig);
    return recover(env, dataFile, reason);
  });
}

// ---- writing ----

/**
 * The data file is no longer the one this operation read (another program wrote it without the
 * lock, or after breaking it): the operation is re-run on the new content instead of writing over it.
 */
class StaleReadError extends Error {
  constructor(file: string) {
    super(`${file} changed since it was read`);
    this.name = 'StaleReadError';
  }
}

/** How often an operation is re-applied to a file that keeps changing under it before giving up. */
const MAX_REAPPLY = 5;

/** Writes `value` (already validated) as the file's new content; the caller holds the file's lock. */
export async function writeDataFile<T>(env: StoreEnv, dataFile: DataFile<T>, value: T): Promise<void> {
  const now = env.now();
  try {
    if (dataFile.data !== null) {
      if (dataFile.lastBackupDay === undefined) {
        const newest = (await listBackups(env.backupsDir, dataFile.fileName))[0];
        dataFile.lastBackupDay = newest ? isoDate(newest.at) : null;
      }
      if (dataFile.migrated || dataFile.writesSinceBackup >= env.backupEvery || dataFile.lastBackupDay !== isoDate(now)) {
        // The bytes on disk are the last validated state (checked by ensureLoaded).
        const content = await fsp.readFile(dataFile.filePath);
        await takeBackup(env.backupsDir, dataFile.fileName, content, now, env.keepBackups);
        dataFile.lastBackupDay = isoDate(now);
        dataFile.writesSinceBackup = 0;
        dataFile.migrated = false;
      }
    }
    const created = dataFile.data === null;
    dataFile.low.data = value;
    const adapter = adapterOf(dataFile);
    adapter.beforeRename = () => verifyStillOurs(dataFile);
    try {
      await dataFile.low.write();
    } finally {
      adapter.beforeRename = undefined;
    }
    if (created && dataFile.year === null) {
      // unit.json is small and rarely rewritten: without this, a unit.json damaged before its
      // first rewrite on a later day would have nothing to be restored from
      await takeBackup(env.backupsDir, dataFile.fileName, await fsp.readFile(dataFile.filePath), now, env.keepBackups);
      dataFile.lastBackupDay = isoDate(now);
      dataFile.writesSinceBackup = -1; // the increment below makes it 0: this write is the backup
    }
  } catch (e) {
    // The write may or may not have landed; re-read before the next operation.
    dataFile.loaded = false;
    dataFile.sig = null;
    if (e instanceof StaleReadError || e instanceof LockLostError) throw e;
    // our temp file vanished before the rename: the fence of a process that took the lock from us
    if (errCode(e) === 'ENOENT' && dataFile.lock && !(await dataFile.lock.stillHeld())) throw new LockLostError(dataFile.fileName);
    throw ioError(e, '保存', dataFile.filePath);
  }
  dataFile.data = value;
  dataFile.loaded = true;
  dataFile.writesSinceBackup++;
  dataFile.sig = await statSig(dataFile.filePath).catch(() => null);
  adapterOf(dataFile).keepHash = coarseClock(dataFile.sig);
}

/** Just before the final rename: the lock is still ours and the file still what we read. */
async function verifyStillOurs<T>(dataFile: DataFile<T>): Promise<void> {
  if (dataFile.lock && !(await dataFile.lock.stillHeld())) throw new LockLostError(dataFile.fileName);
  await verifyUnchanged(dataFile);
}

/**
 * Is the file still the one `dataFile.data` was read from (size,
 * mtime and inode, then the bytes' hash)? If not, someone wrote it meanwhile and this write
 * would drop their change.
 */
async function verifyUnchanged<T>(dataFile: DataFile<T>): Promise<void> {
  const sig = await statSig(dataFile.filePath);
  if (dataFile.data === null) {
    if (sig !== null) throw new StaleReadError(dataFile.fileName);
    return;
  }
  if (sig === null || sig !== dataFile.sig) throw new StaleReadError(dataFile.fileName);
  // Every write here replaces the inode, and an in-place write moves a fine-grained mtime, so an
  // equal signature is the same file. On coarse clocks (FAT: 2 s, some shares: 1 s or 1 ms) a
  // same-size in-place rewrite could keep size and mtime: compare the bytes' hash there.
  if (!coarseClock(sig)) return;
  const expected = adapterOf(dataFile).lastHash;
  const now = contentHash(await fsp.readFile(dataFile.filePath));
  if (expected !== null && now !== expected) throw new StaleReadError(dataFile.fileName);
}

/** Runs a read-modify-write, re-reading and re-applying it when the file changed before the rename. */
export async function reapplying<T, R>(dataFile: DataFile<T>, op: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof StaleReadError)) throw e;
      dataFile.loaded = false;
      dataFile.sig = null;
      if (attempt >= MAX_REAPPLY) {
        throw new AppError('IO', `${dataFile.fileName} 在保存时不断被另一个程序改写，本次修改没有保存，请稍后再试。`, { reason: 'changing' });
      }
    }
  }
}
