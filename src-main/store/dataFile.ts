import { constants as fsc, promises as fsp } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import { isoDate } from '../../src-shared/dates';
import { zodToAppError } from '../../src-shared/validation';
import { YearDataSchema, type YearData } from '../../src-shared/domain/year';
import { AtomicJsonAdapter, JsonParseError, contentHash } from './atomicWrite';
import { listBackups, newestUsableBackup, takeBackup } from './backups';
import { errCode, ioError, syncFile, uniqueName } from './fsHelpers';
import { chineseDateTime, secondStamp } from './timeStamp';
import { LockLostError, type Lockable } from './locking';
import { migrateUnit, migrateYear, newerVersionMessage, type MigrationResult } from './migrations';
import { UnitFileSchema } from './schemas';
import type { RecoveryNotice, UnitFile } from './types';
import { stringifyYear } from './yearValidation';
import { workCounts } from './workCounts';

/**
 * How one data file — unit.json or a 年度文件 (year-YYYY.json) — is read and written, through
 * lowdb's `Low` with our atomic adapter (atomicWrite.ts): one `Low` per file, `low.read()` and
 * `low.write()`; the validation around them (migrations, zod) is ours.
 *  - Read (`ensureLoaded`): only when the disk changed since this process last saw it (its
 *    signature: inode, size, mtime), then migrated and validated. A damaged file is recovered
 *    from its newest valid backup (`recoverFromBackup`), by an operation that holds its lock;
 *    one that does not (a plain read) is told so (`DamagedUnlockedError`) and the Store takes it.
 *  - Write (`writeDataFile`): the rotating backup first when one is due (backups.ts), then the
 *    atomic write, refused at the last moment when the lock is no longer ours or another
 *    program changed the file since it was read: the change is then re-done on the new content
 *    (`reapplying`) or under a new lock (locking.ts).
 */

// ---- the two kinds of data file ----

export const UNIT_FILE = 'unit.json';
const YEAR_FILE_RE = /^year-(\d{4})\.json$/;
export const yearFileName = (year: number) => `year-${year}.json`;

/** How one kind of data file is read, checked and described to the clerk. */
export interface FileKind<T> {
  label: string;
  migrate: (raw: unknown) => MigrationResult;
  schema: z.ZodType<T, unknown>;
  stringify: (data: T) => string;
  /** what a restored copy holds, for the recovery message */
  describe: (data: T) => string;
}

export const UNIT_KIND: FileKind<UnitFile> = {
  label: '单位信息文件',
  migrate: migrateUnit,
  schema: UnitFileSchema as z.ZodType<UnitFile, unknown>,
  stringify: (d) => JSON.stringify(d, null, 2),
  describe: (d) => `单位：${d.unit.fullName}`,
};

export const YEAR_KIND: FileKind<YearData> = {
  label: '年度数据文件',
  migrate: migrateYear,
  schema: YearDataSchema as z.ZodType<YearData, unknown>,
  // Compact, and reusing unchanged records' text: a big year is rewritten on every change.
  stringify: stringifyYear,
  describe: (d) => `台账 ${d.ledger.length} 条，调解 ${d.mediation.length} 件`,
};

export type CheckedContent<T> =
  | { kind: 'ok'; data: T; migrated: boolean }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; reason: string };

/**
 * Parsed JSON of a file (or of one of its backups) brought to the current version and validated;
 * `year`: the year its name says (null for unit.json), which the content must agree with.
 */
export function checkContent<T>(kind: FileKind<T>, year: number | null, raw: unknown): CheckedContent<T> {
  const m = kind.migrate(raw);
  if (m.kind !== 'ok') return m;
  const r = kind.schema.safeParse(m.value);
  if (!r.success) return { kind: 'invalid', reason: zodToAppError(r.error).message };
  if (year !== null && (r.data as YearData).year !== year) {
    return { kind: 'invalid', reason: `文件内的年度（${(r.data as YearData).year}）与文件名不符` };
  }
  return { kind: 'ok', data: r.data, migrated: m.fromVersion !== m.value.version };
}

/** A value `updateYear`'s callback returned in place of mutating the draft. */
export function looksLikeYearData(v: unknown): v is YearData {
  return typeof v === 'object' && v !== null && 'version' in v && 'year' in v && 'report' in v && 'ledger' in v;
}

