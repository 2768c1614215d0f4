import { constants as fsc, promises as fsp } from 'node:fs';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { fileErrorMessage } from '../../src-shared/fileErrors';
import { zodToAppError } from '../../src-shared/validation';
import { YearDataSchema, type YearData } from '../../src-shared/domain/year';
import { AtomicJsonAdapter, JsonParseError, contentHash, fsyncDir, parseTempName, renameWithRetry, writeFileAtomic } from './atomicJsonAdapter';
import { BACKUPS_DIR_NAME, listBackups, takeBackup } from './backups';
import { acquireFileLock, isProcessAlive, removeDeadLocks, type FileLock } from './fileLock';
import { encodeEnvelope } from './envelope';
import { removeAbandonedOutsideTemps } from './outsideFile';
import { JOURNAL_FILE, STAGING_DIR, recoverInterruptedRestore, rollForward, stageFiles, stagingPaths, writeJournal } from './restoreJournal';
import { migrateUnit, migrateYear, newerVersionMessage, type MigrationResult } from './migrations';
import { UnitFileSchema } from './schemas';
import { copyYear, newOrigins, stringifyYear, validateYear } from './yearValidation';
import { chineseDateTime, msStamp, secondStamp } from './timeStamp';
import { isoDate } from '../../src-shared/dates';
import type { RecoveryNotice, ReplaceReport, Store, StoreOptions, StoreSnapshot, UnitFile } from './types';

const UNIT_FILE = 'unit.json';
const YEAR_FILE_RE = /^year-(\d{4})\.json$/;
const yearFileName = (year: number) => `year-${year}.json`;

/** How one kind of data file is read, checked and described to the clerk. */
interface FileKind<T> {
  label: string;
  migrate: (raw: unknown) => MigrationResult;
  schema: z.ZodType<T, unknown>;
  stringify: (data: T) => string;
  /** what a restored copy holds, for the recovery message */
  describe: (data: T) => string;
}

const UNIT_KIND: FileKind<UnitFile> = {
  label: '单位信息文件',
  migrate: migrateUnit,
  schema: UnitFileSchema as z.ZodType<UnitFile, unknown>,
  stringify: (d) => JSON.stringify(d, null, 2),
  describe: (d) => `单位：${d.unit.fullName}`,
};

const YEAR_KIND: FileKind<YearData> = {
  label: '年度数据文件',
  migrate: migrateYear,
  schema: YearDataSchema as z.ZodType<YearData, unknown>,
  // Compact, and reusing unchanged records' text: a big year is rewritten on every change.
  stringify: stringifyYear,
  describe: (d) => `台账 ${d.ledger.length} 条，调解 ${d.mediation.length} 件`,
};

interface Slot<T> {
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
  /** this process holds the file's cross-process lock (operations on one slot never overlap here) */
  locked: boolean;
}

function errCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : undefined;
}

/**
 * The data file is no longer the one this operation read (another program wrote it without the
 * lock, or after breaking it): the operation is re-run on the new content instead of writing over it.
 */
class StaleReadError extends Error {
  constructor(file: string) {
    super(`${file} changed since it was read`);
    this.name = 'StaleReadError';
  }
}

/** How often an operation is re-applied to a file that keeps changing under it before giving up. */
const MAX_REAPPLY = 5;

/** `file`: the full path involved, so the clerk is told where (which disk is full, which is read-only). */
function ioError(e: unknown, action: string, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = errCode(e);
  return new AppError('IO', fileErrorMessage(code, `${action} ${path.basename(file)}`, file), { code });
}

/** The file's mtime has no sub-millisecond part: its disk keeps coarse times (or no file yet). */
function coarseClock(sig: string | null): boolean {
  if (sig === null) return true;
  return BigInt(sig.slice(sig.lastIndexOf(':') + 1)) % 1_000_000n === 0n;
}

