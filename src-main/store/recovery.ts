import { constants as fsc, promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { parseTempName } from './atomicJsonAdapter';
import { listBackups } from './backups';
import { checkContent } from './fileKinds';
import { isProcessAlive, removeDeadLocks } from './fileLock';
import { ioError, statSig, syncFile, uniqueName } from './fsHelpers';
import { lockFile } from './accessGate';
import { removeAbandonedOutsideTemps } from './outsideFile';
import { JOURNAL_FILE, STAGING_DIR, recoverInterruptedRestore, stagingPaths } from './restoreJournal';
import type { Slot, StoreEnv } from './slots';
import { chineseDateTime, secondStamp } from './timeStamp';

/**
 * What the store does on its own to get back to a usable folder, and what it tells the clerk
 * about it (`env.notices`): on open, leftovers of killed processes are cleared and a restore a
 * crash interrupted is finished or undone; on first read, a damaged file is put back from its
 * newest valid backup, or, with none, kept as it is and refused.
 */

/** Temp files left by a process that was killed mid-write; never those of a live process. */
async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const t = parseTempName(name);
    if (t && t.pid !== process.pid && !isProcessAlive(t.pid)) await fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** A restore that a crash interrupted is finished (decided) or undone (not yet decided). */
async function finishInterruptedRestore(env: StoreEnv): Promise<void> {
  const p = stagingPaths(env.dataDir);
  const present = async (f: string) => (await statSig(f).catch(() => 'error')) !== null;
  if (!(await present(p.journal)) && !(await present(p.staging))) return;
  const lock = await lockFile(p.journal, '恢复日志');
  try {
    const what = await recoverInterruptedRestore(env.dataDir);
    if (what === 'finished') {
      env.notices.push({ file: JOURNAL_FILE, message: '上次从备份恢复数据时程序意外退出，已在本次启动时完成恢复。', at: env.now().toISOString() });
    }
  } catch (e) {
    throw ioError(e, '完成上次中断的恢复', path.join(env.dataDir, STAGING_DIR));
  } finally {
    await lock.release().catch(() => undefined);
  }
}

/** Runs once when the folder is opened (its backups folder exists by then). */
export async function recoverOnOpen(env: StoreEnv): Promise<void> {
  await removeStaleTemps(env.dataDir);
  await removeStaleTemps(env.backupsDir);
  await removeDeadLocks(env.dataDir);
  await removeAbandonedOutsideTemps(env.dataDir);
  await finishInterruptedRestore(env);
}

/**
 * The file is unreadable (`reason` says why) and this process holds its lock. Keep its bytes (as
 * `<name>.corrupt-<stamp>.json`), put back the newest backup that validates, note it for the clerk
 * and throw CORRUPT_RECOVERED; with no usable backup, touch nothing and block the slot (throw
 * CORRUPT_UNRECOVERABLE) until the file changes.
 */
export async function restoreFromBackup<T>(env: StoreEnv, slot: Slot<T>, reason: string): Promise<never> {
  const backups = await listBackups(env.backupsDir, slot.fileName).catch(() => []);
  for (const b of backups) {
    let raw: unknown;
    try {
      raw = JSON.parse(await fsp.readFile(b.path, 'utf8'));
    } catch {
      continue;
    }
    const checked = checkContent(slot.kind, slot.year, raw);
    if (checked.kind !== 'ok') continue;

    const base = slot.fileName.replace(/\.json$/, '');
    let corruptName: string;
    try {
      corruptName = await uniqueName(env.dataDir, `${base}.corrupt-${secondStamp(env.now())}`, '.json');
      const corruptPath = path.join(env.dataDir, corruptName);
      // Copy then atomically replace (rather than rename then write): a crash in between
      // leaves the corrupt file in place, and the recovery simply runs again.
      await fsp.copyFile(slot.filePath, corruptPath, fsc.COPYFILE_EXCL);
      await syncFile(corruptPath);
      slot.low.data = checked.data;
      await slot.low.write();
      slot.sig = await statSig(slot.filePath);
    } catch (e) {
      throw ioError(e, '恢复', slot.filePath);
    }
    slot.data = checked.data;
    slot.loaded = true;
    slot.migrated = checked.migrated;
    slot.writesSinceBackup = 0;
    const message =
      `${slot.kind.label} ${slot.fileName} 已损坏（${reason}），已另存为 ${corruptName}，` +
      `并从 ${chineseDateTime(b.at)} 的备份恢复（${slot.kind.describe(checked.data)}）。该备份之后所做的修改未能恢复，请核对。`;
    const at = env.now().toISOString();
    env.notices.push({ file: slot.fileName, message, at });
    throw new AppError('CORRUPT_RECOVERED', message, {
      file: slot.filePath,
      corruptCopy: path.join(env.dataDir, corruptName),
      backup: b.path,
      backupAt: b.at.toISOString(),
    });
  }
  slot.blocked = new AppError(
    'CORRUPT_UNRECOVERABLE',
    `${slot.kind.label} ${slot.fileName} 已损坏（${reason}），且没有可用的自动备份。该文件已原样保留在 ${slot.filePath}，` +
      `在修复之前不会写入它。请用“恢复备份”导入之前保存的备份文件（法治年报备份-….json），或把该文件交给技术人员修复。`,
    { reason: 'corrupt', file: slot.filePath },
  );
  throw slot.blocked;
}
