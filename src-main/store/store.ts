import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { zodToAppError } from '../../src-shared/validation';
import { YearDataSchema, type YearData } from '../../src-shared/domain/year';
import { fsyncDir, removeStaleTemps, renameWithRetry } from './atomicWrite';
import { FolderAccess, queued, removeDeadLocks, withFileLock } from './locking';
import { BACKUPS_DIR_NAME } from './backups';
import { ioError, uniqueName } from './fsHelpers';
import { removeAbandonedOutsideTemps } from './outsideFile';
import { parseReplacement, replaceFolder, settleRestore } from './restore';
import { UnitFileSchema } from './schemas';
import { DamagedUnlockedError, DataFiles, adapterOf, ensureLoaded, listYearFiles, looksLikeYearData, reapplying, writeDataFile, type DataFile, type StoreEnv } from './dataFile';
import { secondStamp } from './timeStamp';
import type { RecoveryNotice, ReplaceReport, Store, StoreOptions, StoreSnapshot, UnitFile } from './types';
import { copyYear, newOrigins, validateYear } from './yearValidation';
import { currentWait, type WaitNotice } from './waitNotice';
import { storedSummary } from './yearSummary';
import { SummaryCache } from './summaryCache';
import { YEAR_FILE_VERSION } from '../../src-shared/domain/year';
import { workCounts } from './workCounts';
import type { YearSummary } from '../../src-shared/contract';

/**
 * The Store over one data folder. Every operation on a file goes: folder access (shared, or
 * alone for a restore; a restore decided but not switched in is finished first) → the file's
 * queue → its cross-process lock (locking.ts, fileLock.ts) → read, repairing if damaged
 * (readAndWrite.ts, recovery.ts) → change → validate → write (readAndWrite.ts, atomicWrite.ts).
 * A restore is restore.ts and restoreJournal.ts. This class only puts them in that order.
 */
class FileStore implements Store {
  readonly dataDir: string;
  readonly backupsDir: string;
  private readonly env: StoreEnv;
  private readonly dataFiles: DataFiles;
  private readonly access = new FolderAccess();
  private readonly summaries: SummaryCache | null;

  constructor(dataDir: string, options: StoreOptions) {
    this.dataDir = dataDir;
    this.backupsDir = path.join(dataDir, BACKUPS_DIR_NAME);
    this.env = {
      dataDir,
      backupsDir: this.backupsDir,
      now: options.now ?? (() => new Date()),
      backupEvery: options.backupEvery ?? 50,
      keepBackups: options.keepBackups ?? 30,
      notices: [],
      switchFailed: null,
    };
    this.dataFiles = new DataFiles(dataDir);
    const cache = options.summaryCache;
    this.summaries = cache ? new SummaryCache(cache.dir, dataDir, `${cache.programVersion}/${YEAR_FILE_VERSION}`) : null;
  }

  async init(): Promise<void> {
    try {
      await fsp.mkdir(this.backupsDir, { recursive: true });
    } catch (e) {
      throw ioError(e, '创建数据文件夹', this.dataDir);
    }
    // what killed processes left behind (only what provably belongs to a dead one), and a restore
    // a crash interrupted; a switch that cannot be finished now does not stop the folder from
    // opening: every use says why it waits and tries again
    await removeStaleTemps(this.dataDir);
    await removeStaleTemps(this.backupsDir);
    await removeDeadLocks(this.dataDir);
    await removeAbandonedOutsideTemps(this.dataDir);
    await settleRestore(this.env, 'open').catch(() => undefined);
  }

  /**
   * Runs `fn` inside the shared access, once any decided restore is switched in (recovery.ts):
   * nothing is read from or written into a half-switched folder. A nested call is already in.
   */
  private use<R>(fn: () => Promise<R>): Promise<R> {
    const nested = this.access.nested;
    return this.access.shared(async () => {
      if (!nested) await settleRestore(this.env, 'use');
      return fn();
    });
  }

