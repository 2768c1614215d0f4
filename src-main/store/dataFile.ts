import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../src-shared/errors';
import type { YearData } from '../../src-shared/domain/year';
import { AtomicJsonAdapter } from './atomicWrite';
import type { FileLock } from './fileLock';
import { UNIT_FILE, UNIT_KIND, YEAR_KIND, yearFileName, type FileKind } from './fileKinds';
import type { RecoveryNotice, UnitFile } from './types';

/**
 * One data file (unit.json or a 年度文件 year-YYYY.json) as this process knows it: what was last
 * read or written, how it looked on disk then (its signature), and the queue its operations wait
 * in. It is read and written through lowdb's `Low` with our adapter (atomicWrite.ts): `low.read()`
 * in readDataFile.ts, `low.write()` in writeDataFile.ts; the validation around them is ours.
 */
export interface DataFile<T> {
  kind: FileKind<T>;
  fileName: string;
  filePath: string;
  /** expected `year` inside a year file */
  year: number | null;
  low: Low<unknown>;
  queue: Promise<unknown>;
  loaded: boolean;
  /** last validated content; null = file does not exist */
  data: T | null;
  /** size/mtime/inode when `data` was read or written: another process's change forces a re-read */
  sig: string | null;
  /** why the file cannot be used (corrupt without backup, newer version); cleared when the file changes */
  blocked: AppError | null;
  writesSinceBackup: number;
  lastBackupDay: string | null | undefined;
  /** loaded through a migration: keep a copy of the old-version file before overwriting it */
  migrated: boolean;
  /** the file's cross-process lock while this process holds it (operations on one dataFile never overlap here) */
  lock: FileLock | null;
}

/** What every dataFile operation of one open store shares: where the folder is, its clock, its settings. */
export interface StoreEnv {
  dataDir: string;
  backupsDir: string;
  now: () => Date;
  /** a backup before every `backupEvery`-th write */
  backupEvery: number;
  keepBackups: number;
  /** what was repaired since the store was opened, for the clerk */
  notices: RecoveryNotice[];
  /** a decided restore could not be switched in: when it was last tried, and what every use says meanwhile */
  switchFailed: { at: number; error: AppError } | null;
}

export const adapterOf = <T>(dataFile: DataFile<T>): AtomicJsonAdapter<unknown> => dataFile.low.adapter as AtomicJsonAdapter<unknown>;

/** The dataFiles of one data folder, made on first use: one per file, so its queue is shared. */
export class DataFiles {
  private readonly dataFiles = new Map<string, DataFile<unknown>>();

  constructor(private readonly dataDir: string) {}

  private dataFile<T>(fileName: string, kind: FileKind<T>, year: number | null): DataFile<T> {
    let s = this.dataFiles.get(fileName) as DataFile<T> | undefined;
    if (!s) {
      const filePath = path.join(this.dataDir, fileName);
      s = {
        kind,
        fileName,
        filePath,
        year,
        low: new Low<unknown>(new AtomicJsonAdapter<unknown>(filePath, { stringify: (d) => kind.stringify(d as T) }), null),
        queue: Promise.resolve(),
        loaded: false,
        data: null,
        sig: null,
        blocked: null,
        writesSinceBackup: 0,
        lastBackupDay: undefined,
        migrated: false,
        lock: null,
      };
      this.dataFiles.set(fileName, s as DataFile<unknown>);
    }
    return s;
  }

  unit(): DataFile<UnitFile> {
    return this.dataFile(UNIT_FILE, UNIT_KIND, null);
  }

  year(year: number): DataFile<YearData> {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new AppError('VALIDATION', `年度无效：${year}`);
    return this.dataFile(yearFileName(year), YEAR_KIND, year);
  }

  /** After the folder was switched under them: every file is read afresh on next use. */
  forgetAll(): void {
    for (const s of this.dataFiles.values()) {
      s.data = null;
      s.loaded = false;
      s.sig = null;
      s.blocked = null;
      s.migrated = false;
      s.writesSinceBackup = 0;
    }
  }
}
