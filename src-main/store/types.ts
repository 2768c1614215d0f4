import type { Unit } from '../../src-shared/domain/unit';
import type { YearData } from '../../src-shared/domain/year';

/** unit.json on disk */
export interface UnitFile {
  version: number;
  unit: Unit;
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
  readUnit(): Promise<UnitFile | null>;
  /** `fn` gets a copy and returns the new value; nothing is written if it throws. */
  updateUnit(fn: (current: UnitFile | null) => UnitFile | Promise<UnitFile>): Promise<UnitFile>;
  listYears(): Promise<number[]>;
  /** null when the year does not exist */
  readYear(year: number): Promise<YearData | null>;
  /**
   * Read-modify-write of one year. `fn` mutates the draft or returns a replacement; its return
   * value (if not a YearData) is passed through. Throws NOT_FOUND when the year does not exist.
   */
  updateYear<T>(year: number, fn: (draft: YearData) => T | Promise<T>): Promise<T>;
  /** Create a year; CONFLICT when it exists. */
  createYear(data: YearData): Promise<void>;
  /** Messages about files recovered from backup since the store was opened (drained on read). */
  takeNotices(): RecoveryNotice[];
}
