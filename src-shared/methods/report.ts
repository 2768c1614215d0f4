/** 年度报告: the report's text and its rendering with the year's figures. Handlers: src-main/services/handlers/report.ts. */
import * as z from 'zod';
import { dateField, yearField } from '../domain/text';
import { ReportSchema, type Report } from '../domain/report';
import { IssuancePatchSchema, type Issuance } from '../domain/issuance';
import type { RenderResult } from '../report/printedReport';
import { REPORT_TEXT } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

export const REPORT_METHODS = {
  'report.get': { input: z.object({ year: yearField }), output: returns<Report>(), read: true, callers: SCREEN_AND_CLI },
  'report.save': { input: z.object({ year: yearField, report: ReportSchema }), output: returns<Report>(), stale: REPORT_TEXT, callers: SCREEN },
  /**
   * Sets some of the 报送件's fields (发文字号, 签发人, 抄送 …) and keeps the rest: the 导出 screen and
   * `fazhi report set` change one or a few at a time
   */
  'report.issuance': {
    input: z.object({ year: yearField, issuance: IssuancePatchSchema }),
    output: returns<Issuance>(),
    stale: REPORT_TEXT,
    callers: SCREEN_AND_CLI,
  },
  /** the report with its placeholders filled in, as the export would print it */
  'report.render': { input: z.object({ year: yearField, today: dateField('今天日期').optional() }), output: returns<RenderResult>(), read: true, callers: SCREEN_AND_CLI },
} satisfies Declarations<'report'>;
