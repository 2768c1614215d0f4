/**
 * What a spreadsheet column can become on import, and the shapes the import preview returns.
 * Zod-free: the renderer's import dialog uses these labels and types.
 */
import type { LedgerFields, MediationFields } from '../domain/ledger';

export const SHEET_KINDS = ['ledger', 'mediation'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];
export const SHEET_KIND_LABELS: Record<SheetKind, string> = { ledger: '活动台账', mediation: '调解案件' };

export const SHEET_TARGETS = ['date', 'category', 'title', 'village', 'participants', 'materials', 'note', 'kind', 'outcome'] as const;
export type SheetTarget = (typeof SHEET_TARGETS)[number];

export interface TargetSpec {
  target: SheetTarget;
  label: string;
  required: boolean;
}

/** Fields a column may be mapped to, per kind, in the order the dialog lists them. */
export const TARGETS_BY_KIND: Record<SheetKind, readonly TargetSpec[]> = {
  ledger: [
    { target: 'date', label: '日期', required: true },
    { target: 'category', label: '类别', required: true },
    { target: 'title', label: '活动名称', required: true },
    { target: 'village', label: '村（社区）', required: false },
    { target: 'participants', label: '参与人数', required: false },
    { target: 'materials', label: '资料份数', required: false },
    { target: 'note', label: '备注', required: false },
  ],
  mediation: [
    { target: 'date', label: '日期', required: true },
    { target: 'village', label: '村（社区）', required: false },
    { target: 'kind', label: '纠纷类型', required: true },
    { target: 'outcome', label: '调解结果', required: true },
    { target: 'note', label: '简要情况', required: false },
  ],
};

export function targetLabel(kind: SheetKind, t: SheetTarget): string {
  return TARGETS_BY_KIND[kind].find((s) => s.target === t)?.label ?? t;
}

/** header label → field, or null for "不导入" */
export type SheetMapping = Record<string, SheetTarget | null>;

/** Text found in the sheet → what the clerk chose it means. */
export interface SheetValueMap {
  /** text → ledger category id */
  category?: Record<string, string>;
  /** text → village id */
  village?: Record<string, string>;
  /** text → mediation kind */
  kind?: Record<string, string>;
  /** text → mediation outcome */
  outcome?: Record<string, string>;
}

export interface SheetColumn {
  /** the header as shown (parent·child for two-row headers), unique within the sheet */
  key: string;
  /** column letter, "A" … */
  letter: string;
  target: SheetTarget | null;
  /** looks like personal data (当事人、姓名、电话 …): never proposed */
  personal: boolean;
  /** first few non-empty values, for the mapping step */
  samples: string[];
}

export type SheetRowStatus = 'ok' | 'problem' | 'duplicate';

export interface SheetRow {
  /** row number in the sheet (1-based, as Excel shows it) */
  row: number;
  status: SheetRowStatus;
  /** reasons, in Chinese */
  problems: string[];
  /** the mapped cells as text, for the report */
  cells: Partial<Record<SheetTarget, string>>;
  /** ready-to-add fields (ok and duplicate rows) */
  fields?: LedgerFields | MediationFields;
}

/** A value the sheet uses that the app does not know, with how many rows use it. */
export interface UnknownValue {
  field: 'category' | 'village' | 'kind' | 'outcome';
  text: string;
  count: number;
}

export interface SheetPreview {
  kind: SheetKind;
  year: number;
  sheetName: string;
  /** sheet row numbers of the header (one or two rows) */
  headerRows: number[];
  columns: SheetColumn[];
  /** where the mapping came from */
  mappingSource: 'remembered' | 'proposed' | 'given';
  /** identifies the header set; pass back to addMany to remember the mapping */
  mappingKey: string;
  /** required fields no column is mapped to (then every row is a problem) */
  missing: SheetTarget[];
  rows: SheetRow[];
  counts: { ok: number; problem: number; duplicate: number; blank: number; total: number };
  unknown: UnknownValue[];
  /** headers of columns that will not be imported (personal data stays out) */
  leftOut: string[];
  /** other things said about the sheet: skipped total rows, other sheets … */
  notes: string[];
  /** value mapping in effect (remembered or given) */
  values: SheetValueMap;
}

export interface AddManyResult {
  added: number;
  /** ids of the new entries, in sheet order: removeMany(ids) undoes the import */
  ids: string[];
}

/** Most rows one import takes: a township's ledger has a few thousand a year. */
export const MAX_IMPORT_ROWS = 20_000;

/** Largest spreadsheet file one import reads; the CLI checks it before reading the file at all. */
export const MAX_SHEET_FILE_BYTES = 30 * 1024 * 1024;

/** The refusal of a spreadsheet file over MAX_SHEET_FILE_BYTES (its size only: nothing read yet), null below it. */
export function sheetFileTooBig(bytes: number): string | null {
  if (bytes <= MAX_SHEET_FILE_BYTES) return null;
  return `文件太大（${(bytes / 1024 / 1024).toFixed(1)} MB），一次导入的文件不能超过 ${MAX_SHEET_FILE_BYTES / 1024 / 1024} MB；请分成几个文件导入`;
}
