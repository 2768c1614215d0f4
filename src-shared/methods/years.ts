/** The year files (年度文件). Handlers: src-main/services/handlers/years.ts. */
import * as z from 'zod';
import { yearField } from '../domain/text';
import { NEW_YEAR } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

export interface YearSummary {
  year: number;
  ledgerCount: number;
  mediationCount: number;
  partCount: number;
  exportCount: number;
}

export const YEARS_METHODS = {
  'years.list': { input: z.object({}), output: returns<YearSummary[]>(), read: true, callers: SCREEN_AND_CLI },
  'years.create': { input: z.object({ year: yearField, fromYear: yearField.optional() }), output: returns<YearSummary>(), stale: NEW_YEAR, callers: SCREEN },
  /** the year after the newest, carrying the newest year's report outline */
  'years.createNext': { input: z.object({ after: yearField.optional() }), output: returns<YearSummary>(), stale: NEW_YEAR, callers: SCREEN },
  /** the year before the earliest, for last year's figures only (同比 in the first year of use) */
  'years.createPrevious': { input: z.object({}), output: returns<YearSummary>(), stale: NEW_YEAR, callers: SCREEN },
} satisfies Declarations<'years'>;
