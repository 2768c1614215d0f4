/**
 * Last year's report into the app (import.preview → import.commit) and a file that came back
 * (import.compare → import.applyCompare). Handlers: src-main/services/handlers/import.ts.
 */
import * as z from 'zod';
import { idField, lineText, yearField } from '../domain/text';
import { ReportSchema } from '../domain/report';
import { FindingSchema } from '../domain/year';
import { UNIT_KINDS } from '../domain/vocabulary';
import type { ImportPreview, ImportResult, CompareResult, ApplyCompareResult } from '../import/types';
import { EVERYTHING, REPORT_TEXT } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';
import { fileBytes } from './files';

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

export const IMPORT_METHODS = {
  /**
   * Read a .docx / .doc / .txt report and show what would be imported: outline, run-in marks,
   * content items, year and unit from the title, half-width marks, indicator suggestions.
   * Writes nothing. `year` overrides the year read from the title.
   */
  'import.preview': {
    input: z.object({ fileName: importFileName, data: fileBytes, year: yearField.optional() }),
    output: returns<ImportPreview>(),
    stale: [],
    callers: SCREEN_AND_CLI,
  },
  /**
   * Save a previewed (and possibly edited) report as `year`'s report in one write. Into an empty
   * data folder the unit is created from `unit`. A year whose report has text needs mode 'replace'.
   * `findings` are the preview's numbering findings (stored with the year, with the half-width
   * ones left after `convertHalfWidth`). May create the unit, replaces the report, takes figures.
   */
  'import.commit': {
    input: z.object({
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
    output: returns<ImportResult>(),
    stale: EVERYTHING,
    callers: SCREEN_AND_CLI,
  },
  /** Compare a file that came back (e.g. the leader's edits in Word) with `year`'s report, part by part. Writes nothing. */
  'import.compare': {
    input: z.object({ year: yearField, fileName: importFileName, data: fileBytes }),
    output: returns<CompareResult>(),
    stale: [],
    callers: SCREEN,
  },
  /**
   * Take the chosen changes of a comparison (keys from import.compare: part ids, 'title',
   * 'preamble', 'new:<n>'); the file is compared again here, so the renderer holds no merge logic.
   */
  'import.applyCompare': {
    input: z.object({
      year: yearField,
      fileName: importFileName,
      data: fileBytes,
      take: z.array(z.string({ error: '对比项必须是文字' }).max(80)).max(500),
    }),
    output: returns<ApplyCompareResult>(),
    stale: REPORT_TEXT,
    callers: SCREEN,
  },
} satisfies Declarations<'import'>;
