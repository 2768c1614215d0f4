import { AppError } from '../../src-shared/errors';
import type { YearData } from '../../src-shared/domain/year';
import { JsonParseError } from './atomicWrite';
import { queued, withFileLock } from './locking';
import { checkContent } from './fileKinds';
import { ioError } from './fsHelpers';
import { newerVersionMessage } from './migrations';
import { restoreFromBackup } from './recovery';
import { adapterOf, coarseClock, statSig, type DataFile, type StoreEnv } from './dataFile';
import { copyYear } from './yearValidation';

/** How a data file is read: only when the disk changed (its signature), validated, repaired when damaged (recovery.ts). */

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
