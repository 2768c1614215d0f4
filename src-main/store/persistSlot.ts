import { promises as fsp } from 'node:fs';
import { AppError } from '../../src-shared/errors';
import { isoDate } from '../../src-shared/dates';
import { contentHash } from './atomicJsonAdapter';
import { listBackups, takeBackup } from './backups';
import { LockLostError } from './accessGate';
import { coarseClock, errCode, ioError, statSig } from './fsHelpers';
import { adapterOf, type Slot, type StoreEnv } from './slots';

/**
 * Writing a data file from its slot: the rotating backup first when one is due, then the atomic
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
export async function persist<T>(env: StoreEnv, slot: Slot<T>, value: T): Promise<void> {
  const now = env.now();
  try {
    if (slot.data !== null) {
      if (slot.lastBackupDay === undefined) {
        const newest = (await listBackups(env.backupsDir, slot.fileName))[0];
        slot.lastBackupDay = newest ? isoDate(newest.at) : null;
      }
      if (slot.migrated || slot.writesSinceBackup >= env.backupEvery || slot.lastBackupDay !== isoDate(now)) {
        // The bytes on disk are the last validated state (checked by ensureLoaded).
        const content = await fsp.readFile(slot.filePath);
        await takeBackup(env.backupsDir, slot.fileName, content, now, env.keepBackups);
        slot.lastBackupDay = isoDate(now);
        slot.writesSinceBackup = 0;
        slot.migrated = false;
      }
    }
    const created = slot.data === null;
    slot.low.data = value;
    const adapter = adapterOf(slot);
    adapter.beforeRename = () => verifyStillOurs(slot);
    try {
      await slot.low.write();
    } finally {
      adapter.beforeRename = undefined;
    }
    if (created && slot.year === null) {
      // unit.json is small and rarely rewritten: without this, a unit.json damaged before its
      // first rewrite on a later day would have nothing to be restored from
      await takeBackup(env.backupsDir, slot.fileName, await fsp.readFile(slot.filePath), now, env.keepBackups);
      slot.lastBackupDay = isoDate(now);
      slot.writesSinceBackup = -1; // the increment below makes it 0: this write is the backup
    }
  } catch (e) {
    // The write may or may not have landed; re-read before the next operation.
    slot.loaded = false;
    slot.sig = null;
    if (e instanceof StaleReadError || e instanceof LockLostError) throw e;
    // our temp file vanished before the rename: the fence of a process that took the lock from us
    if (errCode(e) === 'ENOENT' && slot.lock && !(await slot.lock.stillHeld())) throw new LockLostError(slot.fileName);
    throw ioError(e, '保存', slot.filePath);
  }
  slot.data = value;
  slot.loaded = true;
  slot.writesSinceBackup++;
  slot.sig = await statSig(slot.filePath).catch(() => null);
  adapterOf(slot).keepHash = coarseClock(slot.sig);
}

/** Just before the final rename: the lock is still ours and the file still what we read. */
async function verifyStillOurs<T>(slot: Slot<T>): Promise<void> {
  if (slot.lock && !(await slot.lock.stillHeld())) throw new LockLostError(slot.fileName);
  await verifyUnchanged(slot);
}

/**
 * Is the file still the one `slot.data` was read from (size,
 * mtime and inode, then the bytes' hash)? If not, someone wrote it meanwhile and this write
 * would drop their change.
 */
async function verifyUnchanged<T>(slot: Slot<T>): Promise<void> {
  const sig = await statSig(slot.filePath);
  if (slot.data === null) {
    if (sig !== null) throw new StaleReadError(slot.fileName);
    return;
  }
  if (sig === null || sig !== slot.sig) throw new StaleReadError(slot.fileName);
  // Every write here replaces the inode, and an in-place write moves a fine-grained mtime, so an
  // equal signature is the same file. On coarse clocks (FAT: 2 s, some shares: 1 s or 1 ms) a
  // same-size in-place rewrite could keep size and mtime: compare the bytes' hash there.
  if (!coarseClock(sig)) return;
  const expected = adapterOf(slot).lastHash;
  const now = contentHash(await fsp.readFile(slot.filePath));
  if (expected !== null && now !== expected) throw new StaleReadError(slot.fileName);
}

/** Runs a read-modify-write, re-reading and re-applying it when the file changed before the rename. */
export async function reapplying<T, R>(slot: Slot<T>, op: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof StaleReadError)) throw e;
      slot.loaded = false;
      slot.sig = null;
      if (attempt >= MAX_REAPPLY) {
        throw new AppError('IO', `${slot.fileName} 在保存时不断被另一个程序改写，本次修改没有保存，请稍后再试。`, { reason: 'changing' });
      }
    }
  }
}
