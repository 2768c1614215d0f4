/**
 * The domains of the service contract and the groups of them a change makes stale. A method's
 * domain is its name's prefix (`ledger.add` → `ledger`); the renderer caches a read under its
 * domain and drops what a successful change names as stale (the service says which, see
 * `stale` in wire.ts), so no screen reloads by hand.
 *
 * Zod-free: the renderer imports this file at run time; the declarations (methods/*.ts) import
 * it for the groups below.
 */

export const DOMAINS = [
  'app',
  'demo',
  'unit',
  'years',
  'overview',
  'indicators',
  'ledger',
  'mediation',
  'report',
  'plan',
  'proofread',
  'import',
  'sheet',
  'xlsx',
  'export',
  'backup',
  'data',
  'draft',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** `ledger.add` → `ledger`. */
export function domainOf<D extends Domain>(method: `${D}.${string}`): D {
  return method.slice(0, method.indexOf('.')) as D;
}

/** Every domain with cached reads of the data folder: what a restore, a demo or a unit change may alter. */
export const EVERYTHING: readonly Domain[] = ['unit', 'years', 'overview', 'indicators', 'ledger', 'mediation', 'report', 'export', 'plan', 'proofread', 'data'];

/**
 * Entries and cases feed the computed indicators, hence the overview's counts, the report's
 * figures (report.render), the proofreader's number checks and the year list's counts; charts
 * read ledger.list / mediation.list / indicators.list, so they follow too.
 */
export const RECORDS = (own: 'ledger' | 'mediation'): readonly Domain[] => [own, 'indicators', 'overview', 'report', 'proofread', 'years', 'plan'];

/**
 * An indicator's figure or definition shows in the overview, the report and the proofreader, and in
 * the year after's plan checklist (plan.checklist prints last year's plan with last year's figures).
 */
export const FIGURES: readonly Domain[] = ['indicators', 'overview', 'report', 'proofread', 'plan'];

/** The report's text: its parts, the proofreader, next year's plan checklist, the year's part count. */
export const REPORT_TEXT: readonly Domain[] = ['report', 'overview', 'proofread', 'plan', 'years'];

/** A new year: the list, last-year figures (同比) and last year's plan seen from the year after. */
export const NEW_YEAR: readonly Domain[] = ['years', 'overview', 'indicators', 'plan', 'proofread', 'report'];
