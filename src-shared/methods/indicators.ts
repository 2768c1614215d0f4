/** 指标: figures of the year, and the unit's custom indicators. Handlers: src-main/services/handlers/indicators.ts. */
import * as z from 'zod';
import { lineText, yearField } from '../domain/text';
import type { IndicatorDef } from '../domain/indicatorSchema';
import { NewCustomIndicatorSchema } from '../domain/customIndicatorSchema';
import { LIMITS } from '../domain/limits';
import type { IndicatorReading } from '../domain/wording';
import { FIGURES } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

export interface IndicatorRow extends IndicatorReading {
  lastYear: number | null;
  /** a disagreement between wording and figure, in Chinese */
  problem: string | null;
}

const indicatorId = z.string({ error: '指标编号必须是文字' }).max(64, { error: '指标编号过长' });

export const INDICATOR_METHODS = {
  'indicators.list': { input: z.object({ year: yearField }), output: returns<IndicatorRow[]>(), read: true, callers: SCREEN_AND_CLI },
  'indicators.set': {
    input: z.object({
      year: yearField,
      id: indicatorId,
      value: z.number({ error: '数值必须是数字' }).nullable(),
      wording: lineText('表述', LIMITS.indicatorWording).default(''),
    }),
    output: returns<IndicatorRow>(),
    stale: FIGURES,
    callers: SCREEN,
  },
  /** a new custom indicator: the service assigns its id and returns the created definition; kept with the unit */
  'indicators.define': { input: z.object({ def: NewCustomIndicatorSchema }), output: returns<IndicatorDef>(), stale: ['unit', ...FIGURES], callers: SCREEN },
  'indicators.undefine': { input: z.object({ id: indicatorId }), output: returns<{ removed: string }>(), stale: ['unit', ...FIGURES], callers: SCREEN },
} satisfies Declarations<'indicators'>;
