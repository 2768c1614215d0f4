import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../src-shared/errors';
import type { YearData } from '../../src-shared/domain/year';
import { AtomicJsonAdapter } from './atomicJsonAdapter';
import type { FileLock } from './fileLock';
import { UNIT_FILE, UNIT_KIND, YEAR_KIND, yearFileName, type FileKind } from './fileKinds';
import type { RecoveryNotice, UnitFile } from './types';

/**
 * One data file as this process knows it (a "slot"): what was last read or written, how it
 * looked on disk then, and the queue its operations wait in.
 */
export interface Slot<T> {
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
  /** the file's cross-process lock while this process holds it (operations on one slot never overlap here) */
  lock: FileLock | null;
}

/** What every slot operation of one open store shares: where the folder is, its clock, its settings. */
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

export const adapterOf = <T>(slot: Slot<T>): AtomicJsonAdapter<unknown> => slot.low.adapter as AtomicJsonAdapter<unknown>;

/** The slots of one data folder, made on first use: one per file, so its queue is shared. */
export class SlotTable {
  private readonly slots = new Map<string, Slot<unknown>>();

  constructor(private readonly dataDir: string) {}

  private slot<T>(fileName: string, kind: FileKind<T>, year: number | null): Slot<T> {
    let s = this.slots.get(fileName) as Slot<T> | undefined;
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
      this.slots.set(fileName, s as Slot<unknown>);
    }
    return s;
  }

  unit(): Slot<UnitFile> {
    return this.slot(UNIT_FILE, UNIT_KIND, null);
  }

  year(year: number): Slot<YearData> {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new AppError('VALIDATION', `年度无效：${year}`);
    return this.slot(yearFileName(year), YEAR_KIND, year);
  }

  /** After the folder was switched under them: every file is read afresh on next use. */
  forgetAll(): void {
    for (const s of this.slots.values()) {
      s.data = null;
      s.loaded = false;
      s.sig = null;
      s.blocked = null;
      s.migrated = false;
      s.writesSinceBackup = 0;
    }
  }
}
