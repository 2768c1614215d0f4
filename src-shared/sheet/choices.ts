/**
 * The clerk's choices in the Excel import dialog, as rules: which column feeds which field, which
 * rows are imported, and which values still need (or already have) a meaning. Zod-free: the
 * renderer imports it; the services check the mapping again (one column per field).
 */
import type { MethodInput } from '../contract';
import type { SheetColumn, SheetMapping, SheetPreview, SheetRow, SheetTarget, SheetValueMap, UnknownValue } from './targets';
import type { Village } from '../domain/unit';
import { findLedgerCategory } from '../catalog/ledgerCategories';

/** The mapping in effect, as the preview's columns show it. */
export function mappingOf(columns: readonly SheetColumn[]): SheetMapping {
  return Object.fromEntries(columns.map((c) => [c.key, c.target]));
}

/** `key` now feeds `target` (null = not imported); one column per field: the column that had it gives it up. */
export function assignColumn(columns: readonly SheetColumn[], key: string, target: SheetTarget | null): SheetMapping {
  const next = mappingOf(columns);
  if (target) for (const k of Object.keys(next)) if (next[k] === target) next[k] = null;
  next[key] = target;
  return next;
}

/** Rows an import writes: the good ones, and the duplicates when the clerk asked for them too. */
export function importableRows(rows: readonly SheetRow[], withDuplicates: boolean): SheetRow[] {
  return rows.filter((r) => r.status === 'ok' || (withDuplicates && r.status === 'duplicate'));
}

export const VALUE_FIELDS = ['category', 'village', 'kind', 'outcome'] as const satisfies ReadonlyArray<UnknownValue['field']>;

/** A value of the sheet to say the meaning of: unknown (with its row count) or already chosen (kept, so the choice can be changed). */
export interface ValueChoice {
  field: UnknownValue['field'];
  text: string;
  count: number | null;
  chosen?: string;
}

/** What the sheet uses that the app did not know, then what the clerk already said it means. */
export function valueChoices(unknown: readonly UnknownValue[], values: SheetValueMap): ValueChoice[] {
  return [
    ...unknown,
    ...VALUE_FIELDS.flatMap((field) =>
      Object.entries(values[field] ?? {})
        .filter(([text]) => !unknown.some((u) => u.field === field && u.text === text))
        .map(([text, chosen]) => ({ field, text, count: null, chosen })),
    ),
  ];
}

/** The value map with `text` of `field` meaning `to`. */
export function chooseValue(values: SheetValueMap, field: UnknownValue['field'], text: string, to: string): SheetValueMap {
  return { ...values, [field]: { ...(values[field] ?? {}), [text]: to } };
}

/** Headers of columns left out because they hold personal data. */
export function personalLeftOut(columns: readonly SheetColumn[]): string[] {
  return columns.filter((c) => c.personal && !c.target).map((c) => c.key);
}

/** The `remember` part of an addMany: this header set maps like this next time. */
export function rememberOf(p: SheetPreview): MethodInput<'ledger.addMany'>['remember'] {
  return { key: p.mappingKey, headers: p.columns.map((c) => c.key), mapping: mappingOf(p.columns), values: p.values };
}

/**
 * A row as it will be stored, field by field in the form's words (the date as read, the category
 * and village by name): what the import dialog shows before anything is written.
 */
export function rowAsStored(fields: NonNullable<SheetRow['fields']>, villages: readonly Pick<Village, 'id' | 'name'>[]): Partial<Record<SheetTarget, string>> {
  const out: Partial<Record<SheetTarget, string>> = { date: fields.date };
  if (fields.villageId) out.village = villages.find((v) => v.id === fields.villageId)?.name ?? '';
  if (fields.note) out.note = fields.note;
  if ('title' in fields) {
    out.category = findLedgerCategory(fields.category)?.name ?? fields.category;
    out.title = fields.title;
    if (fields.participants !== undefined) out.participants = String(fields.participants);
    if (fields.materials !== undefined) out.materials = String(fields.materials);
  } else {
    out.kind = fields.kind;
    out.outcome = fields.outcome;
  }
  return out;
}
