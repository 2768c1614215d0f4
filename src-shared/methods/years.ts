/** The year files (年度文件). Handlers: src-main/services/handlers/years.ts. */
import * as z from 'zod';
import { yearField } from '../domain/text';
import { NEW_YEAR_STARTS } from '../domain/vocabulary';
import { NEW_YEAR } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

export interface YearSummary {
  year: number;
  ledgerCount: number;
  mediationCount: number;
  partCount: number;
  exportCount: number;
}

const newYearStart = z.enum(NEW_YEAR_STARTS, { error: '新年度报告只能“沿用上年正文作草稿”（draft）或“只保留标题”（headings）' });

export const YEARS_METHODS = {
  'years.list': { input: z.object({}), output: returns<YearSummary[]>(), read: true, callers: SCREEN_AND_CLI },
  /** with `fromYear`, that year's report carried as `start` says (headings only unless asked) */
  'years.create': { input: z.object({ year: yearField, fromYear: yearField.optional(), start: newYearStart.optional() }), output: returns<YearSummary>(), stale: NEW_YEAR, callers: SCREEN },
  /**
   * The year after `after` (else after the newest), carrying its report: `start` is the clerk's
   * choice in the dialog, so it has no default — the service does exactly what was chosen.
   */
  'years.createNext': { input: z.object({ after: yearField.optional(), start: newYearStart }), output: returns<YearSummary>(), stale: NEW_YEAR, callers: SCREEN },
  /** the year before the earliest, for last year's figures only (同比 in the first year of use) */
  'years.createPrevious': { input: z.object({}), output: returns<YearSummary>(), stale: NEW_YEAR, callers: SCREEN },
} satisfies Declarations<'years'>;
