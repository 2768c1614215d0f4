/**
 * An entry form's fields (活动台账, 调解案件), declared once against the input type of the method the
 * form calls. Each key is a field of that input, so a refusal's path finds its field, and a field
 * the contract lacks — or a contract field the form forgot, or a count that the contract keeps as
 * text — fails to compile. The list the form draws and the input the screen sends are both derived
 * from the one declaration (issue 22: no screen rebuilds the input with its own `typeof` checks).
 */
import type { FieldSpec, FieldValue, FormValues } from './useEntryForm';

type WithoutName<T> = T extends unknown ? Omit<T, 'name'> : never;
type Spec = WithoutName<FieldSpec>;
/** A number in the contract is typed as a count; text, a date or a choice from a list is a string. */
type SpecFor<V> = [NonNullable<V>] extends [number] ? Extract<Spec, { kind: 'count' }> : Exclude<Spec, { kind: 'count' }>;
/** Every field of the input, in the order the form shows them. */
export type FieldDecls<T> = { [K in keyof T]-?: SpecFor<T[K]> };

export interface DeclaredForm<T> {
  fields: FieldSpec[];
  /** The method's input from the form's values (already read by the shared rule, entryFieldValue). */
  input: (values: FormValues) => T;
}

export function declareFields<T>(decls: FieldDecls<T>): DeclaredForm<T> {
  const fields = Object.entries(decls).map(([name, d]) => ({ ...(d as Spec), name }) as FieldSpec);
  return {
    fields,
    // one cast, here: the declaration's keys are T's keys and each value is sent as its kind says
    input: (values) => Object.fromEntries(fields.map((f) => [f.name, sent(f, values[f.name])])) as T,
  };
}

/**
 * What one field sends: a count only as a number; text as typed; a date or a required field left
 * blank is sent empty, so the service refuses it by name ("请填写日期", "类别尚未选择") rather than
 * the form guessing. An optional field left blank is not sent.
 */
function sent(f: FieldSpec, x: FieldValue): FieldValue {
  if (f.kind === 'count') return typeof x === 'number' ? x : undefined;
  if (x === undefined) return f.kind === 'date' || ('required' in f && f.required) ? '' : undefined;
  return String(x);
}
