import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { YearDataSchema, type YearData } from '../../src-shared/domain/year';
import { writeFileAtomic } from './atomicWrite';
import { lockFile, lockDataFiles } from './locking';
import { encodeBackup } from './backupFormat';
import { ioError, uniqueName } from './fsHelpers';
import { JOURNAL_FILE, markStalled, recoverInterruptedRestore, rollForward, stageFiles, stagingPaths, writeJournal, type RestoreJournal } from './restoreJournal';
import { UnitFileSchema } from './schemas';
import { UNIT_FILE, UNIT_KIND, ensureLoaded, listYearFiles, parseOrThrow, yearFileName, type DataFile, type DataFiles, type StoreEnv } from './dataFile';
import { chineseDateTime, msStamp, secondStamp } from './timeStamp';
import type { ReplaceReport, StoreSnapshot, UnitFile } from './types';
import { stringifyYear } from './yearValidation';

/**
 * 恢复: replacing the whole folder (a restore from a backup file, demo --force): every file
 * locked, the current data saved as one safety backup, the new files staged, the switch decided
 * by the journal and carried out (restoreJournal.ts: what a crash at each step leaves). And a
 * restore that was decided but not switched in is finished before the folder is used again
 * (`settleRestore`).
 */

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

/** The new content, validated before anything is locked or written (throws VALIDATION). */
export function parseReplacement(next: StoreSnapshot): { unit: UnitFile | null; years: YearData[] } {
  const unit = next.unit === null ? null : parseOrThrow(UnitFileSchema as z.ZodType<UnitFile, unknown>, next.unit);
  const years = next.years.map((y) => parseOrThrow(YearDataSchema as z.ZodType<YearData, unknown>, y));
  return { unit, years };
}

/** Takes every lock involved, then replaces; the caller holds the access alone. */
export async function replaceFolder(env: StoreEnv, table: DataFiles, unit: UnitFile | null, years: YearData[]): Promise<ReplaceReport> {
  const dataFiles: Array<DataFile<unknown>> = [table.unit() as DataFile<unknown>];
  const addYears = async () => {
    for (const y of await listYearFiles(env.dataDir)) if (!dataFiles.some((s) => s.year === y)) dataFiles.push(table.year(y) as DataFile<unknown>);
  };
  await addYears();
  for (const y of years) if (!dataFiles.some((s) => s.year === y.year)) dataFiles.push(table.year(y.year) as DataFile<unknown>);
  // held throughout, so no other process takes this switch for an interrupted one
  const journalLock = await lockFile(path.join(env.dataDir, JOURNAL_FILE), '恢复日志');
  const releases = [() => journalLock.release().catch(() => undefined)];
  try {
    // a restore decided before and not yet switched in goes first: staging afresh would drop its files
    await settleRestoreLocked(env);
    // a file that stays locked by another program fails the restore here: release what we hold
    releases.push(await lockDataFiles(dataFiles));
    // a year another process created before we held the locks
    const before = dataFiles.length;
    await addYears();
    if (dataFiles.length > before) releases.push(await lockDataFiles(dataFiles.slice(before)));
    return await replaceLocked(env, table, dataFiles, unit, years);
  } finally {
    for (const r of releases.reverse()) await r();
  }
}

