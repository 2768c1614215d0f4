import type { BackupPreview, FilePayload, YearSummary } from '../../src-shared/contract';
import { decodeBackup, encodeBackup } from './backupFormat';
import { dashStamp } from './timeStamp';
import type { ReplaceReport, Store, StoreSnapshot } from './types';
import { AppError } from '../../src-shared/errors';
import { summarizeYear } from './yearSummary';
import { readIfReadable } from './readIfReadable';

/** The clerk's single-file backup of the whole data folder: save, preview, restore. */

const unitNameOf = (s: StoreSnapshot) => s.unit?.unit.fullName ?? null;

/**
 * `法治年报备份-YYYYMMDD-HHmmss.json`. A damaged file (unreadable, no usable automatic backup)
 * is left out rather than making the healthy years impossible to back up; it stays on disk.
 */
export async function createBackupFile(store: Store, now: Date = new Date()): Promise<FilePayload> {
  let snapshot: StoreSnapshot;
  try {
    snapshot = await store.snapshot();
  } catch (e) {
    if (!(e instanceof AppError) || !e.code.startsWith('CORRUPT_')) throw e;
    snapshot = { unit: await readIfReadable(() => store.readUnit()), years: [] };
    for (const y of await store.listYears()) {
      const d = await readIfReadable(() => store.readYear(y));
      if (d) snapshot.years.push(d);
    }
  }
  return { fileName: `法治年报备份-${dashStamp(now)}.json`, data: encodeBackup(snapshot, now) };
}


/** What the current folder holds, tolerating unreadable files (they are simply not listed). */
async function currentSummary(store: Store): Promise<BackupPreview['current']> {
  let unitName: string | null = null;
  try {
    unitName = (await store.readUnit())?.unit.fullName ?? null;
  } catch {
    unitName = null;
  }
  const years: YearSummary[] = [];
  for (const y of await store.listYears()) {
    try {
      const d = await store.readYear(y);
      if (d) years.push(summarizeYear(d));
    } catch {
      // an unreadable year is what a restore would fix; the preview just leaves it out
    }
  }
  return { unitName, years };
}

function previewOf(decoded: DecodedBackup, current: BackupPreview['current']): BackupPreview {
  return {
    createdAt: decoded.createdAt,
    unitName: unitNameOf(decoded) ?? '（未填写单位信息）',
    years: decoded.years.map(summarizeYear),
    current,
  };
}

/** A backup file's bytes → its validated content; throws VALIDATION (Chinese). */
export type BackupDecoder = (data: Uint8Array) => DecodedBackup | Promise<DecodedBackup>;
export type DecodedBackup = StoreSnapshot & { createdAt: string };

/**
 * Validates a backup file completely and describes it; changes nothing. Throws VALIDATION.
 * `decode` reads the bytes: the services hand in the file box (a backup is a file the clerk brings
 * in, read where a hostile one cannot take the app down); store tests read in place.
 */
export async function inspectBackup(data: Uint8Array, store: Store, decode: BackupDecoder = decodeBackup): Promise<BackupPreview> {
  const decoded = await decode(data);
  return previewOf(decoded, await currentSummary(store));
}

export interface RestoreResult extends BackupPreview {
  /** what the store kept of the replaced data */
  replaced: ReplaceReport;
}

/**
 * Replaces the whole folder with the backup's content after validating it and saving the current
 * data as `backups/before-restore-<stamp>.json`. `current` in the result is the folder afterwards.
 */
export async function restoreBackup(data: Uint8Array, store: Store, decode: BackupDecoder = decodeBackup): Promise<RestoreResult> {
  const decoded = await decode(data);
  const replaced = await store.replaceAll({ unit: decoded.unit, years: decoded.years });
  return { ...previewOf(decoded, await currentSummary(store)), replaced };
}
