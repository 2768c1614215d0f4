import type { Unit, UnitDrafts } from '../../src-shared/domain/unit';
import type { YearData } from '../../src-shared/domain/year';
import type { YearSummary } from '../../src-shared/contract';
import type { WaitNotice } from './waitNotice';

/** unit.json on disk */
export interface UnitFile {
  version: number;
  unit: Unit;
  /** incomplete rows of 单位设置, kept out of the unit */
  drafts?: UnitDrafts;
}

/** Something the store had to do on its own that the user must be told about (Chinese). */
export interface RecoveryNotice {
  file: string;
  message: string;
  at: string;
}

/**
 * The data folder: `unit.json` plus one `year-YYYY.json` per year, so writing one year never
 * rewrites another. Every update is serialized per file, validated, and written atomically and
 * durably before the promise resolves.
 */
export interface Store {
  readonly dataDir: string;
  /** `<dataDir>/backups` */
  readonly backupsDir: string;
  readUnit(): Promise<UnitFile | null>;
  /** `fn` gets a copy and returns the new value; nothing is written if it throws. */
  updateUnit(fn: (current: UnitFile | null) => UnitFile | Promise<UnitFile>): Promise<UnitFile>;
  /**
   * Runs `fn` inside unit.json's critical section (its queue and cross-process lock) without
   * writing it: a check against the unit and the year write that depends on it cannot be split
   * by a change of the unit (a village removed between them). Lock order: unit.json, then years.
   */
  withUnit<T>(fn: (current: UnitFile | null) => Promise<T>): Promise<T>;
  listYears(): Promise<number[]>;
  /** null when the year does not exist */
  readYear(year: number): Promise<YearData | null>;
  /**
   * The year's counts (null when the year does not exist), read as `readYear` reads (a file
   * changed on disk by another process is read again, a damaged one recovered or reported the
   * same way) without copying the year: lists of years (years.list, data.damaged) read every
   * year file each time a screen opens.
   */
  readYearSummary(year: number): Promise<YearSummary | null>;
  /** Resolves when what the store learnt of year summaries is on disk (summaryCache.ts; tests). */
  summariesSettled(): Promise<void>;
  /**
   * Read-modify-write of one year. `fn` mutates the draft or returns a replacement; its return
   * value (if not a YearData) is passed through. Throws NOT_FOUND when the year does not exist.
   */
  updateYear<T>(year: number, fn: (draft: YearData) => T | Promise<T>): Promise<T>;
  /** Create a year; CONFLICT when it exists. */
  createYear(data: YearData): Promise<void>;
  /**
   * What the store repaired on its own since it was opened (a file put back from a backup, an
   * interrupted restore finished), for the clerk to read: the overview lists them. Not drained:
   * every screen that asks during this run gets them; a restore of the whole folder clears them.
   */
  recoveryNotices(): RecoveryNotice[];
  /**
   * What a save is waiting for right now, when it has waited more than a moment (a file held by
   * another program, another 法治年报 process saving): "正在等待其他程序释放文件…". Null otherwise.
   * For any screen to show instead of a failure; `onWait` in waitNotice.ts calls back on change.
   */
  waiting(): WaitNotice | null;
  /** Reads every file; throws the first CORRUPT_* error when any file cannot be read. */
  snapshot(): Promise<StoreSnapshot>;
  /**
   * Replaces the whole folder with `next`, with no other update running meanwhile. Before
   * writing, current readable data is saved as one single-file backup in backups/
   * (`before-restore-<stamp>.json`); years missing from `next` and unreadable files are moved
   * into backups/, never deleted.
   */
  replaceAll(next: StoreSnapshot): Promise<ReplaceReport>;
  /**
   * Moves an unreadable data file (unit.json for null, else that year's file) out of the way as
   * `<name>.damaged-<stamp>.json` in the data folder, so the clerk can start it afresh; returns
   * where the damaged copy is. CONFLICT when the file can be read (never drops good data).
   */
  setAsideDamaged(year: number | null): Promise<string>;
}

/** Everything in the data folder at one moment (what a single-file backup holds). */
export interface StoreSnapshot {
  unit: UnitFile | null;
  years: YearData[];
}

/** What `Store.replaceAll` did besides writing the new files. */
export interface ReplaceReport {
  /** single-file backup of the previous data, in backups/ (null when the folder was empty) */
  safetyBackup: string | null;
  /** previous files (years not in the new data, unreadable files) moved into backups/ */
  movedAside: string[];
}

export interface StoreOptions {
  /** clock, for tests of the daily backup */
  now?: () => Date;
  /** a backup of a file is taken before every `backupEvery`-th write (besides the daily one); default 50 */
  backupEvery?: number;
  /** rotating backups kept per file; default 30 */
  keepBackups?: number;
  /**
   * Year summaries kept between runs (summaryCache.ts): the folder they go in (the per-user cache)
   * and the program version they are valid for. Without it (tests of the store itself) every
   * start reads every year in full.
   */
  summaryCache?: { dir: string; programVersion: string };
}
