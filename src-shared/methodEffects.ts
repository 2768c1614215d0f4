/**
 * What each contract method does to the data, for the renderer's query cache (issue 12 §3): a
 * `query` reads stored data and may be cached by its input; a `mutation` is called as an action,
 * and `dirties` names the domains whose cached reads it may have made wrong. Methods that change
 * nothing stored but take a file or make one (export.docx, import.preview …) are mutations with
 * no dirtied domain: they are actions, and their input (file bytes) is no cache key.
 *
 * Zod-free and pure so the renderer can import it. `Record<Method, …>` makes a method added to the
 * contract without a line here fail to compile.
 */
import type { Method } from './contract';

/** A method's domain is its name's prefix: `ledger.add` → `ledger`. */
export const DOMAINS = [
  'app',
  'unit',
  'years',
  'overview',
  'indicators',
  'ledger',
  'mediation',
  'report',
  'export',
  'backup',
  'demo',
  'import',
  'plan',
  'proofread',
  'sheet',
  'xlsx',
  'data',
  'draft',
] as const;
export type Domain = (typeof DOMAINS)[number];

export interface QueryEffect {
  kind: 'query';
}
export interface MutationEffect {
  kind: 'mutation';
  dirties: readonly Domain[];
}
export type MethodEffect = QueryEffect | MutationEffect;

/** Every domain with cached reads of the data folder: what a restore, a demo or a unit change may alter. */
const EVERYTHING: readonly Domain[] = ['unit', 'years', 'overview', 'indicators', 'ledger', 'mediation', 'report', 'export', 'plan', 'proofread', 'data'];

/**
 * Entries and cases feed the computed indicators, hence the overview's counts, the report's
 * figures (report.render), the proofreader's number checks and the year list's counts; charts
 * read ledger.list / mediation.list / indicators.list, so they follow too.
 */
const RECORDS = (own: 'ledger' | 'mediation'): readonly Domain[] => [own, 'indicators', 'overview', 'report', 'proofread', 'years', 'plan'];
/**
 * An indicator's figure or definition shows in the overview, the report and the proofreader, and in
 * the year after's plan checklist (plan.checklist prints last year's plan with last year's figures).
 */
const FIGURES: readonly Domain[] = ['indicators', 'overview', 'report', 'proofread', 'plan'];
/** The report's text: its parts, the proofreader, next year's plan checklist, the year's part count. */
const REPORT_TEXT: readonly Domain[] = ['report', 'overview', 'proofread', 'plan', 'years'];
/** A new year: the list, last-year figures (同比) and last year's plan seen from the year after. */
const NEW_YEAR: readonly Domain[] = ['years', 'overview', 'indicators', 'plan', 'proofread', 'report'];

const q: QueryEffect = { kind: 'query' };
const m = (...dirties: Domain[]): MutationEffect => ({ kind: 'mutation', dirties });
const all = (): MutationEffect => ({ kind: 'mutation', dirties: EVERYTHING });

/** `satisfies`, not a type annotation: every method must be here, and each keeps its kind in the type. */
export const METHOD_EFFECTS = {
  'app.info': q,
  'unit.get': q,
  // names, villages, the signature, custom indicators: almost every screen shows something of the unit
  'unit.save': all(),
  // the first unit and its year: nothing read before it is still true
  'unit.setup': all(),
  'unit.removeVillage': all(),
  'years.list': q,
  'years.create': m(...NEW_YEAR),
  'years.createNext': m(...NEW_YEAR),
  'years.createPrevious': m(...NEW_YEAR),
  'overview.get': q,
  'indicators.list': q,
  'indicators.set': m(...FIGURES),
  // custom indicators are kept with the unit
  'indicators.define': m('unit', ...FIGURES),
  'indicators.undefine': m('unit', ...FIGURES),
  'ledger.categories': q,
  'ledger.list': q,
  'ledger.add': m(...RECORDS('ledger')),
  'ledger.update': m(...RECORDS('ledger')),
  'ledger.remove': m(...RECORDS('ledger')),
  'ledger.restore': m(...RECORDS('ledger')),
  'mediation.list': q,
  'mediation.add': m(...RECORDS('mediation')),
  'mediation.update': m(...RECORDS('mediation')),
  'mediation.remove': m(...RECORDS('mediation')),
  'mediation.restore': m(...RECORDS('mediation')),
  'report.get': q,
  'report.save': m(...REPORT_TEXT),
  'report.render': q,
  // makes the file, writes nothing: the history changes with export.recorded
  'export.docx': m(),
  'export.recorded': m('export', 'years', 'overview'),
  'export.history': q,
  'backup.create': m(),
  'backup.inspect': m(),
  'backup.restore': all(),
  'demo.create': all(),
  'import.preview': m(),
  // may create the unit, replaces the report, takes figures, stores findings
  'import.commit': all(),
  'import.compare': m(),
  'import.applyCompare': m(...REPORT_TEXT),
  'plan.checklist': q,
  'plan.setStatus': m('plan'),
  'proofread.run': q,
  'proofread.state': q,
  // the overview lists the open findings
  'proofread.ignore': m('proofread', 'overview'),
  'proofread.unignore': m('proofread', 'overview'),
  // the import also remembers the sheet's column mapping (read back by sheet.preview, an action)
  'ledger.addMany': m(...RECORDS('ledger')),
  'ledger.removeMany': m(...RECORDS('ledger')),
  'mediation.addMany': m(...RECORDS('mediation')),
  'mediation.removeMany': m(...RECORDS('mediation')),
  'sheet.preview': m(),
  'xlsx.export': m(),
  'data.damaged': q,
  'data.notices': q,
  'data.startEmpty': all(),
  // an action, never cached: the clerk asks for it and wants what the records say now
  'draft.make': m(),
  'draft.apply': m(...REPORT_TEXT),
} satisfies Record<Method, MethodEffect>;

/** Methods the renderer may cache (useMethodQuery); the rest are called as actions. */
export type QueryMethod = { [K in Method]: (typeof METHOD_EFFECTS)[K] extends QueryEffect ? K : never }[Method];
export type MutationMethod = Exclude<Method, QueryMethod>;

/** `ledger.add` → `ledger`. */
export function domainOf(method: Method): Domain {
  return method.slice(0, method.indexOf('.')) as Domain;
}

export function isQuery(method: Method): method is QueryMethod {
  return METHOD_EFFECTS[method].kind === 'query';
}

/** The domains a successful call of `method` may have made stale (none for a query). */
export function dirtiedBy(method: Method): readonly Domain[] {
  const e: MethodEffect = METHOD_EFFECTS[method];
  return e.kind === 'mutation' ? e.dirties : [];
}