  /**
   * A copy of the file's content (null: no file), after every earlier operation on it. No lock is
   * taken (a read does not wait for another process's save) unless the file turns out damaged:
   * then it is read again under its lock, which recovers it (dataFile.ts).
   */
  private read<T>(dataFile: DataFile<T>): Promise<T | null> {
    return this.view(dataFile, (data) => {
      if (dataFile.year === null) return structuredClone(data);
      workCounts.yearCopies++;
      return copyYear(data as YearData) as T;
    });
  }

  /**
   * What `look` makes of the file's current content (null: no file), read as `read` does; `look`
   * gets the stored content itself, which it must not change, and must return nothing that
   * shares objects with it.
   */
  private view<T, R>(dataFile: DataFile<T>, look: (data: T) => R): Promise<R | null> {
    return queued(dataFile, () => this.viewUnqueued(dataFile, look));
  }

  /** `view` for a caller already in the file's queue. */
  private async viewUnqueued<T, R>(dataFile: DataFile<T>, look: (data: T) => R): Promise<R | null> {
    try {
      await ensureLoaded(this.env, dataFile);
    } catch (e) {
      if (!(e instanceof DamagedUnlockedError)) throw e;
      await withFileLock(dataFile, () => ensureLoaded(this.env, dataFile));
    }
    return dataFile.data === null ? null : look(dataFile.data);
  }

  /** Runs `op` in the file's queue holding its lock, inside the shared access. */
  private exclusiveOn<T, R>(dataFile: DataFile<T>, op: () => Promise<R>): Promise<R> {
    return this.use(() => queued(dataFile, () => withFileLock(dataFile, op)));
  }

  readUnit(): Promise<UnitFile | null> {
    return this.use(() => this.read(this.dataFiles.unit()));
  }

  updateUnit(fn: (current: UnitFile | null) => UnitFile | Promise<UnitFile>): Promise<UnitFile> {
    const dataFile = this.dataFiles.unit();
    return this.exclusiveOn(dataFile, () => reapplying(dataFile, async () => {
      await ensureLoaded(this.env, dataFile);
      const next = await fn(dataFile.data === null ? null : structuredClone(dataFile.data));
      const r = UnitFileSchema.safeParse(next);
      if (!r.success) throw zodToAppError(r.error);
      await writeDataFile(this.env, dataFile, r.data);
      return structuredClone(r.data);
    }));
  }

  withUnit<T>(fn: (current: UnitFile | null) => Promise<T>): Promise<T> {
    const dataFile = this.dataFiles.unit();
    return this.exclusiveOn(dataFile, async () => {
      await ensureLoaded(this.env, dataFile);
      return fn(dataFile.data === null ? null : structuredClone(dataFile.data));
    });
  }

  listYears(): Promise<number[]> {
    return listYearFiles(this.dataDir);
  }

  readYear(year: number): Promise<YearData | null> {
    const dataFile = this.dataFiles.year(year);
    return this.use(() => this.read(dataFile));
  }

  readYearSummary(year: number): Promise<YearSummary | null> {
    const dataFile = this.dataFiles.year(year);
    const cache = this.summaries;
    if (!cache) return this.use(() => this.view(dataFile, storedSummary));
    // in the file's queue, so no write of this process is under way while its bytes are looked at
    return this.use(() =>
      queued(dataFile, async () => {
        const known = await cache.lookup(dataFile as DataFile<unknown>);
        if ('summary' in known) return known.summary;
        const summary = await this.viewUnqueued(dataFile, storedSummary);
        if (known.seen && summary) await cache.remember(dataFile as DataFile<unknown>, known.seen, adapterOf(dataFile).lastHash, summary);
        return summary;
      }),
    );
  }

  /** Resolves when the year summaries learnt are written (tests). */
  summariesSettled(): Promise<void> {
    return this.summaries?.settled() ?? Promise.resolve();
  }

