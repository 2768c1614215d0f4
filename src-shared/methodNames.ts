/**
 * The contract's method names without the schemas: the sandboxed preload needs the list but must
 * not bundle zod and the domain. The type check below fails to compile if this list and
 * METHOD_SCHEMAS in contract.ts ever differ (a type-only import, erased from the bundle).
 */
import type { Method } from './contract';

export const METHOD_NAMES = [
  'app.info',
  'unit.get',
  'unit.save',
  'unit.setup',
  'unit.removeVillage',
  'years.list',
  'years.create',
  'years.createNext',
  'years.createPrevious',
  'overview.get',
  'indicators.list',
  'indicators.set',
  'indicators.define',
  'indicators.undefine',
  'ledger.categories',
  'ledger.list',
  'ledger.add',
  'ledger.update',
  'ledger.remove',
  'ledger.restore',
  'mediation.list',
  'mediation.add',
  'mediation.update',
  'mediation.remove',
  'mediation.restore',
  'report.get',
  'report.save',
  'report.render',
  'export.docx',
  'export.recorded',
  'export.history',
  'backup.create',
  'backup.inspect',
  'backup.restore',
  'demo.create',
  'import.preview',
  'import.commit',
  'import.compare',
  'import.applyCompare',
  'plan.checklist',
  'plan.setStatus',
  'proofread.run',
  'proofread.state',
  'proofread.ignore',
  'proofread.unignore',
  'ledger.addMany',
  'ledger.removeMany',
  'mediation.addMany',
  'mediation.removeMany',
  'sheet.preview',
  'xlsx.export',
  'data.damaged',
  'data.startEmpty',
  'data.notices',
  'draft.make',
  'draft.apply',
] as const;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inSync: Same<(typeof METHOD_NAMES)[number], Method> = true;
void inSync;

const NAME_SET: ReadonlySet<string> = new Set(METHOD_NAMES);
export function isMethodName(m: unknown): m is Method {
  return typeof m === 'string' && NAME_SET.has(m);
}
