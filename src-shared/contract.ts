/**
 * The one service contract. Every transport (Electron IPC, the loopback HTTP bridge, the CLI)
 * carries `call(method, input)` for the methods below; inputs are validated with these schemas
 * on the service side of every transport, so a renderer bug or a hostile caller gets the same
 * Chinese message as a typo on the command line.
 */
import { z } from 'zod';
import { idField, lineText, yearField } from './domain/text';
import { UnitSchema, FONT_PRESETS, type Unit, type FontPreset } from './domain/unit';
import { LedgerFieldsSchema, LedgerEntrySchema, MediationFieldsSchema, MediationCaseSchema } from './domain/ledger';
import type { LedgerEntry, MediationCase } from './domain/ledger';
import { IndicatorDefSchema, type IndicatorDef, type IndicatorReading } from './domain/indicators';
import { ReportSchema, type Report, type ContentItem, type PartStatus } from './domain/report';
import type { ExportRecord, ExportRecordFull } from './domain/year';
import type { LedgerCategory } from './catalog/ledgerCategories';
import type { RenderResult } from './report/render';
import { dateField } from './domain/text';

const year = z.object({ year: yearField });
const bytes = z.instanceof(Uint8Array, { error: '文件内容无效' });

export const METHOD_SCHEMAS = {
  'app.info': z.object({}),
  'unit.get': z.object({}),
  'unit.save': z.object({ unit: UnitSchema }),
  'unit.removeVillage': z.object({
    villageId: idField,
    /** where entries of the removed village go: another village id, or null to clear the field */
    reassignTo: idField.nullable(),
  }),
  'years.list': z.object({}),
  'years.create': z.object({ year: yearField, fromYear: yearField.optional() }),
  /** the year after the newest, carrying the newest year's report outline */
  'years.createNext': z.object({}),
  'overview.get': z.object({ year: yearField, today: dateField('今天日期').optional() }),
  'indicators.list': year,
  'indicators.set': z.object({
    year: yearField,
    id: z.string({ error: '指标编号必须是文字' }).max(64, { error: '指标编号过长' }),
    value: z.number({ error: '数值必须是数字' }).nullable(),
    wording: lineText('表述', 20).default(''),
  }),
  'indicators.define': z.object({ def: IndicatorDefSchema }),
  'indicators.undefine': z.object({ id: z.string({ error: '指标编号必须是文字' }).max(64, { error: '指标编号过长' }) }),
  'ledger.categories': z.object({}),
  'ledger.list': year,
  'ledger.add': z.object({ year: yearField, entry: LedgerFieldsSchema }),
  'ledger.update': z.object({ year: yearField, id: idField, entry: LedgerFieldsSchema }),
  'ledger.remove': z.object({ year: yearField, id: idField }),
  'ledger.restore': z.object({ year: yearField, entry: LedgerEntrySchema }),
  'mediation.list': year,
  'mediation.add': z.object({ year: yearField, entry: MediationFieldsSchema }),
  'mediation.update': z.object({ year: yearField, id: idField, entry: MediationFieldsSchema }),
  'mediation.remove': z.object({ year: yearField, id: idField }),
  'mediation.restore': z.object({ year: yearField, entry: MediationCaseSchema }),
  'report.get': year,
  'report.save': z.object({ year: yearField, report: ReportSchema }),
  'report.render': z.object({ year: yearField, today: dateField('今天日期').optional() }),
  'export.docx': z.object({
    year: yearField,
    fontPreset: z.enum(FONT_PRESETS, { error: '字体方案只能是 standard 或 windows' }).optional(),
    signature: z.object({ enabled: z.boolean(), date: z.union([z.literal(''), dateField('落款日期')]) }).optional(),
    today: dateField('今天日期').optional(),
  }),
  /**
   * The file made by export.docx was written (saved by the transport): only now does it enter the
   * export history. A cancelled dialog or a failed write never calls this.
   */
  'export.recorded': z.object({ year: yearField, id: idField }),
  'export.history': year,
  'backup.create': z.object({}),
  'backup.inspect': z.object({ data: bytes }),
  'backup.restore': z.object({ data: bytes }),
  'demo.create': z.object({ force: z.boolean().default(false) }),
  /** data files that cannot be read and have no usable automatic backup */
  'data.damaged': z.object({}),
  /** keep the damaged file as a copy and start that year (null: the unit) empty */
  'data.startEmpty': z.object({ year: yearField.nullable() }),
} as const;

