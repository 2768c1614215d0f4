/** First run: the unit and its first year. Handler: src-main/services/handlers/setup.ts. */
import * as z from 'zod';
import { yearField } from '../domain/text';
import { UnitSchema, type Unit } from '../domain/unit';
import { EVERYTHING } from './domains';
import { returns, SCREEN, type Declarations } from './declare';
import type { YearSummary } from './years';

export const SETUP_METHODS = {
  /**
   * The unit and its first year in one call, both written or neither. yearCreated false: a year
   * file left without a unit (unit.json set aside) was kept as it was; year null: that year's file
   * is damaged (the unit is saved; data.damaged lists the file). Nothing read before it is still true.
   */
  'unit.setup': {
    input: z.object({ unit: UnitSchema, year: yearField }),
    output: returns<{ unit: Unit; year: YearSummary | null; yearCreated: boolean }>(),
    stale: EVERYTHING,
    callers: SCREEN,
  },
} satisfies Declarations<'unit'>;
