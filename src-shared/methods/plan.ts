/** 下一年度安排 checklist. Handlers: src-main/services/handlers/plan.ts. */
import * as z from 'zod';
import { yearField } from '../domain/text';
import { PLAN_STATUSES, type PlanChecklist } from '../import/types';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

export const PLAN_METHODS = {
  /** Last year's 下一年度安排 split into points, with this year's marks (已完成/未完成/结转). */
  'plan.checklist': { input: z.object({ year: yearField }), output: returns<PlanChecklist>(), read: true, callers: SCREEN_AND_CLI },
  /** Mark one point of the checklist; kept with the year. */
  'plan.setStatus': {
    input: z.object({
      year: yearField,
      key: z.string({ error: '事项编号必须是文字' }).max(64, { error: '事项编号过长' }),
      status: z.enum(PLAN_STATUSES, { error: '状态只能是 未标记、已完成、未完成 或 结转' }),
    }),
    output: returns<PlanChecklist>(),
    stale: ['plan'],
    callers: SCREEN,
  },
} satisfies Declarations<'plan'>;