export type Method = keyof typeof METHOD_SCHEMAS;
export type MethodInput<M extends Method> = z.input<(typeof METHOD_SCHEMAS)[M]>;
export type MethodParsed<M extends Method> = z.output<(typeof METHOD_SCHEMAS)[M]>;

export interface YearSummary {
  year: number;
  ledgerCount: number;
  mediationCount: number;
  partCount: number;
  exportCount: number;
}

export interface Overview {
  unit: Unit;
  year: number;
  years: number[];
  indicators: { filled: number; total: number };
  parts: Record<PartStatus, number>;
  contentItems: Array<{ item: ContentItem; label: string; present: boolean }>;
  deadline: { due: string; publishBy: string; daysLeft: number };
  ledgerCount: number;
  mediationCount: number;
  warnings: string[];
}

export interface IndicatorRow extends IndicatorReading {
  lastYear: number | null;
  /** a disagreement between wording and figure, in Chinese */
  problem: string | null;
}

export interface FilePayload {
  fileName: string;
  data: Uint8Array;
}

export interface BackupPreview {
  createdAt: string;
  unitName: string;
  years: YearSummary[];
  current: { unitName: string | null; years: YearSummary[] };
}

/** A data file the app cannot read (and could not restore from its automatic backups). */
export interface DamagedFile {
  fileName: string;
  /** full path, to show the clerk where it is */
  path: string;
  /** the year it holds; null for unit.json */
  year: number | null;
  /** what is wrong, in Chinese */
  message: string;
}

export interface AppInfo {
  version: string;
  dataDir: string;
}

/** What each method returns. */
export interface MethodOutputs {
  'app.info': AppInfo;
  'unit.get': Unit | null;
  'unit.save': Unit;
  'unit.removeVillage': { unit: Unit; moved: number };
  'years.list': YearSummary[];
  'years.create': YearSummary;
  'years.createNext': YearSummary;
  'overview.get': Overview;
  'indicators.list': IndicatorRow[];
  'indicators.set': IndicatorRow;
  'indicators.define': IndicatorDef;
  'indicators.undefine': { removed: string };
  'ledger.categories': LedgerCategory[];
  'ledger.list': LedgerEntry[];
  'ledger.add': LedgerEntry;
  'ledger.update': LedgerEntry;
  'ledger.remove': LedgerEntry;
  'ledger.restore': LedgerEntry;
  'mediation.list': MediationCase[];
  'mediation.add': MediationCase;
  'mediation.update': MediationCase;
  'mediation.remove': MediationCase;
  'mediation.restore': MediationCase;
  'report.get': Report;
  'report.save': Report;
  'report.render': RenderResult;
  'export.docx': FilePayload & { record: Omit<ExportRecord, 'snapshot' | 'sameAs'> };
  'export.recorded': { recorded: boolean };
  'export.history': ExportRecordFull[];
  'backup.create': FilePayload;
  'backup.inspect': BackupPreview;
  'backup.restore': BackupPreview;
  'demo.create': YearSummary;
  'data.damaged': DamagedFile[];
  'data.startEmpty': { keptAs: string; year: YearSummary | null };
}

/** A client of the contract, whatever carries it. */
export type Call = <M extends Method>(method: M, input: MethodInput<M>) => Promise<MethodOutputs[M]>;

/** Implementations receive parsed (validated, defaulted) input. */
export type Handlers = { [M in Method]: (input: MethodParsed<M>) => Promise<MethodOutputs[M]> };

export const METHODS = Object.keys(METHOD_SCHEMAS) as Method[];
export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.prototype.hasOwnProperty.call(METHOD_SCHEMAS, m);
}

export type { FontPreset };