async function statSig(file: string): Promise<string | null> {
  try {
    const s = await fsp.stat(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/** Temp files left by a process that was killed mid-write; never those of a live process. */
async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const t = parseTempName(name);
    if (t && t.pid !== process.pid && !isProcessAlive(t.pid)) await fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** Several readers/updaters at once, or one `replaceAll` alone. */
class Gate {
  private active = 0;
  private exclusive: Promise<void> | null = null;
  private idle: Array<() => void> = [];
  /** set inside a shared section: a nested call (a year updated inside a unit section) is already in */
  private readonly inside = new AsyncLocalStorage<true>();

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    // waiting here for a replaceAll that itself waits for this section to end would never end
    if (this.inside.getStore()) return fn();
    while (this.exclusive) await this.exclusive;
    this.active++;
    try {
      return await this.inside.run(true, fn);
    } finally {
      if (--this.active === 0) {
        const w = this.idle;
        this.idle = [];
        for (const r of w) r();
      }
    }
  }

  async alone<T>(fn: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise<void>((r) => (release = r));
    try {
      if (this.active > 0) await new Promise<void>((r) => this.idle.push(r));
      return await fn();
    } finally {
      this.exclusive = null;
      release();
    }
  }
}

function looksLikeYearData(v: unknown): v is YearData {
  return typeof v === 'object' && v !== null && 'version' in v && 'year' in v && 'report' in v && 'ledger' in v;
}

async function uniqueName(dir: string, base: string, ext: string): Promise<string> {
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}${ext}` : `${base}-${i}${ext}`;
    if ((await statSig(path.join(dir, name))) === null) return name;
  }
}

async function syncFile(file: string): Promise<void> {
  const h = await fsp.open(file, 'r+');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

class FileStore implements Store {
  readonly dataDir: string;
  readonly backupsDir: string;
  private readonly now: () => Date;
  private readonly backupEvery: number;
  private readonly keepBackups: number;
  private readonly slots = new Map<string, Slot<unknown>>();
  private readonly gate = new Gate();
  private notices: RecoveryNotice[] = [];

  constructor(dataDir: string, options: StoreOptions) {
    this.dataDir = dataDir;
    this.backupsDir = path.join(dataDir, BACKUPS_DIR_NAME);
    this.now = options.now ?? (() => new Date());
    this.backupEvery = options.backupEvery ?? 50;
    this.keepBackups = options.keepBackups ?? 30;
  }

  async init(): Promise<void> {
    try {
      await fsp.mkdir(this.backupsDir, { recursive: true });
    } catch (e) {
      throw ioError(e, '创建数据文件夹', this.dataDir);
    }
    await removeStaleTemps(this.dataDir);
    await removeStaleTemps(this.backupsDir);
    await removeDeadLocks(this.dataDir);
    await removeAbandonedOutsideTemps(this.dataDir);
    await this.finishInterruptedRestore();
  }

  /** A restore that a crash interrupted is finished (decided) or undone (not yet decided). */
  private async finishInterruptedRestore(): Promise<void> {
    const p = stagingPaths(this.dataDir);
    const present = async (f: string) => (await statSig(f).catch(() => 'error')) !== null;
    if (!(await present(p.journal)) && !(await present(p.staging))) return;
    const lock = await this.lockPath(p.journal, '恢复日志');
    try {
      const what = await recoverInterruptedRestore(this.dataDir);
      if (what === 'finished') {
        this.notices.push({ file: JOURNAL_FILE, message: '上次从备份恢复数据时程序意外退出，已在本次启动时完成恢复。', at: this.now().toISOString() });
      }
    } catch (e) {
      throw ioError(e, '完成上次中断的恢复', path.join(this.dataDir, STAGING_DIR));
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  // ---- slots -------------------------------------------------------------------------------

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
        locked: false,
      };
      this.slots.set(fileName, s as Slot<unknown>);
    }
    return s;
  }

  private unitSlot(): Slot<UnitFile> {
    return this.slot(UNIT_FILE, UNIT_KIND, null);
  }

  private yearSlot(year: number): Slot<YearData> {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new AppError('VALIDATION', `年度无效：${year}`);
    return this.slot(yearFileName(year), YEAR_KIND, year);
  }

  /** Runs `op` after every earlier operation on the same file (per-file serialization). */
  private run<T, R>(slot: Slot<T>, op: () => Promise<R>): Promise<R> {
    return this.gate.shared(() => this.queued(slot, op));
  }

  /** Per-file queue only; callers must already hold the gate. */
  private queued<T, R>(slot: Slot<T>, op: () => Promise<R>): Promise<R> {
    const p = slot.queue.then(op, op);
    slot.queue = p.catch(() => undefined);
    return p;
  }

  /**
   * Runs `op` holding the file's cross-process lock (re-entrant within one operation). Whatever
   * `op` reads through `ensureLoaded` is then the latest content, and nobody writes until it ends.
   */
  private async locked<T, R>(slot: Slot<T>, op: () => Promise<R>): Promise<R> {
    if (slot.locked) return op();
    const lock = await this.lock(slot);
    slot.locked = true;
    try {
      return await op();
    } finally {
      slot.locked = false;
      await lock.release().catch(() => undefined);
    }
  }

  private async lockPath(file: string, label: string): Promise<FileLock> {
    try {
      return await acquireFileLock(file, { label });
    } catch (e) {
      throw ioError(e, '锁定', file);
    }
  }

  private async lock<T>(slot: Slot<T>): Promise<FileLock> {
    try {
      return await acquireFileLock(slot.filePath, { label: slot.fileName });
    } catch (e) {
      throw ioError(e, '锁定', slot.filePath);
    }
  }

  /** Locks several files in name order (the same order in every process), for replaceAll. */
  private async lockAll(slots: Array<Slot<unknown>>): Promise<() => Promise<void>> {
    const held: Array<[Slot<unknown>, FileLock]> = [];
    const releaseAll = async () => {
      for (const [s, l] of held.reverse()) {
        s.locked = false;
        await l.release().catch(() => undefined);
      }
    };
    try {
      for (const s of [...slots].sort((a, b) => (a.fileName < b.fileName ? -1 : 1))) {
        if (s.locked) continue;
        held.push([s, await this.lock(s)]);
        s.locked = true;
      }
    } catch (e) {
      await releaseAll();
      throw e;
    }
    return releaseAll;
  }

  private readSlot<T>(slot: Slot<T>): Promise<T | null> {
    return this.queued(slot, async () => {
      await this.ensureLoaded(slot);
      if (slot.data === null) return null;
      return slot.year === null ? structuredClone(slot.data) : (copyYear(slot.data as YearData) as T);
    });
  }

  // ---- loading and recovery ------------------------------------------------------------------

  /** Brings `slot.data` in line with the disk; throws CORRUPT_* when the file cannot be used. */
  private async ensureLoaded<T>(slot: Slot<T>): Promise<void> {
    let sig: string | null;
    try {
      sig = await statSig(slot.filePath);
    } catch (e) {
      throw ioError(e, '读取', slot.filePath);
    }
    if (sig === slot.sig && (slot.loaded || slot.blocked)) {
      if (slot.blocked) throw slot.blocked;
      return;
    }
    await this.load(slot, sig);
  }

  private async load<T>(slot: Slot<T>, sig: string | null): Promise<void> {
    slot.loaded = false;
    slot.blocked = null;
    slot.sig = sig;
    // hashing a big year costs time on every read and write; only coarse-clock disks need it
    (slot.low.adapter as AtomicJsonAdapter<unknown>).keepHash = coarseClock(sig);
    let raw: unknown;
    try {
      // Low.read keeps the previous data when the adapter finds no file
      slot.low.data = null;
      await slot.low.read();
      raw = slot.low.data;
    } catch (e) {
      if (e instanceof JsonParseError) return this.recover(slot, '内容不是完整的 JSON，可能写入时被中断或被截断');
      throw ioError(e, '读取', slot.filePath);
    }
    if (raw === null) {
      slot.data = null;
      slot.loaded = true;
      slot.migrated = false;
      return;
    }
    const checked = this.check(slot, raw);
    if (checked.kind === 'newer') {
      slot.blocked = new AppError('CORRUPT_UNRECOVERABLE', newerVersionMessage(slot.fileName, checked.version), {
        reason: 'newer-version',
        version: checked.version,
        file: slot.filePath,
      });
      throw slot.blocked;
    }
    if (checked.kind === 'invalid') return this.recover(slot, checked.reason);
    slot.data = checked.data;
    slot.migrated = checked.migrated;
    slot.loaded = true;
  }

  private check<T>(
    slot: Slot<T>,
    raw: unknown,
  ): { kind: 'ok'; data: T; migrated: boolean } | { kind: 'newer'; version: number } | { kind: 'invalid'; reason: string } {
    const m = slot.kind.migrate(raw);
    if (m.kind !== 'ok') return m;
    const r = slot.kind.schema.safeParse(m.value);
    if (!r.success) return { kind: 'invalid', reason: zodToAppError(r.error).message };
    if (slot.year !== null && (r.data as YearData).year !== slot.year) {
      return { kind: 'invalid', reason: `文件内的年度（${(r.data as YearData).year}）与文件名不符` };
    }
    return { kind: 'ok', data: r.data, migrated: m.fromVersion !== m.value.version };
  }

  /**
   * The file is unreadable. Keep its bytes (as `<name>.corrupt-<stamp>.json`), put back the newest
   * backup that validates, and tell the caller; with no usable backup, touch nothing and refuse
   * writes until the file changes.
   */
  private async recover<T>(slot: Slot<T>, reason: string): Promise<void> {
    if (!slot.locked) {
      return this.locked(slot, async () => {
        // Another process may have rewritten (or already recovered) the file meanwhile.
        let sig: string | null;
        try {
          sig = await statSig(slot.filePath);
        } catch (e) {
          throw ioError(e, '读取', slot.filePath);
        }
        if (sig !== slot.sig) return this.load(slot, sig);
        return this.recover(slot, reason);
      });
    }
    const backups = await listBackups(this.backupsDir, slot.fileName).catch(() => []);
    for (const b of backups) {
      let raw: unknown;
      try {
        raw = JSON.parse(await fsp.readFile(b.path, 'utf8'));
      } catch {
        continue;
      }
      const checked = this.check(slot, raw);
      if (checked.kind !== 'ok') continue;

      const base = slot.fileName.replace(/\.json$/, '');
      let corruptName: string;
      try {
        corruptName = await uniqueName(this.dataDir, `${base}.corrupt-${secondStamp(this.now())}`, '.json');
        const corruptPath = path.join(this.dataDir, corruptName);
        // Copy then atomically replace (rather than rename then write): a crash in between
        // leaves the corrupt file in place, and the recovery simply runs again.
        await fsp.copyFile(slot.filePath, corruptPath, fsc.COPYFILE_EXCL);
        await syncFile(corruptPath);
        slot.low.data = checked.data;
        await slot.low.write();
        slot.sig = await statSig(slot.filePath);
      } catch (e) {
        throw ioError(e, '恢复', slot.filePath);
      }
      slot.data = checked.data;
      slot.loaded = true;
      slot.migrated = checked.migrated;
      slot.writesSinceBackup = 0;
      const message =
        `${slot.kind.label} ${slot.fileName} 已损坏（${reason}），已另存为 ${corruptName}，` +
        `并从 ${chineseDateTime(b.at)} 的备份恢复（${slot.kind.describe(checked.data)}）。该备份之后所做的修改未能恢复，请核对。`;
      const at = this.now().toISOString();
      this.notices.push({ file: slot.fileName, message, at });
      throw new AppError('CORRUPT_RECOVERED', message, {
        file: slot.filePath,
        corruptCopy: path.join(this.dataDir, corruptName),
        backup: b.path,
        backupAt: b.at.toISOString(),
      });
    }
    slot.blocked = new AppError(
      'CORRUPT_UNRECOVERABLE',
      `${slot.kind.label} ${slot.fileName} 已损坏（${reason}），且没有可用的自动备份。该文件已原样保留在 ${slot.filePath}，` +
        `在修复之前不会写入它。请用“恢复备份”导入之前保存的备份文件（法治年报备份-….json），或把该文件交给技术人员修复。`,
      { reason: 'corrupt', file: slot.filePath },
    );
    throw slot.blocked;
  }

  // ---- writing ---------------------------------------------------------------------------------

  private async persist<T>(slot: Slot<T>, value: T): Promise<void> {
    const now = this.now();
    try {
      if (slot.data !== null) {
        if (slot.lastBackupDay === undefined) {
          const newest = (await listBackups(this.backupsDir, slot.fileName))[0];
          slot.lastBackupDay = newest ? isoDate(newest.at) : null;
        }
        if (slot.migrated || slot.writesSinceBackup >= this.backupEvery || slot.lastBackupDay !== isoDate(now)) {
          // The bytes on disk are the last validated state (checked by ensureLoaded).
          const content = await fsp.readFile(slot.filePath);
          await takeBackup(this.backupsDir, slot.fileName, content, now, this.keepBackups);
          slot.lastBackupDay = isoDate(now);
          slot.writesSinceBackup = 0;
          slot.migrated = false;
        }
      }
      const created = slot.data === null;
      slot.low.data = value;
      const adapter = slot.low.adapter as AtomicJsonAdapter<unknown>;
      adapter.beforeRename = () => this.verifyUnchanged(slot);
      try {
        await slot.low.write();
      } finally {
        adapter.beforeRename = undefined;
      }
      if (created && slot.year === null) {
        // unit.json is small and rarely rewritten: without this, a unit.json damaged before its
        // first rewrite on a later day would have nothing to be restored from
        await takeBackup(this.backupsDir, slot.fileName, await fsp.readFile(slot.filePath), now, this.keepBackups);
        slot.lastBackupDay = isoDate(now);
        slot.writesSinceBackup = -1; // the increment below makes it 0: this write is the backup
      }
    } catch (e) {
      // The write may or may not have landed; re-read before the next operation.
      slot.loaded = false;
      slot.sig = null;
      if (e instanceof StaleReadError) throw e;
      throw ioError(e, '保存', slot.filePath);
    }
    slot.data = value;
    slot.loaded = true;
    slot.writesSinceBackup++;
    slot.sig = await statSig(slot.filePath).catch(() => null);
    (slot.low.adapter as AtomicJsonAdapter<unknown>).keepHash = coarseClock(slot.sig);
  }

  /**
   * Just before the final rename: is the file still the one `slot.data` was read from (size,
   * mtime and inode, then the bytes' hash)? If not, someone wrote it meanwhile and this write
   * would drop their change.
   */
  private async verifyUnchanged<T>(slot: Slot<T>): Promise<void> {
    const sig = await statSig(slot.filePath);
    if (slot.data === null) {
      if (sig !== null) throw new StaleReadError(slot.fileName);
      return;
    }
    if (sig === null || sig !== slot.sig) throw new StaleReadError(slot.fileName);
    // Every write here replaces the inode, and an in-place write moves a fine-grained mtime, so an
    // equal signature is the same file. On coarse clocks (FAT: 2 s, some shares: 1 s or 1 ms) a
    // same-size in-place rewrite could keep size and mtime: compare the bytes' hash there.
    if (!coarseClock(sig)) return;
    const expected = (slot.low.adapter as AtomicJsonAdapter<unknown>).lastHash;
    const now = contentHash(await fsp.readFile(slot.filePath));
    if (expected !== null && now !== expected) throw new StaleReadError(slot.fileName);
  }

  /** Runs a read-modify-write, re-reading and re-applying it when the file changed before the rename. */
  private async reapplying<R>(slot: Slot<unknown>, op: () => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await op();
      } catch (e) {
        if (!(e instanceof StaleReadError)) throw e;
        slot.loaded = false;
        slot.sig = null;
        if (attempt >= MAX_REAPPLY) {
          throw new AppError('IO', `${slot.fileName} 在保存时不断被另一个程序改写，本次修改没有保存，请稍后再试。`, { reason: 'changing' });
        }
      }
    }
  }

  // ---- Store -----------------------------------------------------------------------------------

  readUnit(): Promise<UnitFile | null> {
    return this.gate.shared(() => this.readSlot(this.unitSlot()));
  }

  updateUnit(fn: (current: UnitFile | null) => UnitFile | Promise<UnitFile>): Promise<UnitFile> {
    const slot = this.unitSlot();
    return this.run(slot, () => this.locked(slot, () => this.reapplying(slot as Slot<unknown>, async () => {
      await this.ensureLoaded(slot);
      const next = await fn(slot.data === null ? null : structuredClone(slot.data));
      const r = UnitFileSchema.safeParse(next);
      if (!r.success) throw zodToAppError(r.error);
      await this.persist(slot, r.data);
      return structuredClone(r.data);
    })));
  }

  withUnit<T>(fn: (current: UnitFile | null) => Promise<T>): Promise<T> {
    const slot = this.unitSlot();
    return this.run(slot, () => this.locked(slot, async () => {
      await this.ensureLoaded(slot);
      return fn(slot.data === null ? null : structuredClone(slot.data));
    }));
  }

  async listYears(): Promise<number[]> {
    let names: string[];
    try {
      names = await fsp.readdir(this.dataDir);
    } catch (e) {
      throw ioError(e, '读取数据文件夹', this.dataDir);
    }
    const years: number[] = [];
    for (const n of names) {
      const m = YEAR_FILE_RE.exec(n);
      if (m) years.push(Number(m[1]));
    }
    return years.sort((a, b) => a - b);
  }

  readYear(year: number): Promise<YearData | null> {
    const slot = this.yearSlot(year);
    return this.gate.shared(() => this.readSlot(slot));
  }

  updateYear<T>(year: number, fn: (draft: YearData) => T | Promise<T>): Promise<T> {
    const slot = this.yearSlot(year);
    return this.run(slot, () => this.locked(slot, () => this.reapplying(slot as Slot<unknown>, async () => {
      await this.ensureLoaded(slot);
      if (slot.data === null) throw new AppError('NOT_FOUND', `${year}年度不存在，请先创建该年度。`);
      const origins = newOrigins();
      const draft = copyYear(slot.data, origins);
      const result = await fn(draft);
      const replaced = looksLikeYearData(result);
      const next = validateYear(replaced ? result : draft, origins);
      if (next.year !== year) throw new AppError('VALIDATION', `年度数据的年度（${next.year}）与要修改的年度（${year}）不一致。`);
      await this.persist(slot, next);
      return replaced ? (copyYear(next) as T) : result;
    })));
  }

  createYear(data: YearData): Promise<void> {
    const r = YearDataSchema.safeParse(data);
    if (!r.success) return Promise.reject(zodToAppError(r.error));
    const slot = this.yearSlot(r.data.year);
    return this.run(slot, () => this.locked(slot, () => this.reapplying(slot as Slot<unknown>, async () => {
      await this.ensureLoaded(slot);
      if (slot.data !== null) throw new AppError('CONFLICT', `${r.data.year}年度已存在。`);
      await this.persist(slot, r.data);
    })));
  }

  setAsideDamaged(year: number | null): Promise<string> {
    const slot = (year === null ? this.unitSlot() : this.yearSlot(year)) as Slot<unknown>;
    return this.run(slot, () => this.locked(slot, async () => {
      let damaged = false;
      try {
        await this.ensureLoaded(slot);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        damaged = e.code === 'CORRUPT_UNRECOVERABLE' && (e.details as { reason?: string } | undefined)?.reason === 'corrupt';
        if (!damaged && e.code !== 'CORRUPT_RECOVERED') throw e;
      }
      // only an unreadable file is moved: this must never become a way to drop good data
      if (!damaged) throw new AppError('CONFLICT', `${slot.fileName} 可以正常读取，不需要另起空白数据。`);
      const base = slot.fileName.replace(/\.json$/, '');
      try {
        const name = await uniqueName(this.dataDir, `${base}.damaged-${secondStamp(this.now())}`, '.json');
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
    }));
  }

  takeNotices(): RecoveryNotice[] {
    const n = this.notices;
    this.notices = [];
    return n;
  }

  snapshot(): Promise<StoreSnapshot> {
    return this.gate.shared(async () => {
      const unit = await this.readSlot(this.unitSlot());
      const years: YearData[] = [];
      for (const y of await this.listYears()) {
        const d = await this.readSlot(this.yearSlot(y));
        if (d) years.push(d);
      }
      return { unit, years };
    });
  }

  replaceAll(next: StoreSnapshot): Promise<ReplaceReport> {
    const unit = next.unit === null ? null : parseOrThrow(UnitFileSchema as z.ZodType<UnitFile, unknown>, next.unit);
    const years = next.years.map((y) => parseOrThrow(YearDataSchema as z.ZodType<YearData, unknown>, y));
    return this.gate.alone(async () => {
      const slots: Array<Slot<unknown>> = [this.unitSlot() as Slot<unknown>];
      const addYears = async () => {
        for (const y of await this.listYears()) if (!slots.some((s) => s.year === y)) slots.push(this.yearSlot(y) as Slot<unknown>);
      };
      await addYears();
      for (const y of years) if (!slots.some((s) => s.year === y.year)) slots.push(this.yearSlot(y.year) as Slot<unknown>);
      // held throughout, so no other process takes this switch for an interrupted one
      const journalLock = await this.lockPath(path.join(this.dataDir, JOURNAL_FILE), '恢复日志');
      const releases = [() => journalLock.release().catch(() => undefined), await this.lockAll(slots)];
      try {
        // a year another process created before we held the locks
        const before = slots.length;
        await addYears();
        if (slots.length > before) releases.push(await this.lockAll(slots.slice(before)));
        return await this.replaceLocked(slots, unit, years);
      } finally {
        for (const r of releases.reverse()) await r();
      }
    });
  }

  /** replaceAll once every file involved is locked: stage, decide (journal), switch. */
  private async replaceLocked(slots: Array<Slot<unknown>>, unit: UnitFile | null, years: YearData[]): Promise<ReplaceReport> {
    const now = this.now();
    const stamp = msStamp(now);

    // Gather what is there now: readable files go into the safety backup, unreadable ones are
    // kept aside as they are.
    const current: StoreSnapshot = { unit: null, years: [] };
    const unreadable = new Set<string>();
    for (const slot of slots) {
      try {
        await this.ensureLoaded(slot);
      } catch (e) {
        if (!(e instanceof AppError) || e.code === 'IO') throw e;
        if (e.code !== 'CORRUPT_RECOVERED') {
          unreadable.add(slot.fileName);
          continue;
        }
        // now valid again (the notice stays queued)
      }
      if (slot.data === null) continue;
      if (slot.year === null) current.unit = slot.data as UnitFile;
      else current.years.push(slot.data as YearData);
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
      const name = await uniqueName(this.backupsDir, `before-restore-${stamp}`, '.json');
      safetyBackup = path.join(this.backupsDir, name);
      try {
        await writeFileAtomic(safetyBackup, encodeEnvelope(current, now));
      } catch (e) {
        throw ioError(e, '保存恢复前的备份', safetyBackup);
      }
    }

    const incoming = new Set(files.map((f) => f.fileName));
    const aside: Record<string, string | null> = {};
    for (const slot of slots) {
      const base = slot.fileName.replace(/\.json$/, '');
      if (unreadable.has(slot.fileName)) aside[slot.fileName] = await uniqueName(this.backupsDir, `${base}.unreadable-${stamp}`, '.json');
      else if (slot.data === null) continue;
      else if (!incoming.has(slot.fileName)) aside[slot.fileName] = await uniqueName(this.backupsDir, `${base}.removed-${stamp}`, '.json');
      else aside[slot.fileName] = null; // its content is in the safety backup
    }

    try {
      await stageFiles(this.dataDir, files);
    } catch (e) {
      await fsp.rm(stagingPaths(this.dataDir).staging, { recursive: true, force: true }).catch(() => undefined);
      throw ioError(e, '准备恢复的数据', this.dataDir);
    }
    let movedAside: string[];
    try {
      await writeJournal(this.dataDir, { format: 'fazhi-restore-journal', put: files.map((f) => f.fileName), aside });
    } catch (e) {
      await fsp.rm(stagingPaths(this.dataDir).staging, { recursive: true, force: true }).catch(() => undefined);
      throw ioError(e, '准备恢复的数据', this.dataDir);
    }
    try {
      movedAside = await rollForward(this.dataDir, { format: 'fazhi-restore-journal', put: files.map((f) => f.fileName), aside });
    } catch (e) {
      // decided: the next open of the folder finishes the switch
      this.forgetAll();
      throw ioError(e, '切换到恢复的数据（下次打开时会自动完成）', this.dataDir);
    }
    this.forgetAll();
    for (const f of files) {
      const slot = f.fileName === UNIT_FILE ? (this.unitSlot() as Slot<unknown>) : (this.yearSlot(Number(f.fileName.slice(5, 9))) as Slot<unknown>);
      slot.lastBackupDay = undefined;
    }
    return { safetyBackup, movedAside };
  }

  /** After the folder was switched under them: every file is read afresh on next use. */
  private forgetAll(): void {
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

function parseOrThrow<T>(schema: z.ZodType<T, unknown>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) throw zodToAppError(r.error);
  return r.data;
}

/** Opens (creating if needed) the data folder. Files are read lazily, on first use. */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const store = new FileStore(path.resolve(dataDir), options);
  await store.init();
  return store;
}
