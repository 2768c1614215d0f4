/**
 * State and behaviour of the keyboard-first entry form: save on Enter and open a blank row with the
 * sticky fields kept and the cursor back in the first field; Tab out of an open select moves on;
 * the selects' clear buttons are not tab stops. What each field sends is the shared rule
 * (src-shared/domain/entryInput).
 */
import { useEffect, useRef, useState } from 'react';
import { Form, type InputRef } from 'antd';
import { entryFieldValue } from '../../../src-shared/domain/entryInput';
import { errorText } from '../../components/errors';
import { routeRefusal } from '../../components/fieldRefusal';
import { useUnsavedInput } from '../../state/unsavedInput';

export type FieldValue = string | number | undefined;
export type FormValues = Record<string, FieldValue>;

interface Base {
  name: string;
  label: string;
  width: number;
  placeholder?: string;
}
export type FieldSpec =
  | (Base & { kind: 'date' })
  | (Base & { kind: 'text'; required?: boolean; maxLength?: number; grow?: boolean })
  | (Base & { kind: 'select'; options: Array<{ value: string; label: string }>; required?: boolean })
  /** a whole number typed as text and read by the shared rule (parseCountInput); its `measure` (人, 份) may follow it */
  | (Base & { kind: 'count'; measure?: string });

export interface EntryFormProps {
  fields: FieldSpec[];
  year: number;
  /** the row being edited, or null for a new row */
  editing: FormValues | null;
  /** fields carried over into the next blank row (the clerk usually logs a batch of one day/kind) */
  sticky: string[];
  onSubmit: (values: FormValues) => Promise<void>;
  onCancelEdit: () => void;
  /** text for the "saved" note; gets the number of rows saved in this session */
  savedNote?: (count: number) => string;
  /** what one row is, for the question on leaving with a row typed and not saved ("台账记录") */
  noun?: string;
}

/** Counts sit in the form as the text the clerk sees. */
const toFormValues = (fields: FieldSpec[], v: FormValues): FormValues => {
  const out: FormValues = { ...v };
  for (const f of fields) if (f.kind === 'count' && typeof out[f.name] === 'number') out[f.name] = String(out[f.name]);
  return out;
};

/**
 * The form field a service's validation error names first (routeRefusal keeps the issues' order),
 * the one its message (errorText) is about.
 */
function refusedField(err: unknown, fields: FieldSpec[]): string | undefined {
  const labels: Record<string, string> = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  return Object.keys(routeRefusal(err, labels).fields)[0];
}

/** The form's keyboard stops in order: its inputs and buttons, minus the selects' clear buttons. */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('input, textarea, button')].filter(
    (el) => el.tabIndex >= 0 && !el.hasAttribute('disabled') && el.getClientRects().length > 0,
  );
}

export function useEntryForm({ fields, year, editing, sticky, onSubmit, onCancelEdit, noun = '记录' }: EntryFormProps) {
  const [form] = Form.useForm<FormValues>();
  // a row typed and not saved (beyond the fields kept from the last one) holds the screen
  const typed = Form.useWatch([], form) as FormValues | undefined;
  const holding = editing
    ? form.isFieldsTouched()
    : fields.some((f) => !sticky.includes(f.name) && typed?.[f.name] !== undefined && String(typed[f.name]).trim() !== '');
  useUnsavedInput(holding && `${editing ? '正在修改' : '正在录入'}的一条${noun}（尚未按 Enter 保存）`);
  const firstRef = useRef<InputRef>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState(0);
  const rowRef = useRef<HTMLDivElement>(null);

  // A select's clear button (×) is a <button> that appears once a value is chosen. As a tab stop
  // it swallowed the next typed figure and shifted every later value one field left: keep it
  // for the mouse only. It mounts and unmounts with the value, hence the observer.
  useEffect(() => {
    const root = rowRef.current;
    if (!root) return;
    const untab = () => root.querySelectorAll<HTMLElement>('.ant-select-clear').forEach((b) => (b.tabIndex = -1));
    untab();
    const obs = new MutationObserver(untab);
    obs.observe(root, { childList: true, subtree: true });
    return () => obs.disconnect();
  }, []);

  // Tab in a select whose list is open picks the highlighted option and, in antd, keeps the
  // cursor there; the clerk expects it to move on like every other field.
  const onKeyDown = (e: React.KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape' && editing) onCancelEdit();
    if (e.key !== 'Tab' || !e.defaultPrevented || !rowRef.current) return;
    const from = e.target as HTMLElement;
    if (!from.closest('.ant-select')) return;
    const stops = tabStops(rowRef.current);
    const at = stops.findIndex((el) => el === from || el.contains(from));
    const next = stops[at + (e.shiftKey ? -1 : 1)];
    if (at >= 0 && next) next.focus();
  };

  // Focus is asked for with a counter and given in an effect, i.e. after the render that applied
  // the reset: antd's resetFields re-mounts the inputs, and focusing the old element from a
  // timer lost the cursor whenever that render came late (a busy machine).
  const [focusTick, setFocusTick] = useState(0);
  const focusFirst = () => setFocusTick((t) => t + 1);
  useEffect(() => {
    if (!focusTick) return;
    const give = () => firstRef.current?.focus({ cursor: 'all' });
    give();
    // one more frame for a re-mount that lands after this commit
    const raf = requestAnimationFrame(() => {
      const el = firstRef.current?.input;
      if (el && document.activeElement !== el) give();
    });
    return () => cancelAnimationFrame(raf);
  }, [focusTick]);

  useEffect(() => {
    setError(null);
    form.resetFields();
    if (editing) {
      form.setFieldsValue(toFormValues(fields, editing));
      focusFirst();
    }
  }, [editing, form]);

  // After a refused save the cursor goes to the field that was refused, its text selected so the
  // next keys replace it (not left in 备注, where the Enter was pressed).
  const focusBad = (name: string) => {
    form.focusField(name);
    const el = document.activeElement;
    if (el instanceof HTMLInputElement && rowRef.current?.contains(el)) el.select();
  };
  const onFinishFailed = ({ errorFields }: { errorFields: Array<{ name: Array<string | number> }> }) => {
    const first = errorFields[0]?.name[0];
    if (first !== undefined) focusBad(String(first));
  };

  const finish = async (raw: FormValues) => {
    const values: FormValues = {};
    for (const f of fields) values[f.name] = entryFieldValue(f.kind, raw[f.name], year, f.kind === 'count' ? f.measure : undefined);
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
      if (!editing) {
        setSavedCount((n) => n + 1);
        form.resetFields();
        const keep: FormValues = {};
        for (const k of sticky) keep[k] = values[k];
        form.setFieldsValue(keep);
      }
      focusFirst();
    } catch (err) {
      // the services refused a field (their own check of the same rule): mark it there
      const field = refusedField(err, fields);
      if (field) {
        form.setFields([{ name: field, errors: [errorText(err)] }]);
        focusBad(field);
      } else setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return { form, firstRef, rowRef, error, saving, savedCount, onKeyDown, finish, onFinishFailed };
}
