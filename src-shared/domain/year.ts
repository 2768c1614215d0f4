import { z } from 'zod';
import { yearField } from './text';
import { IndicatorValueSchema } from './indicators';
import { LedgerEntrySchema, MediationCaseSchema } from './ledger';
import { ReportSchema } from './report';
import { FONT_PRESETS } from './unit';
import type { RenderedReport } from './rendered';

export const YEAR_FILE_VERSION = 1;
export const UNIT_FILE_VERSION = 1;

export const ExportRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  fileName: z.string(),
  fontPreset: z.enum(FONT_PRESETS),
  /** exactly what was printed: numbering and figures resolved */
  snapshot: z.custom<RenderedReport>((v) => typeof v === 'object' && v !== null),
});
export type ExportRecord = z.output<typeof ExportRecordSchema>;

export const YearDataSchema = z.object({
  version: z.literal(YEAR_FILE_VERSION, { error: `年度数据版本不受支持（应为${YEAR_FILE_VERSION}）` }),
  year: yearField,
  values: z.record(z.string(), IndicatorValueSchema).default({}),
  ledger: z.array(LedgerEntrySchema).default([]),
  mediation: z.array(MediationCaseSchema).default([]),
  report: ReportSchema,
  exports: z.array(ExportRecordSchema).default([]),
});
export type YearData = z.output<typeof YearDataSchema>;
