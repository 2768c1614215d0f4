/** The unit (单位): names, villages, signature, font preset, custom indicators. Handlers: src-main/services/handlers/unit.ts. */
import * as z from 'zod';
import { idField } from '../domain/text';
import { UnitDraftsSchema, UnitSchema, type Unit, type UnitDrafts } from '../domain/unit';
import { EVERYTHING } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

export const UNIT_METHODS = {
  'unit.get': { input: z.object({}), output: returns<Unit | null>(), read: true, callers: SCREEN_AND_CLI },
  // names, villages, the signature, custom indicators: almost every screen shows something of the unit
  // `drafts`: what 单位设置 holds back (incomplete rows), stored with the unit in one write; absent = unchanged
  'unit.save': { input: z.object({ unit: UnitSchema, drafts: UnitDraftsSchema.optional() }), output: returns<Unit>(), stale: EVERYTHING, callers: SCREEN },
  /** the incomplete rows 单位设置 keeps (never part of the unit) */
  'unit.drafts': { input: z.object({}), output: returns<UnitDrafts>(), read: true, callers: SCREEN_AND_CLI },
  // only the drafts change: nothing but 单位设置 shows them
  'unit.saveDrafts': { input: z.object({ drafts: UnitDraftsSchema }), output: returns<UnitDrafts>(), stale: ['unit'], callers: SCREEN },
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
