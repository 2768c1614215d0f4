import { promises as fsp } from 'node:fs';
import type { z } from 'zod';
import { zodToAppError } from '../../src-shared/validation';
import { YearDataSchema, type YearData } from '../../src-shared/domain/year';
import { ioError } from './fsHelpers';
import { migrateUnit, migrateYear, type MigrationResult } from './migrations';
import { UnitFileSchema } from './schemas';
import { stringifyYear } from './yearValidation';
import type { UnitFile } from './types';

/** The two kinds of data file in the folder (`unit.json`, `year-YYYY.json`) and how each is checked. */

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
