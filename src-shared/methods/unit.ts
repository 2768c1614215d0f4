/** The unit (单位): names, villages, signature, font preset, custom indicators. Handlers: src-main/services/handlers/unit.ts. */
import * as z from 'zod';
import { idField } from '../domain/text';
import { UnitSchema, type Unit } from '../domain/unit';
import { EVERYTHING } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

export const UNIT_METHODS = {
  'unit.get': { input: z.object({}), output: returns<Unit | null>(), read: true, callers: SCREEN_AND_CLI },
  // names, villages, the signature, custom indicators: almost every screen shows something of the unit
  'unit.save': { input: z.object({ unit: UnitSchema }), output: returns<Unit>(), stale: EVERYTHING, callers: SCREEN },
  'unit.removeVillage': {
    input: z.object({
      villageId: idField,
      /** where entries of the removed village go: another village id, or null to clear the field */
      reassignTo: idField.nullable(),
    }),
    output: returns<{ unit: Unit; moved: number }>(),
    stale: EVERYTHING,
    callers: SCREEN,
  },
} satisfies Declarations<'unit'>;
