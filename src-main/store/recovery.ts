import { constants as fsc, promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { parseTempName, tempPlaces } from './atomicWrite';
import { listBackups } from './backups';
import { checkContent } from './fileKinds';
import { removeDeadLocks } from './fileLock';
import { VIEW_TAG, isProcessAlive } from './processIdentity';
import { ioError, namesIn, syncFile, uniqueName } from './fsHelpers';
import { lockFile } from './locking';
import { removeAbandonedOutsideTemps } from './outsideFile';
import { JOURNAL_FILE, recoverInterruptedRestore, stagingPaths } from './restoreJournal';
import type { DataFile, StoreEnv } from './dataFile';
import { chineseDateTime, secondStamp } from './timeStamp';

/**
 * What the store does on its own to get back to a usable folder, and what it tells the clerk
 * about it (`env.notices`): on open, leftovers of killed processes are cleared and a restore a
 * crash interrupted is finished or undone; on first read, a damaged file is put back from its
 * newest valid backup, or, with none, kept as it is and refused.
 */

/** A temp file named before names carried the writer's view is surely abandoned after this long. */
const OLD_NAME_ABANDONED_MS = 24 * 3600_000;

/**
 * Temp files left by a process that was killed mid-write. Only those provably abandoned: written
 * in this process's view (processIdentity.ts) by a pid that no longer runs, or, for names without
 * a view, untouched for a day. Never another PC's or a live process's save in progress; a data
 * file's leftovers of any origin go when its lock is next taken (fileLock.ts, the fence).
 */
async function removeStaleTemps(folder: string): Promise<void> {
  for (const dir of tempPlaces(folder)) await removeStaleTempsIn(dir);
}

async function removeStaleTempsIn(dir: string): Promise<void> {
  const names = await namesIn(dir);
  for (const name of names) {
    const t = parseTempName(name);
    if (!t || t.pid === process.pid) continue;
    const file = path.join(dir, name);
    let abandoned: boolean;
    if (t.view === null) abandoned = await fsp.stat(file).then((s) => Date.now() - s.mtimeMs > OLD_NAME_ABANDONED_MS, () => false);
    else abandoned = t.view === VIEW_TAG && !isProcessAlive(t.pid);
    if (abandoned) await fsp.rm(file, { force: true }).catch(() => undefined);
  }
}

/** Shown while a decided restore cannot be switched in: reading or writing now would mix old and new files. */
export const SWITCH_PENDING =
  '从备份恢复的数据尚未切换完成：数据文件被其他程序占用（如杀毒软件、WPS、同步盘）。在切换完成之前不会读写任何数据，以免新旧数据混在一起。请关闭这些程序后重试，程序会自动完成切换。';
/** A failed switch is tried again by the next use after this long (each try may wait a minute for a held file). */
const RETRY_SWITCH_AFTER_MS = 5_000;

const lexists = (p: string) => fsp.lstat(p).then(() => true, () => false);

/**
 * A restore that was decided but not switched in (the process crashed, or a file was held by
 * another program) is finished before the folder is used; one not yet decided is undone (on open
 * only: during a run it may be another process's restore being staged, under the journal's lock).
 * While it cannot be finished every use fails with SWITCH_PENDING: nothing is read from or
 * written into a half-switched folder, so nothing saved "in between" can be lost.
 */
export async function settleRestore(env: StoreEnv, when: 'open' | 'use'): Promise<void> {
  const p = stagingPaths(env.dataDir);
  if (!(await lexists(p.journal)) && (when === 'use' || !(await lexists(p.staging)))) {
    env.switchFailed = null;
    return;
  }
  if (env.switchFailed && Date.now() - env.switchFailed.at < RETRY_SWITCH_AFTER_MS) throw env.switchFailed.error;
  try {
    const lock = await lockFile(p.journal, '恢复日志');
    try {
      await settleRestoreLocked(env, when);
    } finally {
      await lock.release().catch(() => undefined);
    }
  } catch (e) {
    if (e instanceof AppError && (e.details as { reason?: string } | undefined)?.reason === 'locked') throw e;
    throw (env.switchFailed ?? { error: e }).error;
  }
}

/** `settleRestore` for a caller that holds the journal's lock (throws SWITCH_PENDING when it cannot finish). */
export async function settleRestoreLocked(env: StoreEnv, when: 'open' | 'use' = 'use'): Promise<void> {
  const now = env.now();
  let r: Awaited<ReturnType<typeof recoverInterruptedRestore>>;
  try {
    r = await recoverInterruptedRestore(env.dataDir, secondStamp(now));
  } catch {
    const error = new AppError('IO', SWITCH_PENDING, { reason: 'restore-pending' });
    env.switchFailed = { at: Date.now(), error };
    throw error;
  }
  // the journal may not have taken the note (it was held too): this run remembers the failure
  const stalled = r.kind === 'finished' ? (r.stalled ?? (env.switchFailed ? { at: new Date(env.switchFailed.at).toISOString() } : undefined)) : undefined;
  env.switchFailed = null;
  const say = (message: string) => env.notices.push({ file: JOURNAL_FILE, message, at: now.toISOString() });
  if (r.kind === 'finished') {
    say(
      stalled
        ? `从备份恢复时，切换数据文件曾被其他程序占用而暂停（${chineseDateTime(stalled.at)}）；现已完成切换，恢复的数据已生效。切换完成之前没有读写任何数据。`
        : when === 'open'
          ? '上次从备份恢复数据时程序意外退出，已在本次启动时完成恢复。'
          : '另一个法治年报程序从备份恢复数据时意外中断，已自动完成恢复。',
    );
  } else if (r.kind === 'refused') {
    say(
      `数据文件夹中的恢复记录不是本程序正常写下的（${r.why}），为安全起见没有执行，已原样改名保留为 ${r.keptAs.map((f) => path.basename(f)).join('、')}；` +
        '数据文件没有改动。如非本人操作，请交给技术人员检查。',
    );
  }
}

/** Runs once when the folder is opened (its backups folder exists by then). */
export async function recoverOnOpen(env: StoreEnv): Promise<void> {
  await removeStaleTemps(env.dataDir);
  await removeStaleTemps(env.backupsDir);
  await removeDeadLocks(env.dataDir);
  await removeAbandonedOutsideTemps(env.dataDir);
  // a switch that cannot be finished now does not stop the folder from opening: every use
  // says why it waits and tries again
  await settleRestore(env, 'open').catch(() => undefined);
}

/**
 * The file is unreadable (`reason` says why) and this process holds its lock. Keep its bytes (as
 * `<name>.corrupt-<stamp>.json`), put back the newest backup that validates, note it for the clerk
 * and throw CORRUPT_RECOVERED; with no usable backup, touch nothing and block the file (throw
 * CORRUPT_UNRECOVERABLE) until the file changes.
 */
export async function restoreFromBackup<T>(env: StoreEnv, dataFile: DataFile<T>, reason: string): Promise<never> {
  const backups = await listBackups(env.backupsDir, dataFile.fileName).catch(() => []);
  for (const b of backups) {
    let raw: unknown;
    try {
      raw = JSON.parse(await fsp.readFile(b.path, 'utf8'));
    } catch {
      continue;
    }
    const checked = checkContent(dataFile.kind, dataFile.year, raw);
    if (checked.kind !== 'ok') continue;

    const base = dataFile.fileName.replace(/\.json$/, '');
    let corruptName: string;
    try {
      corruptName = await uniqueName(env.dataDir, `${base}.corrupt-${secondStamp(env.now())}`, '.json');
      const corruptPath = path.join(env.dataDir, corruptName);
      // Copy then atomically replace (rather than rename then write): a crash in between
      // leaves the corrupt file in place, and the recovery simply runs again.
      await fsp.copyFile(dataFile.filePath, corruptPath, fsc.COPYFILE_EXCL);
      await syncFile(corruptPath);
      dataFile.low.data = checked.data;
      await dataFile.low.write();
      // read back (and its signature taken) on next use: one more read, and no import of the reader here
      dataFile.sig = null;
    } catch (e) {
      throw ioError(e, '恢复', dataFile.filePath);
    }
    dataFile.data = checked.data;
    dataFile.loaded = true;
    dataFile.migrated = checked.migrated;
    dataFile.writesSinceBackup = 0;
    const message =
      `${dataFile.kind.label} ${dataFile.fileName} 已损坏（${reason}），已另存为 ${corruptName}，` +
      `并从 ${chineseDateTime(b.at)} 的备份恢复（${dataFile.kind.describe(checked.data)}）。该备份之后所做的修改未能恢复，请核对。`;
    const at = env.now().toISOString();
    env.notices.push({ file: dataFile.fileName, message, at });
    throw new AppError('CORRUPT_RECOVERED', message, {
      file: dataFile.filePath,
      corruptCopy: path.join(env.dataDir, corruptName),
      backup: b.path,
      backupAt: b.at.toISOString(),
    });
  }
  dataFile.blocked = new AppError(
    'CORRUPT_UNRECOVERABLE',
    `${dataFile.kind.label} ${dataFile.fileName} 已损坏（${reason}），且没有可用的自动备份。该文件已原样保留在 ${dataFile.filePath}，` +
      `在修复之前不会写入它。请用“恢复备份”导入之前保存的备份文件（法治年报备份-….json），或把该文件交给技术人员修复。`,
    { reason: 'corrupt', file: dataFile.filePath },
  );
  throw dataFile.blocked;
}