/** The parsed value, or the clerk's VALIDATION error. */
export function parseOrThrow<T>(schema: z.ZodType<T, unknown>, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) throw zodToAppError(r.error);
  return r.data;
}

/** Years that have a file in the folder, ascending (a damaged file counts: it is still there). */
export async function listYearFiles(dataDir: string): Promise<number[]> {
  let names: string[];
  try {
    names = await fsp.readdir(dataDir);
  } catch (e) {
    throw ioError(e, '读取数据文件夹', dataDir);
  }
  const years: number[] = [];
  for (const n of names) {
    const m = YEAR_FILE_RE.exec(n);
    if (m) years.push(Number(m[1]));
  }
  return years.sort((a, b) => a - b);
}

// ---- one data file as this process knows it ----

/**
 * One data file as this process knows it: what was last read or written, how it looked on disk
 * then (its signature), its `Low`, and (from locking.ts) the queue its operations wait in and its
 * lock while held.
 */
export interface DataFile<T> extends Lockable {
  kind: FileKind<T>;
  fileName: string;
  filePath: string;
  /** expected `year` inside a year file */
  year: number | null;
  low: Low<unknown>;
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
    let file = this.dataFiles.get(fileName) as DataFile<T> | undefined;
    if (!file) {
      const filePath = path.join(this.dataDir, fileName);
      file = {
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
      this.dataFiles.set(fileName, file as DataFile<unknown>);
    }
    return file;
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
    for (const file of this.dataFiles.values()) {
      file.data = null;
      file.loaded = false;
      file.sig = null;
      file.blocked = null;
      file.migrated = false;
      file.writesSinceBackup = 0;
    }
  }
}

// ---- the file's signature ----