/** replaceAll once every file involved is locked: stage, decide (journal), switch. */
async function replaceLocked(
  env: StoreEnv,
  table: DataFiles,
  dataFiles: Array<DataFile<unknown>>,
  unit: UnitFile | null,
  years: YearData[],
): Promise<ReplaceReport> {
  const now = env.now();
  const stamp = msStamp(now);

  // Gather what is there now: readable files go into the safety backup, unreadable ones are
  // kept aside as they are.
  const current: StoreSnapshot = { unit: null, years: [] };
  const unreadable = new Set<string>();
  for (const dataFile of dataFiles) {
    try {
      await ensureLoaded(env, dataFile);
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'IO') throw e;
      if (e.code !== 'CORRUPT_RECOVERED') {
        unreadable.add(dataFile.fileName);
        continue;
      }
      // now valid again (the notice stays queued)
    }
    if (dataFile.data === null) continue;
    if (dataFile.year === null) current.unit = dataFile.data as UnitFile;
    else current.years.push(dataFile.data as YearData);
  }

  // The new files as text first: whatever cannot be written fails here, before any change.
  const files: Array<{ fileName: string; text: string }> = [];
  try {
    if (unit) files.push({ fileName: UNIT_FILE, text: UNIT_KIND.stringify(unit) });
    for (const y of years) files.push({ fileName: yearFileName(y.year), text: stringifyYear(y) });
  } catch {
    throw new AppError('VALIDATION', '要恢复的数据结构异常（嵌套过深或过大），无法写入；数据文件夹没有任何改动。');
  }

  let safetyBackup: string | null = null;
  if (current.unit || current.years.length) {
    const name = await uniqueName(env.backupsDir, `before-restore-${stamp}`, '.json');
    safetyBackup = path.join(env.backupsDir, name);
    try {
      await writeFileAtomic(safetyBackup, encodeBackup(current, now));
    } catch (e) {
      throw ioError(e, '保存恢复前的备份', safetyBackup);
    }
  }

  const incoming = new Set(files.map((f) => f.fileName));
  const aside: Record<string, string | null> = {};
  for (const dataFile of dataFiles) {
    const base = dataFile.fileName.replace(/\.json$/, '');
    if (unreadable.has(dataFile.fileName)) aside[dataFile.fileName] = await uniqueName(env.backupsDir, `${base}.unreadable-${stamp}`, '.json');
    else if (dataFile.data === null) continue;
    else if (!incoming.has(dataFile.fileName)) aside[dataFile.fileName] = await uniqueName(env.backupsDir, `${base}.removed-${stamp}`, '.json');
    else aside[dataFile.fileName] = null; // its content is in the safety backup
  }

  try {
    await stageFiles(env.dataDir, files);
  } catch (e) {
    await fsp.rm(stagingPaths(env.dataDir).staging, { recursive: true, force: true }).catch(() => undefined);
    throw ioError(e, '准备恢复的数据', env.dataDir);
  }
  let movedAside: string[];
  try {
    await writeJournal(env.dataDir, { format: 'fazhi-restore-journal', put: files.map((f) => f.fileName), aside });
  } catch (e) {
    await fsp.rm(stagingPaths(env.dataDir).staging, { recursive: true, force: true }).catch(() => undefined);
    throw ioError(e, '准备恢复的数据', env.dataDir);
  }
  const journal: RestoreJournal = { format: 'fazhi-restore-journal', put: files.map((f) => f.fileName), aside };
  try {
    movedAside = await rollForward(env.dataDir, journal);
  } catch {
    // Decided but not switched in (a file held past the rename's patience, a share gone): from
    // here every use of the store first finishes the switch and fails until it can (recovery.ts),
    // so nothing is written into the half-switched folder and lost when the switch completes.
    table.forgetAll();
    await markStalled(env.dataDir, journal, now);
    const error = new AppError(
      'IO',
      '恢复的数据已准备好，但切换数据文件时被其他程序占用（如杀毒软件、WPS、同步盘），切换尚未完成。在切换完成之前不会读写任何数据；请关闭这些程序后再试，程序会自动完成切换。',
      { reason: 'restore-pending' },
    );
    env.switchFailed = { at: Date.now(), error };
    throw error;
  }
  table.forgetAll();
  // what was repaired before concerned files that are now replaced (kept in the safety backup)
  env.notices.length = 0;
  for (const f of files) {
    const dataFile = f.fileName === UNIT_FILE ? (table.unit() as DataFile<unknown>) : (table.year(Number(f.fileName.slice(5, 9))) as DataFile<unknown>);
    dataFile.lastBackupDay = undefined;
  }
  return { safetyBackup, movedAside };
}
