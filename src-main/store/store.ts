import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { zodToAppError } from '../../src-shared/validation';
import { YearDataSchema, type YearData } from '../../src-shared/domain/year';
import { fsyncDir, renameWithRetry } from './atomicJsonAdapter';
import { Gate, queued, withSlotLock } from './accessGate';
import { BACKUPS_DIR_NAME } from './backups';
import { listYearFiles, looksLikeYearData } from './fileKinds';
import { ioError, uniqueName } from './fsHelpers';
import { ensureLoaded, readSlot } from './loadSlot';
import { persist, reapplying } from './persistSlot';
import { recoverOnOpen, settleRestore } from './recovery';
import { parseReplacement, replaceFolder } from './replaceAll';
import { UnitFileSchema } from './schemas';
import { SlotTable, type Slot, type StoreEnv } from './slots';
import { secondStamp } from './timeStamp';
import type { RecoveryNotice, ReplaceReport, Store, StoreOptions, StoreSnapshot, UnitFile } from './types';
import { copyYear, newOrigins, validateYear } from './yearValidation';
import { currentWait, type WaitNotice } from './waitNotice';

/**
 * The Store over one data folder. Every operation on a file goes: gate (shared, or alone for
 * replaceAll) → the file's queue → its cross-process lock → load (repairing if damaged) →
 * change → validate → persist. The pieces live in accessGate, loadSlot, persistSlot, recovery
 * and replaceAll; this class only puts them in that order.
 */
class FileStore implements Store {
  readonly dataDir: string;
  readonly backupsDir: string;
  private readonly env: StoreEnv;
  private readonly slots: SlotTable;
  private readonly gate = new Gate();

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
    this.slots = new SlotTable(dataDir);
  }

  async init(): Promise<void> {
    try {
      await fsp.mkdir(this.backupsDir, { recursive: true });
    } catch (e) {
      throw ioError(e, '创建数据文件夹', this.dataDir);
    }
    await recoverOnOpen(this.env);
  }

  /**
   * Runs `fn` inside the shared gate, once any decided restore is switched in (recovery.ts):
   * nothing is read from or written into a half-switched folder. A nested call is already in.
   */
  private use<R>(fn: () => Promise<R>): Promise<R> {
    const nested = this.gate.nested;
    return this.gate.shared(async () => {
      if (!nested) await settleRestore(this.env, 'use');
      return fn();
    });
  }

  /** Runs `op` in the file's queue holding its lock, inside the shared gate. */
  private exclusiveOn<T, R>(slot: Slot<T>, op: () => Promise<R>): Promise<R> {
    return this.use(() => queued(slot, () => withSlotLock(slot, op)));
  }

  readUnit(): Promise<UnitFile | null> {
    return this.use(() => readSlot(this.env, this.slots.unit()));
  }

  updateUnit(fn: (current: UnitFile | null) => UnitFile | Promise<UnitFile>): Promise<UnitFile> {
    const slot = this.slots.unit();
    return this.exclusiveOn(slot, () => reapplying(slot, async () => {
      await ensureLoaded(this.env, slot);
      const next = await fn(slot.data === null ? null : structuredClone(slot.data));
      const r = UnitFileSchema.safeParse(next);
      if (!r.success) throw zodToAppError(r.error);
      await persist(this.env, slot, r.data);
      return structuredClone(r.data);
    }));
  }

  withUnit<T>(fn: (current: UnitFile | null) => Promise<T>): Promise<T> {
    const slot = this.slots.unit();
    return this.exclusiveOn(slot, async () => {
      await ensureLoaded(this.env, slot);
      return fn(slot.data === null ? null : structuredClone(slot.data));
    });
  }

  listYears(): Promise<number[]> {
    return listYearFiles(this.dataDir);
  }

  readYear(year: number): Promise<YearData | null> {
    const slot = this.slots.year(year);
    return this.use(() => readSlot(this.env, slot));
  }

  updateYear<T>(year: number, fn: (draft: YearData) => T | Promise<T>): Promise<T> {
    const slot = this.slots.year(year);
    return this.exclusiveOn(slot, () => reapplying(slot, async () => {
      await ensureLoaded(this.env, slot);
      if (slot.data === null) throw new AppError('NOT_FOUND', `${year}年度不存在，请先创建该年度。`);
      const origins = newOrigins();
      const draft = copyYear(slot.data, origins);
      const result = await fn(draft);
      const replaced = looksLikeYearData(result);
      const next = validateYear(replaced ? result : draft, origins);
      if (next.year !== year) throw new AppError('VALIDATION', `年度数据的年度（${next.year}）与要修改的年度（${year}）不一致。`);
      await persist(this.env, slot, next);
      return replaced ? (copyYear(next) as T) : result;
    }));
  }

  createYear(data: YearData): Promise<void> {
    const r = YearDataSchema.safeParse(data);
    if (!r.success) return Promise.reject(zodToAppError(r.error));
    const slot = this.slots.year(r.data.year);
    return this.exclusiveOn(slot, () => reapplying(slot, async () => {
      await ensureLoaded(this.env, slot);
      if (slot.data !== null) throw new AppError('CONFLICT', `${r.data.year}年度已存在。`);
      await persist(this.env, slot, r.data);
    }));
  }

  setAsideDamaged(year: number | null): Promise<string> {
    const slot = (year === null ? this.slots.unit() : this.slots.year(year)) as Slot<unknown>;
    return this.exclusiveOn(slot, async () => {
      let damaged = false;
      try {
        await ensureLoaded(this.env, slot);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        damaged = e.code === 'CORRUPT_UNRECOVERABLE' && (e.details as { reason?: string } | undefined)?.reason === 'corrupt';
        if (!damaged && e.code !== 'CORRUPT_RECOVERED') throw e;
      }
      // only an unreadable file is moved: this must never become a way to drop good data
      if (!damaged) throw new AppError('CONFLICT', `${slot.fileName} 可以正常读取，不需要另起空白数据。`);
      const base = slot.fileName.replace(/\.json$/, '');
      try {
        const name = await uniqueName(this.dataDir, `${base}.damaged-${secondStamp(this.env.now())}`, '.json');
        const to = path.join(this.dataDir, name);
        await renameWithRetry(slot.filePath, to);
        await fsyncDir(this.dataDir);
        slot.data = null;
        slot.loaded = true;
        slot.blocked = null;
        slot.migrated = false;
        slot.sig = null;
        slot.lastBackupDay = undefined;
        return to;
      } catch (e) {
        throw ioError(e, '另存损坏的文件', slot.filePath);
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
      const unit = await readSlot(this.env, this.slots.unit());
      const years: YearData[] = [];
      for (const y of await this.listYears()) {
        const d = await readSlot(this.env, this.slots.year(y));
        if (d) years.push(d);
      }
      return { unit, years };
    });
  }

  replaceAll(next: StoreSnapshot): Promise<ReplaceReport> {
    const { unit, years } = parseReplacement(next);
    return this.gate.alone(() => replaceFolder(this.env, this.slots, unit, years));
  }
}

/** Opens (creating if needed) the data folder. Files are read lazily, on first use. */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const store = new FileStore(path.resolve(dataDir), options);
  await store.init();
  return store;
}
