/** 起草: a first draft of the report from the year's records (issue 21). Handlers: src-main/services/handlers/draft.ts. */
import * as z from 'zod';
import { yearField } from '../domain/text';
import { DRAFT_FIGURES, DRAFT_PARTS, type DraftApplyResult, type ReportDraft } from '../draft/types';
import { REPORT_TEXT } from './domains';
import { returns, SCREEN_AND_CLI, type Declarations } from './declare';

const request = z.object({
  year: yearField,
  part: z.enum([...DRAFT_PARTS, 'all'], { error: '部分只能是 measures、shortcomings、firstResponsible、plan 或 all' }).default('all'),
  /** the clerk's 约数 where an indicator has one, or exact figures throughout */
  figures: z.enum(DRAFT_FIGURES, { error: '数字写法只能是 wording（约数）或 exact（准确数）' }).default('wording'),
});

export const DRAFT_METHODS = {
  /**
   * The draft of one part or all, each piece placed where it would go in the current report, with
   * last year's sentences offered. Writes nothing; an action (never cached), since the clerk asks
   * for what the records say now.
   */
  'draft.make': { input: request, output: returns<ReportDraft>(), stale: [], callers: SCREEN_AND_CLI },
  /** The draft written into the report's empty parts only; parts with text are left as they are. */
  'draft.apply': { input: request, output: returns<DraftApplyResult>(), stale: REPORT_TEXT, callers: SCREEN_AND_CLI },
} satisfies Declarations<'draft'>;