/** inode, size and mtime (ns) of `file`, or null when there is none: a change of any means another writer. */
export async function statSig(file: string): Promise<string | null> {
  try {
    const s = await fsp.stat(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/** The file's mtime has no sub-millisecond part: its disk keeps coarse times (or no file yet). */
export function coarseClock(sig: string | null): boolean {
  if (sig === null) return true;
  return BigInt(sig.slice(sig.lastIndexOf(':') + 1)) % 1_000_000n === 0n;
}

// ---- reading ----

/** Brings `dataFile.data` in line with the disk; throws CORRUPT_* when the file cannot be used. */
export async function ensureLoaded<T>(env: StoreEnv, dataFile: DataFile<T>): Promise<void> {
  let sig: string | null;
  try {
    sig = await statSig(dataFile.filePath);
  } catch (e) {
    throw ioError(e, '读取', dataFile.filePath);
  }
  if (sig === dataFile.sig && (dataFile.loaded || dataFile.blocked)) {
    if (dataFile.blocked) throw dataFile.blocked;
    return;
  }
  await load(env, dataFile, sig);
}

async function load<T>(env: StoreEnv, dataFile: DataFile<T>, sig: string | null): Promise<void> {
  dataFile.loaded = false;
  dataFile.blocked = null;
  dataFile.sig = sig;
  // hashing a big year costs time on every read and write; only coarse-clock disks need it
  adapterOf(dataFile).keepHash = coarseClock(sig);
  let raw: unknown;
  try {
    // Low.read keeps the previous data when the adapter finds no file
    dataFile.low.data = null;
    await dataFile.low.read();
    raw = dataFile.low.data;
    if (raw !== null) workCounts.filesParsed++;
  } catch (e) {
    if (e instanceof JsonParseError) return damaged(env, dataFile, '内容不是完整的 JSON，可能写入时被中断或被截断');
    throw ioError(e, '读取', dataFile.filePath);
  }
  if (raw === null) {
    dataFile.data = null;
    dataFile.loaded = true;
    dataFile.migrated = false;
    return;
  }
  const checked = checkContent(dataFile.kind, dataFile.year, raw);
  if (checked.kind === 'newer') {
    dataFile.blocked = new AppError('CORRUPT_UNRECOVERABLE', newerVersionMessage(dataFile.fileName, checked.version), {
      reason: 'newer-version',
      version: checked.version,
      file: dataFile.filePath,
    });
    throw dataFile.blocked;
  }
  if (checked.kind === 'invalid') return damaged(env, dataFile, checked.reason);
  dataFile.data = checked.data;
  dataFile.migrated = checked.migrated;
  dataFile.loaded = true;
}

/**
 * The file is damaged (or its content refused) and this operation holds no lock: the store takes
 * the lock and reads again (store.ts), so the file is recovered by one process, once, and not
 * while another program writes it.
 */
export class DamagedUnlockedError extends Error {
  constructor(file: string) {
    super(`${file} is damaged; recovering it needs its lock`);
    this.name = 'DamagedUnlockedError';
  }
}

/** A damaged file: recovered now when this operation holds its lock, else by the store under it. */
function damaged<T>(env: StoreEnv, dataFile: DataFile<T>, reason: string): Promise<never> {
  if (!dataFile.lock) throw new DamagedUnlockedError(dataFile.fileName);
  return recoverFromBackup(env, dataFile, reason);
}

/**
 * The file is unreadable (`reason` says why) and this process holds its lock. Keep its bytes (as
 * `<name>.corrupt-<stamp>.json`), put back the newest backup that validates, note it for the clerk
 * and throw CORRUPT_RECOVERED; with no usable backup, touch nothing and block the file (throw
 * CORRUPT_UNRECOVERABLE) until the file changes.
 */
async function recoverFromBackup<T>(env: StoreEnv, dataFile: DataFile<T>, reason: string): Promise<never> {
  const found = await newestUsableBackup(env.backupsDir, dataFile.fileName, (raw) => {
    const c = checkContent(dataFile.kind, dataFile.year, raw);
    return c.kind === 'ok' ? c : null;
  });
  if (!found) {
    dataFile.blocked = new AppError(
      'CORRUPT_UNRECOVERABLE',
      `${dataFile.kind.label} ${dataFile.fileName} 已损坏（${reason}），且没有可用的自动备份。该文件已原样保留在 ${dataFile.filePath}，` +
        `在修复之前不会写入它。请用“恢复备份”导入之前保存的备份文件（法治年报备份-….json），或把该文件交给技术人员修复。`,
      { reason: 'corrupt', file: dataFile.filePath },
    );
    throw dataFile.blocked;
  }
  const { backup, content: checked } = found;
  const base = dataFile.fileName.replace(/\.json$/, '');
  let corruptName: string;
  try {
    corruptName = await uniqueName(env.dataDir, `${base}.corrupt-${secondStamp(env.now())}`, '.json');
    const corruptPath = path.join(env.dataDir, corruptName);
    // Copy then atomically replace (rather than rename then write): a crash in between
    // leaves the corrupt file in place, and the recovery simply runs again.
    await fsp.copyFile(dataFile.filePath, corruptPath, fsc.COPYFILE_EXCL);
    await syncFile(corruptPath);
    dataFile.low.data = checked.data;
    await dataFile.low.write();
    // read back (and its signature taken) on the next use
    dataFile.sig = null;
  } catch (e) {
    throw ioError(e, '恢复', dataFile.filePath);
  }
  dataFile.data = checked.data;
  dataFile.loaded = true;
  dataFile.migrated = checked.migrated;
  dataFile.writesSinceBackup = 0;
  const message =
    `${dataFile.kind.label} ${dataFile.fileName} 已损坏（${reason}），已另存为 ${corruptName}，` +
    `并从 ${chineseDateTime(backup.at)} 的备份恢复（${dataFile.kind.describe(checked.data)}）。该备份之后所做的修改未能恢复，请核对。`;
  const at = env.now().toISOString();
  env.notices.push({ file: dataFile.fileName, message, at });
  throw new AppError('CORRUPT_RECOVERED', message, {
    file: dataFile.filePath,
    corruptCopy: path.join(env.dataDir, corruptName),
    backup: backup.path,
    backupAt: backup.at.toISOString(),
  });
}

// ---- writing ----

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

/** Writes `value` (already validated) as the file's new content; the caller holds the file's lock. */
export async function writeDataFile<T>(env: StoreEnv, dataFile: DataFile<T>, value: T): Promise<void> {
  const now = env.now();
  try {
    if (dataFile.data !== null) {
      if (dataFile.lastBackupDay === undefined) {
        const newest = (await listBackups(env.backupsDir, dataFile.fileName))[0];
        dataFile.lastBackupDay = newest ? isoDate(newest.at) : null;
      }
      if (dataFile.migrated || dataFile.writesSinceBackup >= env.backupEvery || dataFile.lastBackupDay !== isoDate(now)) {
        // The bytes on disk are the last validated state (checked by ensureLoaded).
        const content = await fsp.readFile(dataFile.filePath);
        await takeBackup(env.backupsDir, dataFile.fileName, content, now, env.keepBackups);
        dataFile.lastBackupDay = isoDate(now);
        dataFile.writesSinceBackup = 0;
        dataFile.migrated = false;
      }
    }
    const created = dataFile.data === null;
    dataFile.low.data = value;
    const adapter = adapterOf(dataFile);
    adapter.beforeRename = () => verifyStillOurs(dataFile);
    try {
      await dataFile.low.write();
    } finally {
      adapter.beforeRename = undefined;
    }
    if (created && dataFile.year === null) {
      // unit.json is small and rarely rewritten: without this, a unit.json damaged before its
      // first rewrite on a later day would have nothing to be restored from
      await takeBackup(env.backupsDir, dataFile.fileName, await fsp.readFile(dataFile.filePath), now, env.keepBackups);
      dataFile.lastBackupDay = isoDate(now);
      dataFile.writesSinceBackup = -1; // the increment below makes it 0: this write is the backup
    }
  } catch (e) {
    // The write may or may not have landed; re-read before the next operation.
    dataFile.loaded = false;
    dataFile.sig = null;
    if (e instanceof StaleReadError || e instanceof LockLostError) throw e;
    // our temp file vanished before the rename: the fence of a process that took the lock from us
    if (errCode(e) === 'ENOENT' && dataFile.lock && !(await dataFile.lock.stillHeld())) throw new LockLostError(dataFile.fileName);
    throw ioError(e, '保存', dataFile.filePath);
  }
  dataFile.data = value;
  dataFile.loaded = true;
  dataFile.writesSinceBackup++;
  dataFile.sig = await statSig(dataFile.filePath).catch(() => null);
  adapterOf(dataFile).keepHash = coarseClock(dataFile.sig);
}

/** Just before the final rename: the lock is still ours and the file still what we read. */
async function verifyStillOurs<T>(dataFile: DataFile<T>): Promise<void> {
  if (dataFile.lock && !(await dataFile.lock.stillHeld())) throw new LockLostError(dataFile.fileName);
  await verifyUnchanged(dataFile);
}

/**
 * Is the file still the one `dataFile.data` was read from (size,
 * mtime and inode, then the bytes' hash)? If not, someone wrote it meanwhile and this write
 * would drop their change.
 */
async function verifyUnchanged<T>(dataFile: DataFile<T>): Promise<void> {
  const sig = await statSig(dataFile.filePath);
  if (dataFile.data === null) {
    if (sig !== null) throw new StaleReadError(dataFile.fileName);
    return;
  }
  if (sig === null || sig !== dataFile.sig) throw new StaleReadError(dataFile.fileName);
  // Every write here replaces the inode, and an in-place write moves a fine-grained mtime, so an
  // equal signature is the same file. On coarse clocks (FAT: 2 s, some shares: 1 s or 1 ms) a
  // same-size in-place rewrite could keep size and mtime: compare the bytes' hash there.
  if (!coarseClock(sig)) return;
  const expected = adapterOf(dataFile).lastHash;
  const now = contentHash(await fsp.readFile(dataFile.filePath));
  if (expected !== null && now !== expected) throw new StaleReadError(dataFile.fileName);
}

/** Runs a read-modify-write, re-reading and re-applying it when the file changed before the rename. */
export async function reapplying<T, R>(dataFile: DataFile<T>, op: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof StaleReadError)) throw e;
      dataFile.loaded = false;
      dataFile.sig = null;
      if (attempt >= MAX_REAPPLY) {
        throw new AppError('IO', `${dataFile.fileName} 在保存时不断被另一个程序改写，本次修改没有保存，请稍后再试。`, { reason: 'changing' });
      }
    }
  }
}