  updateYear<T>(year: number, fn: (draft: YearData) => T | Promise<T>): Promise<T> {
    const dataFile = this.dataFiles.year(year);
    return this.exclusiveOn(dataFile, () => reapplying(dataFile, async () => {
      await ensureLoaded(this.env, dataFile);
      if (dataFile.data === null) throw new AppError('NOT_FOUND', `${year}年度不存在，请先创建该年度。`);
      const origins = newOrigins();
      const draft = copyYear(dataFile.data, origins);
      const result = await fn(draft);
      const replaced = looksLikeYearData(result);
      const next = validateYear(replaced ? result : draft, origins);
      if (next.year !== year) throw new AppError('VALIDATION', `年度数据的年度（${next.year}）与要修改的年度（${year}）不一致。`);
      await writeDataFile(this.env, dataFile, next);
      return replaced ? (copyYear(next) as T) : result;
    }));
  }

  createYear(data: YearData): Promise<void> {
    const r = YearDataSchema.safeParse(data);
    if (!r.success) return Promise.reject(zodToAppError(r.error));
    const dataFile = this.dataFiles.year(r.data.year);
    return this.exclusiveOn(dataFile, () => reapplying(dataFile, async () => {
      await ensureLoaded(this.env, dataFile);
      if (dataFile.data !== null) throw new AppError('CONFLICT', `${r.data.year}年度已存在。`);
      await writeDataFile(this.env, dataFile, r.data);
    }));
  }

  setAsideDamaged(year: number | null): Promise<string> {
    const dataFile = (year === null ? this.dataFiles.unit() : this.dataFiles.year(year)) as DataFile<unknown>;
    return this.exclusiveOn(dataFile, async () => {
      let damaged = false;
      try {
        await ensureLoaded(this.env, dataFile);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        damaged = e.code === 'CORRUPT_UNRECOVERABLE' && (e.details as { reason?: string } | undefined)?.reason === 'corrupt';
        if (!damaged && e.code !== 'CORRUPT_RECOVERED') throw e;
      }
      // only an unreadable file is moved: this must never become a way to drop good data
      if (!damaged) throw new AppError('CONFLICT', `${dataFile.fileName} 可以正常读取，不需要另起空白数据。`);
      const base = dataFile.fileName.replace(/\.json$/, '');
      try {
        const name = await uniqueName(this.dataDir, `${base}.damaged-${secondStamp(this.env.now())}`, '.json');
        const to = path.join(this.dataDir, name);
        await renameWithRetry(dataFile.filePath, to);
        await fsyncDir(this.dataDir);
        dataFile.data = null;
        dataFile.loaded = true;
        dataFile.blocked = null;
        dataFile.migrated = false;
        dataFile.sig = null;
        dataFile.lastBackupDay = undefined;
        return to;
      } catch (e) {
        throw ioError(e, '另存损坏的文件', dataFile.filePath);
      }
    });
  }

  waiting(): WaitNotice | null {
    return currentWait();
  }

  recoveryNotices(): RecoveryNotice[] {
    return this.env.notices.map((n) => ({ ...n }));
  }

  snapshot(): Promise<StoreSnapshot> {
    return this.use(async () => {
      const unit = await this.read(this.dataFiles.unit());
      const years: YearData[] = [];
      for (const y of await this.listYears()) {
        const d = await this.read(this.dataFiles.year(y));
        if (d) years.push(d);
      }
      return { unit, years };
    });
  }

  replaceAll(next: StoreSnapshot): Promise<ReplaceReport> {
    const { unit, years } = parseReplacement(next);
    return this.access.alone(() => replaceFolder(this.env, this.dataFiles, unit, years));
  }
}

/** Opens (creating if needed) the data folder. Files are read lazily, on first use. */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const store = new FileStore(path.resolve(dataDir), options);
  await store.init();
  return store;
}
