import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { YearDataSchema, type YearData } from '../../src-shared/domain/year';
import { writeFileAtomic } from './atomicWrite';
import { lockFile, lockDataFiles } from './locking';
import { encodeBackup } from './backupFormat';
import { UNIT_FILE, UNIT_KIND, listYearFiles, parseOrThrow, yearFileName } from './fileKinds';
import { ioError, uniqueName } from './fsHelpers';
import { ensureLoaded } from './readAndWrite';
import { JOURNAL_FILE, markStalled, rollForward, stageFiles, stagingPaths, writeJournal, type RestoreJournal } from './restoreJournal';
import { settleRestoreLocked } from './recovery';
import { UnitFileSchema } from './schemas';
import type { DataFile, DataFiles, StoreEnv } from './dataFile';
import { msStamp } from './timeStamp';
import type { ReplaceReport, StoreSnapshot, UnitFile } from './types';
import { stringifyYear } from './yearValidation';

/**
 * Replacing the whole folder (a restore, demo --force): every file locked, the current data saved
 * as one safety backup, the new files staged, the switch decided by the journal and carried out.
 * See restoreJournal.ts for what a crash at each step leaves.
 */

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
