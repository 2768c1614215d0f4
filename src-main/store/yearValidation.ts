import * as z from 'zod';
import { zodToAppError } from '../../src-shared/validation';
import { YearDataSchema, type YearData } from '../../src-shared/domain/year';

/**
 * Copying and re-validating a year on every change is what makes appends slow once a year holds
 * thousands of ledger entries (structuredClone ~5 ms, a full zod parse ~12 ms at 5,000 entries).
 * Ledger entries and mediation cases are flat records, so a draft copies them with a spread and
 * remembers which stored (already validated) record each copy came from; afterwards a copy that
 * still equals its origin is taken as is and only new or edited records go through the schema.
 *
 * The schema used is YearDataSchema itself, applied to the year with only the changed records in
 * its arrays. Rules that compare records with each other (none today) would therefore only see
 * the changed ones: keep such rules in the services, or drop this shortcut.
 */

type Origins = WeakMap<object, object>;
const LIST_KEYS = ['ledger', 'mediation'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A deep copy of a record whose fields are (nearly always) primitives. */
function copyRecord<T extends object>(r: T): T {
  for (const v of Object.values(r)) if (isObject(v)) return structuredClone(r);
  return { ...r };
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const v = a[k];
    if (isObject(v) || v !== b[k] || !(k in b)) return false;
  }
  return true;
}

/** A deep copy of `data`; with `origins`, records that will be recognised if left unchanged. */
export function copyYear(data: YearData, origins?: Origins): YearData {
  const rest = structuredClone({ ...data, ledger: [], mediation: [] });
  const copyList = <R extends object>(list: R[]): R[] =>
    list.map((r) => {
      const c = copyRecord(r);
      origins?.set(c, r);
      return c;
    });
  return { ...rest, ledger: copyList(data.ledger), mediation: copyList(data.mediation) };
}

export function newOrigins(): Origins {
  return new WeakMap();
}

/** Validates a year; throws AppError VALIDATION (Chinese) naming the field. */
export function validateYear(next: unknown, origins?: Origins): YearData {
  if (!origins || !isObject(next) || !LIST_KEYS.every((k) => Array.isArray(next[k]))) return fullParse(next);

  const known: Record<string, Array<object | null>> = {};
  const changedAt: Record<string, number[]> = {};
  const subset: Record<string, unknown> = { ...next };
  for (const key of LIST_KEYS) {
    const list = next[key] as unknown[];
    const k: Array<object | null> = [];
    const idx: number[] = [];
    const changed: unknown[] = [];
    list.forEach((item, i) => {
      const origin = isObject(item) ? origins.get(item) : undefined;
      if (origin && sameFields(item as Record<string, unknown>, origin as Record<string, unknown>)) k.push(origin);
      else {
        k.push(null);
        idx.push(i);
        changed.push(item);
      }
    });
    known[key] = k;
    changedAt[key] = idx;
    subset[key] = changed;
  }

  const r = YearDataSchema.safeParse(subset);
  if (!r.success) {
    // report positions in the clerk's full list, not in the subset
    for (const issue of r.error.issues) {
      const [key, i] = issue.path;
      if (typeof key === 'string' && key in changedAt && typeof i === 'number') {
        issue.path[1] = changedAt[key]![i] ?? i;
      }
    }
    throw zodToAppError(r.error);
  }
  const out: Record<string, unknown> = { ...r.data };
  for (const key of LIST_KEYS) {
    const parsed = r.data[key] as object[];
    if (parsed.length !== changedAt[key]!.length) return fullParse(next); // the schema reshaped the list
    let j = 0;
    out[key] = known[key]!.map((k) => k ?? parsed[j++]!);
  }
  return out as YearData;
}

function fullParse(next: unknown): YearData {
  const r = YearDataSchema.safeParse(next);
  if (!r.success) throw zodToAppError(r.error as z.ZodError);
  return r.data;
}

/** JSON of stored records, which are never mutated once stored (drafts and reads get copies). */
const recordJson = new WeakMap<object, string>();

function listJson(list: readonly object[]): string {
  const parts = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    let s = recordJson.get(r);
    if (s === undefined) {
      s = JSON.stringify(r);
      recordJson.set(r, s);
    }
    parts[i] = s;
  }
  return `[${parts.join(',')}]`;
}

/**
 * Compact JSON of a stored year, reusing the text of unchanged ledger entries and mediation
 * cases: serializing thousands of records on every append was the largest cost left.
 */
export function stringifyYear(y: YearData): string {
  const { ledger, mediation, ...rest } = y;
  const head = JSON.stringify(rest);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"ledger":${listJson(ledger)},"mediation":${listJson(mediation)}}`;
}
