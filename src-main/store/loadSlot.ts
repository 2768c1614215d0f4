import { AppError } from '../../src-shared/errors';
import type { YearData } from '../../src-shared/domain/year';
import { JsonParseError } from './atomicJsonAdapter';
import { queued, withSlotLock } from './accessGate';
import { checkContent } from './fileKinds';
import { coarseClock, ioError, statSig } from './fsHelpers';
import { newerVersionMessage } from './migrations';
import { restoreFromBackup } from './recovery';
import { adapterOf, type Slot, type StoreEnv } from './slots';
import { copyYear } from './yearValidation';

/** Reading a data file into its slot: only when the disk changed, validated, repaired when damaged. */

/** Brings `slot.data` in line with the disk; throws CORRUPT_* when the file cannot be used. */
export async function ensureLoaded<T>(env: StoreEnv, slot: Slot<T>): Promise<void> {
  let sig: string | null;
  try {
    sig = await statSig(slot.filePath);
  } catch (e) {
    throw ioError(e, '读取', slot.filePath);
  }
  if (sig === slot.sig && (slot.loaded || slot.blocked)) {
    if (slot.blocked) throw slot.blocked;
    return;
  }
  await load(env, slot, sig);
}

/** A copy of the file's content (null: no file), after every earlier operation on it; the caller holds the gate. */
export function readSlot<T>(env: StoreEnv, slot: Slot<T>): Promise<T | null> {
  return queued(slot, async () => {
    await ensureLoaded(env, slot);
    if (slot.data === null) return null;
    return slot.year === null ? structuredClone(slot.data) : (copyYear(slot.data as YearData) as T);
  });
}

async function load<T>(env: StoreEnv, slot: Slot<T>, sig: string | null): Promise<void> {
  slot.loaded = false;
  slot.blocked = null;
  slot.sig = sig;
  // hashing a big year costs time on every read and write; only coarse-clock disks need it
  adapterOf(slot).keepHash = coarseClock(sig);
  let raw: unknown;
  try {
    // Low.read keeps the previous data when the adapter finds no file
    slot.low.data = null;
    await slot.low.read();
    raw = slot.low.data;
  } catch (e) {
    if (e instanceof JsonParseError) return recover(env, slot, '内容不是完整的 JSON，可能写入时被中断或被截断');
    throw ioError(e, '读取', slot.filePath);
  }
  if (raw === null) {
    slot.data = null;
    slot.loaded = true;
    slot.migrated = false;
    return;
  }
  const checked = checkContent(slot.kind, slot.year, raw);
  if (checked.kind === 'newer') {
    slot.blocked = new AppError('CORRUPT_UNRECOVERABLE', newerVersionMessage(slot.fileName, checked.version), {
      reason: 'newer-version',
      version: checked.version,
      file: slot.filePath,
    });
    throw slot.blocked;
  }
  if (checked.kind === 'invalid') return recover(env, slot, checked.reason);
  slot.data = checked.data;
  slot.migrated = checked.migrated;
  slot.loaded = true;
}

/** The file is unreadable: repair it under its lock, unless another process rewrote (or repaired) it meanwhile. */
async function recover<T>(env: StoreEnv, slot: Slot<T>, reason: string): Promise<void> {
  if (slot.lock) return restoreFromBackup(env, slot, reason);
  return withSlotLock(slot, async () => {
    let sig: string | null;
    try {
      sig = await statSig(slot.filePath);
    } catch (e) {
      throw ioError(e, '读取', slot.filePath);
    }
    if (sig !== slot.sig) return load(env, slot, sig);
    return recover(env, slot, reason);
  });
}
