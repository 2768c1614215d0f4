/**
 * The one service contract. Every transport (Electron IPC, the loopback HTTP bridge, the CLI)
 * carries `call(method, input)` for the methods below; inputs are validated with these schemas
 * on the service side of every transport, so a renderer bug or a hostile caller gets the same
 * Chinese message as a typo on the command line.
 */
import * as z from 'zod';
import { idField, lineText, yearField } from './domain/text';
import { UnitSchema, type Unit } from './domain/unit';
import { FONT_PRESETS, type FontPreset } from './domain/vocabulary';
import { LedgerFieldsSchema, LedgerEntrySchema, MediationFieldsSchema, MediationCaseSchema } from './domain/ledger';
import type { LedgerEntry, MediationCase } from './domain/ledger';
import { type IndicatorDef } from './domain/indicatorSchema';
import { NewCustomIndicatorSchema } from './domain/customIndicatorSchema';
import { LIMITS } from './domain/limits';
import { type IndicatorReading } from './domain/wording';
import { ReportSchema, type Report, type ContentItem, type PartStatus } from './domain/report';
import type { ExportRecord, ExportRecordFull, ProofreadingState } from './domain/year';
import type { Finding } from './proofread/finding';
import type { LedgerCategory } from './catalog/ledgerCategories';
import type { RenderResult } from './report/render';
import { dateField } from './domain/text';
import { FindingSchema } from './domain/year';
import { UNIT_KINDS } from './domain/vocabulary';
import { PLAN_STATUSES } from './import/types';
import type { ImportPreview, ImportResult, CompareResult, ApplyCompareResult, PlanChecklist } from './import/types';
import { importRows, RememberInputSchema, SheetKindSchema, SheetMappingSchema, SheetValueMapSchema } from './sheet/schema';
import type { AddManyResult, SheetPreview } from './sheet/targets';
import { DRAFT_FIGURES, DRAFT_PARTS, type DraftApplyResult, type ReportDraft } from './draft/types';

const year = z.object({ year: yearField });
const bytes = z.instanceof(Uint8Array, { error: '文件内容无效' });
const importFileName = z.string({ error: '文件名必须是文字' }).max(255, { error: '文件名过长' });
/** a ticked indicator suggestion from import.preview (see TakenSuggestion in import/types.ts) */
const takenSuggestion = z.object({
  indicatorId: z.string({ error: '指标编号必须是文字' }).max(64, { error: '指标编号过长' }),
  value: z.number({ error: '数值必须是数字' }).refine(Number.isFinite, { error: '数值必须是有限的数字' }),
  placeholder: z.boolean({ error: '“改为占位符”必须是是/否' }).default(false),
  partId: idField.nullable(),
  paragraph: z.number({ error: '段落序号必须是数字' }).int().min(0).max(10_000),
  offset: z.number({ error: '位置必须是数字' }).int().min(0).max(1_000_000),
  length: z.number({ error: '长度必须是数字' }).int().min(1).max(100),
  text: z.string({ error: '原文必须是文字' }).max(100),
});

