/**
 * 活动台账 and 调解案件: the year's records, one by one and by the sheet (spreadsheet import and
 * its undo). Handlers: src-main/services/handlers/ledger.ts.
 */
import * as z from 'zod';
import { idField, yearField } from '../domain/text';
import { LedgerFieldsSchema, LedgerEntrySchema, MediationFieldsSchema, MediationCaseSchema } from '../domain/ledger';
import type { LedgerEntry, MediationCase } from '../domain/ledger';
import type { LedgerCategory } from '../catalog/ledgerCategories';
import { importRows, RememberInputSchema } from '../sheet/schema';
import type { AddManyResult } from '../sheet/targets';
import { RECORDS } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

const year = z.object({ year: yearField });
const manyIds = z.array(idField).min(1, { error: '没有要删除的记录' }).max(20_000, { error: '一次最多撤销20000条' });

export const LEDGER_METHODS = {
  'ledger.categories': { input: z.object({}), output: returns<LedgerCategory[]>(), read: true, callers: SCREEN_AND_CLI },
  'ledger.list': { input: year, output: returns<LedgerEntry[]>(), read: true, callers: SCREEN_AND_CLI },
  'ledger.add': { input: z.object({ year: yearField, entry: LedgerFieldsSchema }), output: returns<LedgerEntry>(), stale: RECORDS('ledger'), callers: SCREEN_AND_CLI },
  'ledger.update': { input: z.object({ year: yearField, id: idField, entry: LedgerFieldsSchema }), output: returns<LedgerEntry>(), stale: RECORDS('ledger'), callers: SCREEN },
  'ledger.remove': { input: z.object({ year: yearField, id: idField }), output: returns<LedgerEntry>(), stale: RECORDS('ledger'), callers: SCREEN },
  /** undo of a removal: the entry as it was, with its id */
  'ledger.restore': { input: z.object({ year: yearField, entry: LedgerEntrySchema }), output: returns<LedgerEntry>(), stale: RECORDS('ledger'), callers: SCREEN },
  // the sheet import also remembers the sheet's column mapping (read back by sheet.preview, an action)
  'ledger.addMany': {
    input: z.object({ year: yearField, entries: importRows(LedgerFieldsSchema), remember: RememberInputSchema.optional() }),
    output: returns<AddManyResult>(),
    stale: RECORDS('ledger'),
    callers: SCREEN_AND_CLI,
  },
  /** undo of a sheet import */
  'ledger.removeMany': { input: z.object({ year: yearField, ids: manyIds }), output: returns<{ removed: number }>(), stale: RECORDS('ledger'), callers: SCREEN },

  'mediation.list': { input: year, output: returns<MediationCase[]>(), read: true, callers: SCREEN_AND_CLI },
  'mediation.add': { input: z.object({ year: yearField, entry: MediationFieldsSchema }), output: returns<MediationCase>(), stale: RECORDS('mediation'), callers: SCREEN },
  'mediation.update': { input: z.object({ year: yearField, id: idField, entry: MediationFieldsSchema }), output: returns<MediationCase>(), stale: RECORDS('mediation'), callers: SCREEN },
  'mediation.remove': { input: z.object({ year: yearField, id: idField }), output: returns<MediationCase>(), stale: RECORDS('mediation'), callers: SCREEN },
  'mediation.restore': { input: z.object({ year: yearField, entry: MediationCaseSchema }), output: returns<MediationCase>(), stale: RECORDS('mediation'), callers: SCREEN },
  'mediation.addMany': {
    input: z.object({ year: yearField, entries: importRows(MediationFieldsSchema), remember: RememberInputSchema.optional() }),
    output: returns<AddManyResult>(),
    stale: RECORDS('mediation'),
    callers: SCREEN_AND_CLI,
  },
  'mediation.removeMany': { input: z.object({ year: yearField, ids: manyIds }), output: returns<{ removed: number }>(), stale: RECORDS('mediation'), callers: SCREEN },
} satisfies Declarations<'ledger' | 'mediation'>;
