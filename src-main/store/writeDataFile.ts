import { promises as fsp } from 'node:fs';
import { AppError } from '../../src-shared/errors';
import { isoDate } from '../../src-shared/dates';
import { contentHash } from './atomicWrite';
import { listBackups, takeBackup } from './backups';
import { LockLostError } from './locking';
import { errCode, ioError } from './fsHelpers';
import { adapterOf, coarseClock, statSig, type DataFile, type StoreEnv } from './dataFile';

/**
 * How a data file is written: the rotating backup first when one is due, then the atomic
 * write, refused at the last moment when another program changed the file since it was read.
 */

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
