/**
 * The one service contract, gathered from the domain files in methods/ (one declaration per
 * method: input schema, output type, what it makes stale, who may call it). Everything else is
 * derived here: the method names, the types every transport and the renderer use, the handler
 * map's type. Inputs are validated with these schemas in `dispatch` on the service side of every
 * transport, so a renderer bug or a hostile caller gets the same Chinese message as a typo on the
 * command line.
 *
 * The renderer imports this file for types only (zod stays out of its bundle); at run time it
 * needs nothing of it: each successful change's answer names what it made stale (wire.ts).
 */
import type * as z from 'zod';
import type { Caller, ChangeDecl, Implements, MethodDecl, ReadDecl } from './methods/declare';
import type { Domain } from './methods/domains';
import { APP_METHODS } from './methods/app';
import { UNIT_METHODS } from './methods/unit';
import { SETUP_METHODS } from './methods/setup';
import { YEARS_METHODS } from './methods/years';
import { OVERVIEW_METHODS } from './methods/overview';
import { INDICATOR_METHODS } from './methods/indicators';
import { LEDGER_METHODS } from './methods/ledger';
import { REPORT_METHODS } from './methods/report';
import { PLAN_METHODS } from './methods/plan';
import { PROOFREAD_METHODS } from './methods/proofread';
import { IMPORT_METHODS } from './methods/import';
import { SHEET_METHODS } from './methods/sheet';
import { EXPORT_METHODS } from './methods/export';
import { BACKUP_METHODS } from './methods/backup';
import { DAMAGED_METHODS } from './methods/damaged';
import { DRAFT_METHODS } from './methods/draft';

/** Every method, by domain: the unit and its years, the year's data, the report, files in and out, the folder. */
export const METHODS = {
  ...APP_METHODS,
  ...UNIT_METHODS,
  ...SETUP_METHODS,
  ...YEARS_METHODS,
  ...OVERVIEW_METHODS,
  ...INDICATOR_METHODS,
  ...LEDGER_METHODS,
  ...REPORT_METHODS,
  ...PLAN_METHODS,
  ...PROOFREAD_METHODS,
  ...IMPORT_METHODS,
  ...SHEET_METHODS,
  ...EXPORT_METHODS,
  ...BACKUP_METHODS,
  ...DAMAGED_METHODS,
  ...DRAFT_METHODS,
} satisfies Record<`${Domain}.${string}`, MethodDecl>;

type Declared = typeof METHODS;
export type Method = keyof Declared;
/** What a caller sends (defaults may be left out). */
export type MethodInput<M extends Method> = z.input<Declared[M]['input']>;
/** What a handler receives: validated, defaults filled in. */
export type MethodParsed<M extends Method> = z.output<Declared[M]['input']>;
/** What each method returns. */
export type MethodOutputs = { [M in Method]: Declared[M]['output'] };

/** Methods the renderer may cache (useMethodQuery); the rest are called as actions. */
export type QueryMethod = { [M in Method]: Declared[M] extends ReadDecl ? M : never }[Method];
export type MutationMethod = Exclude<Method, QueryMethod>;

/** A client of the contract, whatever carries it. */
export type Call = <M extends Method>(method: M, input: MethodInput<M>) => Promise<MethodOutputs[M]>;

/** Implementations receive parsed (validated, defaulted) input. */
export type Handlers = Implements<Declared>;

export const METHOD_NAMES = Object.keys(METHODS) as Method[];

export function isMethod(m: unknown): m is Method {
  return typeof m === 'string' && Object.prototype.hasOwnProperty.call(METHODS, m);
}

export function isQuery(method: Method): method is QueryMethod {
  return 'read' in METHODS[method];
}

/** The domains a successful call of `method` may have made stale (none for a read). */
export function staleAfter(method: Method): readonly Domain[] {
  const d: MethodDecl = METHODS[method];
  return 'stale' in d ? (d as ChangeDecl).stale : [];
}

export function mayCall(caller: Caller, method: Method): boolean {
  return (METHODS[method] as MethodDecl).callers.includes(caller);
}

export type { Caller, Domain };
export type { AppInfo } from './methods/app';
export type { YearSummary } from './methods/years';
export type { Overview } from './methods/overview';
export type { IndicatorRow } from './methods/indicators';
export type { FilePayload } from './methods/files';
export type { BackupPreview } from './methods/backup';
export type { DamagedFile } from './methods/damaged';
