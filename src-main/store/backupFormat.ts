import { AppError } from '../../src-shared/errors';
import { zodToAppError } from '../../src-shared/validation';
import { UNIT_FILE_VERSION, YearDataSchema, type YearData } from '../../src-shared/domain/year';
import { migrateUnit, migrateYear } from './migrations';
import { UnitFileSchema } from './schemas';
import type { StoreSnapshot } from './types';
import type { Unit } from '../../src-shared/domain/unit';
import { checkBackupDepth, checkBackupSize, checkBackupText, checkSnapshotConsistency } from './snapshotChecks';

/**
 * The single-file backup the clerk saves and restores: every data file of the folder in one
 * JSON document, so one file on a USB stick is a complete copy.
 */
export const BACKUP_FORMAT = 'fazhi-nianbao-backup';
/**
 * 2: the unit carries its file version (`unitVersion`), so a unit written before a unit-file
 * migration is upgraded on restore; a version-1 backup holds a version-1 unit. An older release
 * refuses a version-2 backup as newer instead of misreading its unit.
 */
export const BACKUP_VERSION = 2;

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** UNIT_FILE_VERSION of `unit` (since backup version 2) */
  unitVersion: number;
  unit: Unit | null;
  years: Record<string, YearData>;
}

export function encodeBackup(snapshot: StoreSnapshot, createdAt: Date): Uint8Array {
  const years: Record<string, YearData> = {};
  for (const y of [...snapshot.years].sort((a, b) => a.year - b.year)) years[String(y.year)] = y;
  const doc: BackupDocument = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: createdAt.toISOString(),
    unitVersion: UNIT_FILE_VERSION,
    unit: snapshot.unit?.unit ?? null,
    years,
  };
  return new TextEncoder().encode(JSON.stringify(doc));
}

const bad = (message: string, details?: unknown) => new AppError('VALIDATION', message, details);

/** Fully validates a backup file; throws AppError VALIDATION (Chinese) for anything unusable. */
export function decodeBackup(data: Uint8Array): StoreSnapshot & { createdAt: string } {
  if (data.byteLength === 0) throw bad('备份文件是空的，无法恢复。');
  checkBackupSize(data.byteLength);
  const truncated = () => bad('备份文件不完整（可能在复制或下载时被截断），无法恢复；请换用另一份备份文件。');
  const looksLikeOurs = (t: string) => t.trimStart().startsWith('{') && t.includes(`"${BACKUP_FORMAT}"`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // a file cut inside a Chinese character is not valid UTF-8, but it is still our file, cut short
    if (looksLikeOurs(new TextDecoder('utf-8').decode(data.subarray(0, 4096)))) throw truncated();
    throw bad('这不是法治年报的备份文件（内容不是文本），无法恢复。');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  checkBackupText(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    if (looksLikeOurs(text)) throw truncated();
    throw bad('这不是法治年报的备份文件（无法识别文件内容），无法恢复。');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw bad('这不是法治年报的备份文件，无法恢复。');
  }
  checkBackupDepth(raw);
  const doc = raw as Record<string, unknown>;
  const version = doc.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw bad(`备份文件由更新版本的法治年报创建（版本${version}），请升级软件后再恢复。`);
  }
  if (version !== 1 && version !== BACKUP_VERSION) throw bad('备份文件的版本号无效，无法恢复。');
  const createdAt = doc.createdAt;
  if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) throw bad('备份文件缺少有效的创建时间，无法恢复。');

  let unit: StoreSnapshot['unit'] = null;
  if (doc.unit !== null && doc.unit !== undefined) {
    // a version-1 backup predates `unitVersion`: its unit is a version-1 unit file's
    const m = migrateUnit({ version: version === 1 ? 1 : doc.unitVersion, unit: doc.unit });
    if (m.kind === 'newer') throw bad(`备份文件中的单位信息由更新版本的法治年报创建（版本${m.version}），请升级软件后再恢复。`);
    if (m.kind !== 'ok') throw bad('备份文件中的单位信息无效，无法恢复。');
    const r = UnitFileSchema.safeParse(m.value);
    if (!r.success) throw zodToAppError(r.error, '备份文件中的单位信息无效');
    unit = r.data;
  }

  const yearsRaw = doc.years;
  if (typeof yearsRaw !== 'object' || yearsRaw === null || Array.isArray(yearsRaw)) {
    throw bad('备份文件中的年度数据格式无效，无法恢复。');
  }
  const years: YearData[] = [];
  for (const [key, value] of Object.entries(yearsRaw)) {
    const label = `备份文件中${key}年度的数据无效`;
    if (!/^\d{4}$/.test(key)) throw bad(`${label}（年度编号不正确），无法恢复。`);
    const m = migrateYear(value);
    if (m.kind === 'newer') throw bad(`备份文件中${key}年度的数据由更新版本的法治年报创建（版本${m.version}），请升级软件后再恢复。`);
    if (m.kind === 'invalid') throw bad(`${label}（${m.reason}），无法恢复。`);
    const r = YearDataSchema.safeParse(m.value);
    if (!r.success) throw zodToAppError(r.error, label);
    if (r.data.year !== Number(key)) throw bad(`${label}（年度与编号${key}不一致），无法恢复。`);
    years.push(r.data);
  }
  years.sort((a, b) => a.year - b.year);
  checkSnapshotConsistency({ unit, years });
  return { createdAt, unit, years };
}
