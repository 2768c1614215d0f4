import * as z from 'zod';
import { MAX_JSON_DEPTH, jsonDepth, timestampField, yearField } from './text';
import { IndicatorValueSchema } from './indicatorSchema';
import { LedgerEntrySchema, MediationCaseSchema } from './ledger';
import { ReportSchema, type Report } from './report';
import { FONT_PRESETS } from './vocabulary';
import { EDITIONS } from './issuance';
import type { RenderedReport } from './rendered';
import { RememberedMappingSchema } from '../sheet/schema';
import { FINDING_CODES, FINDING_FIELDS, FINDING_SEVERITIES, type Finding } from '../proofread/finding';
import { PLAN_STATUSES } from '../import/types';

export const YEAR_FILE_VERSION = 1;
/** 2: a custom indicator's 计量单位 is `measure` (was `unit`, which also named the township) */
export const UNIT_FILE_VERSION = 2;

export const ExportRecordSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '导出记录编号格式无效' }),
  at: timestampField('导出时间'),
  fileName: z
    .string()
    .max(255, { error: '导出文件名过长' })
    // a name, never a path: nothing in the history may point elsewhere on the disk
    .refine((s) => !/[/\\\u0000-\u001F\u007F]/.test(s) && s !== '..' && s !== '.', { error: '导出文件名不能包含路径或控制字符' }),
  fontPreset: z.enum(FONT_PRESETS),
  /** a 征求意见稿, not the final report */
  draft: z.boolean().optional(),
  /** 报送件 or 公开件; absent = the body alone (exports before editions existed, and the default) */
  edition: z.enum(EDITIONS).optional(),
  /**
   * exactly what was printed: numbering and figures resolved. Absent when it equals the
   * snapshot of the record `sameAs` names (export history stores each distinct text once).
   */
  snapshot: z
    .custom<RenderedReport>((v) => typeof v === 'object' && v !== null && jsonDepth(v, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH, {
      error: '导出快照格式无效或嵌套过深',
    })
    .optional(),
  sameAs: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** proofreading findings still open when the clerk exported (records older than 校对 hold 0/0) */
  openFindings: z
    .object({ errors: z.number().int().min(0).default(0), reminders: z.number().int().min(0).default(0) })
    .default({ errors: 0, reminders: 0 }),
});
export type ExportRecord = z.output<typeof ExportRecordSchema>;
/** An export as the history shows it: the snapshot always there (resolved from `sameAs`). */
export type ExportRecordFull = Omit<ExportRecord, 'snapshot' | 'sameAs'> & { snapshot: RenderedReport };

/** A finding kept with the year (what the import met on the way), same shape as proofread/finding.ts. */
export const FindingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(FINDING_SEVERITIES),
  message: z.string().max(500),
  partId: z.string().max(64).nullable(),
  field: z.enum(FINDING_FIELDS),
  paragraph: z.number().int().min(-1).max(10_000),
  offset: z.number().int().min(0).max(1_000_000),
  length: z.number().int().min(0).max(1_000_000),
  excerpt: z.string().max(500),
  fix: z.object({ label: z.string().max(100), replacement: z.string().max(500) }).optional(),
  spots: z
    .array(z.object({ paragraph: z.number().int().min(-1).max(10_000), offset: z.number().int().min(0).max(1_000_000), length: z.number().int().min(0).max(1_000_000), replacement: z.string().max(500) }))
    .max(20_000)
    .optional(),
});

/** Proofreading state kept with the year until the clerk deals with it. */
export const ProofreadingStateSchema = z.object({
  /** findings recorded by the import (numbering gaps, half-width punctuation …) */
  imported: z.array(FindingSchema).max(2000).default([]),
  /** findingKey()s the clerk chose to ignore for this year */
  ignored: z.array(z.string().max(700)).max(2000).default([]),
});
export type ProofreadingState = z.output<typeof ProofreadingStateSchema>;

export const YearDataSchema = z.object({
  version: z.literal(YEAR_FILE_VERSION, { error: `年度数据版本不受支持（应为${YEAR_FILE_VERSION}）` }),
  year: yearField,
  values: z.record(z.string().max(64, { error: '指标编号过长' }), IndicatorValueSchema).default({}),
  ledger: z.array(LedgerEntrySchema).default([]),
  mediation: z.array(MediationCaseSchema).default([]),
  report: ReportSchema,
  exports: z.array(ExportRecordSchema).default([]),
  proofreading: ProofreadingStateSchema.default({ imported: [], ignored: [] }),
  /** this year's marks on last year's plan points (plan.checklist), by point key; optional so older files and literals stay valid */
  planMarks: z.record(z.string().max(64), z.enum(PLAN_STATUSES)).optional(),
  /** a year before the first year of use, holding only its figures typed by hand (issue 13): counted indicators are typed, not counted */
  figuresOnly: z.boolean().optional(),
  /** spreadsheet column mappings the clerk confirmed, by header-set key (issue 9) */
  sheetMappings: z.record(z.string().max(16), RememberedMappingSchema).optional(),
});
export type YearData = z.output<typeof YearDataSchema>;

/** A year with nothing recorded yet around `report` (new year, blank restart, first setup, an import); `imported`: the import's findings. */
export function emptyYear(year: number, report: Report, imported: Finding[] = []): YearData {
  return { version: YEAR_FILE_VERSION, year, values: {}, ledger: [], mediation: [], report, exports: [], proofreading: { imported, ignored: [] } };
}
