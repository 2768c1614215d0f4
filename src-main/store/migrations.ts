import { UNIT_FILE_VERSION, YEAR_FILE_VERSION } from '../../src-shared/domain/year';

/**
 * Version-keyed upgrade chains for the data files. `chain[n]` turns a version-n object into a
 * version-(n+1) object; a file is upgraded step by step up to the current version and only
 * validated afterwards. To add v2: bump *_FILE_VERSION in src-shared/domain/year.ts and add
 * `1: (v1) => ({ ...v1, version: 2, ...changes })` here.
 */
export type RawObject = Record<string, unknown>;
export type Migration = (from: RawObject) => RawObject;

export const YEAR_MIGRATIONS: Readonly<Record<number, Migration>> = {};
export const UNIT_MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: renameIndicatorMeasure,
};

const isObject = (v: unknown): v is RawObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * v1 → v2: a custom indicator's 计量单位 (条, 次, %) was `unit`, the same word as the Unit (单位)
 * that holds it; it is `measure` now. Anything not shaped as expected is passed on unchanged for
 * the schema to judge (a damaged file stays a damaged file, with the schema's message).
 */
function renameIndicatorMeasure(v1: RawObject): RawObject {
  const unit = v1.unit;
  if (!isObject(unit) || !Array.isArray(unit.customIndicators)) return { ...v1, version: 2 };
  const customIndicators = unit.customIndicators.map((def: unknown) => {
    if (!isObject(def) || !('unit' in def) || 'measure' in def) return def;
    const { unit: measure, ...rest } = def;
    return { ...rest, measure };
  });
  return { ...v1, version: 2, unit: { ...unit, customIndicators } };
}

export type MigrationResult =
  | { kind: 'ok'; value: RawObject; fromVersion: number }
  /** written by a newer release: must be left exactly as it is */
  | { kind: 'newer'; version: number }
  /** cannot be a file we wrote (no/odd version, not an object): treat as corrupt */
  | { kind: 'invalid'; reason: string };

export function migrate(raw: unknown, current: number, chain: Readonly<Record<number, Migration>>): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'invalid', reason: '内容不是对象' };
  const version = (raw as RawObject).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'invalid', reason: '缺少有效的版本号' };
  }
  if (version > current) return { kind: 'newer', version };
  let value = raw as RawObject;
  for (let v = version; v < current; v++) {
    const step = chain[v];
    if (!step) return { kind: 'invalid', reason: `无法从版本${v}升级` };
    value = step(value);
  }
  return { kind: 'ok', value, fromVersion: version };
}

export const migrateYear = (raw: unknown) => migrate(raw, YEAR_FILE_VERSION, YEAR_MIGRATIONS);
export const migrateUnit = (raw: unknown) => migrate(raw, UNIT_FILE_VERSION, UNIT_MIGRATIONS);

export function newerVersionMessage(fileName: string, version: number): string {
  return `数据文件由更新版本的法治年报创建（版本${version}），请升级软件后再打开（文件 ${fileName} 已原样保留，不会被改动）。`;
}