export const METHOD_SCHEMAS = {
  'app.info': z.object({}),
  'unit.get': z.object({}),
  'unit.save': z.object({ unit: UnitSchema }),
  /** first run: the unit and its first year in one call, both written or neither */
  'unit.setup': z.object({ unit: UnitSchema, year: yearField }),
  'unit.removeVillage': z.object({
    villageId: idField,
    /** where entries of the removed village go: another village id, or null to clear the field */
    reassignTo: idField.nullable(),
  }),
  'years.list': z.object({}),
  'years.create': z.object({ year: yearField, fromYear: yearField.optional() }),
  /** the year after the newest, carrying the newest year's report outline */
  'years.createNext': z.object({ after: yearField.optional() }),
  /** the year before the earliest, for last year's figures only (同比 in the first year of use) */
  'years.createPrevious': z.object({}),
  'overview.get': z.object({ year: yearField, today: dateField('今天日期').optional() }),
  'indicators.list': year,
  'indicators.set': z.object({
    year: yearField,
    id: z.string({ error: '指标编号必须是文字' }).max(64, { error: '指标编号过长' }),
    value: z.number({ error: '数值必须是数字' }).nullable(),
    wording: lineText('表述', LIMITS.indicatorWording).default(''),
  }),
  /** a new custom indicator: the service assigns its id and returns the created definition */
  'indicators.define': z.object({ def: NewCustomIndicatorSchema }),
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
    /** 征求意见稿: missing figures shown, unfinished parts commented, "征求意见稿" in the header */
    draft: z.boolean({ error: '“征求意见稿”必须是是/否' }).optional(),
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
  /**
   * Read a .docx / .doc / .txt report and show what would be imported: outline, run-in marks,
   * content items, year and unit from the title, half-width marks, indicator suggestions.
   * Writes nothing. `year` overrides the year read from the title.
   */
  'import.preview': z.object({ fileName: importFileName, data: bytes, year: yearField.optional() }),
  /**
   * Save a previewed (and possibly edited) report as `year`'s report in one write. Into an empty
   * data folder the unit is created from `unit`. A year whose report has text needs mode 'replace'.
   * `findings` are the preview's numbering findings (stored with the year, with the half-width
   * ones left after `convertHalfWidth`).
   */
  'import.commit': z.object({
    year: yearField,
    report: ReportSchema,
    convertHalfWidth: z.boolean({ error: '“转换半角标点”必须是是/否' }).default(false),
    take: z.array(takenSuggestion).max(500, { error: '一次最多采用500个指标数值' }).default([]),
    findings: z.array(FindingSchema).max(2000).default([]),
    mode: z.enum(['new', 'replace'], { error: '导入方式只能是 new 或 replace' }).default('new'),
    unit: z
      .object({
        shortName: lineText('单位简称', 30, 1),
        fullName: lineText('单位全称', 60, 1),
        kind: z.enum(UNIT_KINDS, { error: '单位类型只能是镇、街道、乡、区或县' }),
      })
      .optional(),
  }),
  /** Compare a file that came back (e.g. the leader's edits in Word) with `year`'s report, part by part. Writes nothing. */
  'import.compare': z.object({ year: yearField, fileName: importFileName, data: bytes }),
  /**
   * Take the chosen changes of a comparison (keys from import.compare: part ids, 'title',
   * 'preamble', 'new:<n>'); the file is compared again here, so the renderer holds no merge logic.
   */
  'import.applyCompare': z.object({
    year: yearField,
    fileName: importFileName,
    data: bytes,
    take: z.array(z.string({ error: '对比项必须是文字' }).max(80)).max(500),
  }),
  /** Last year's 下一年度安排 split into points, with this year's marks (已完成/未完成/结转). */
  'plan.checklist': year,
  /** Mark one point of the checklist; kept with the year. */
  'plan.setStatus': z.object({
    year: yearField,
    key: z.string({ error: '事项编号必须是文字' }).max(64, { error: '事项编号过长' }),
    status: z.enum(PLAN_STATUSES, { error: '状态只能是 未标记、已完成、未完成 或 结转' }),
  }),
  /** proofreading (issue 8): the live checks plus the import's stored findings, minus ignored */
  'proofread.run': year,
  'proofread.state': year,
  'proofread.ignore': z.object({ year: yearField, key: z.string({ error: '校对项标识必须是文字' }).min(1, { error: '校对项标识不能为空' }).max(700, { error: '校对项标识过长' }) }),
  'proofread.unignore': z.object({ year: yearField, key: z.string({ error: '校对项标识必须是文字' }).max(700, { error: '校对项标识过长' }) }),
  // spreadsheet import / export (issue 9)
  'ledger.addMany': z.object({ year: yearField, entries: importRows(LedgerFieldsSchema), remember: RememberInputSchema.optional() }),
  'ledger.removeMany': z.object({ year: yearField, ids: z.array(idField).min(1, { error: '没有要删除的记录' }).max(20_000, { error: '一次最多撤销20000条' }) }),
  'mediation.addMany': z.object({ year: yearField, entries: importRows(MediationFieldsSchema), remember: RememberInputSchema.optional() }),
  'mediation.removeMany': z.object({ year: yearField, ids: z.array(idField).min(1, { error: '没有要删除的记录' }).max(20_000, { error: '一次最多撤销20000条' }) }),
  'sheet.preview': z.object({
    kind: SheetKindSchema,
    fileName: z.string({ error: '文件名必须是文字' }).max(260, { error: '文件名过长' }),
    data: bytes,
    year: yearField,
    mapping: SheetMappingSchema.optional(),
    values: SheetValueMapSchema.optional(),
  }),
  'xlsx.export': z.object({
    year: yearField,
    sheets: z.array(z.enum(['ledger', 'mediation', 'indicators'], { error: '工作表只能是 ledger、mediation 或 indicators' })).min(1, { error: '至少选择一个工作表' }).max(3, { error: '工作表最多三个：ledger、mediation、indicators' }).optional(),
  }),
  /** data files that cannot be read and have no usable automatic backup */
  'data.damaged': z.object({}),
  /** keep the damaged file as a copy and start that year (null: the unit) empty */
  'data.startEmpty': z.object({ year: yearField.nullable() }),
  /** what the store repaired on its own in this run (a file put back from a backup …), in Chinese */
  'data.notices': z.object({}),
  /** a first draft of the report from the year's records (issue 21); writes nothing */
  'draft.make': z.object({
    year: yearField,
    part: z.enum([...DRAFT_PARTS, 'all'], { error: '部分只能是 measures、shortcomings、firstResponsible、plan 或 all' }).default('all'),
    figures: z.enum(DRAFT_FIGURES, { error: '数字写法只能是 wording（约数）或 exact（准确数）' }).default('wording'),
  }),
  /** the draft written into the report's empty parts only */
  'draft.apply': z.object({
    year: yearField,
    part: z.enum([...DRAFT_PARTS, 'all'], { error: '部分只能是 measures、shortcomings、firstResponsible、plan 或 all' }).default('all'),
    figures: z.enum(DRAFT_FIGURES, { error: '数字写法只能是 wording（约数）或 exact（准确数）' }).default('wording'),
  }),
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
  /** present: a part is mapped to the item; hasText: such a part (or a sub-part) has body text */
  contentItems: Array<{ item: ContentItem; label: string; present: boolean; hasText: boolean }>;
  /** `dueRule` says where the due date comes from (第一季度末), so the screen need not know it */
  deadline: { due: string; dueRule: string; publishBy: string; daysLeft: number };
  ledgerCount: number;
  mediationCount: number;
  /** the proofreader's findings (open ones, ignored left out) and the data's own slips, as findings */
  warnings: Finding[];
  /** problems of the data that are not about the report's text (entries of a removed village, files the store repaired this run) */
  notices: string[];
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
  /** yearCreated false: a year file left without a unit (unit.json set aside) was kept as it was */
  /** year null: that year's file is damaged (the unit is saved; data.damaged lists the file) */
  'unit.setup': { unit: Unit; year: YearSummary | null; yearCreated: boolean };
  'unit.removeVillage': { unit: Unit; moved: number };
  'years.list': YearSummary[];
  'years.create': YearSummary;
  'years.createNext': YearSummary;
  'years.createPrevious': YearSummary;
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
  'import.preview': ImportPreview;
  'import.commit': ImportResult;
  'import.compare': CompareResult;
  'import.applyCompare': ApplyCompareResult;
  'plan.checklist': PlanChecklist;
  'plan.setStatus': PlanChecklist;
  'proofread.run': Finding[];
  'proofread.state': ProofreadingState;
  'proofread.ignore': ProofreadingState;
  'proofread.unignore': ProofreadingState;
  'ledger.addMany': AddManyResult;
  'ledger.removeMany': { removed: number };
  'mediation.addMany': AddManyResult;
  'mediation.removeMany': { removed: number };
  'sheet.preview': SheetPreview;
  'xlsx.export': FilePayload;
  'data.damaged': DamagedFile[];
  'data.startEmpty': { keptAs: string; year: YearSummary | null };
  'data.notices': string[];
  'draft.make': ReportDraft;
  'draft.apply': DraftApplyResult;
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
