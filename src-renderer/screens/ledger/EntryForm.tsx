import { memo, useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import type { InputRef } from 'antd';
import { errorText } from '../../components/errors';
import { dateInYear } from '../../../src-shared/domain/textRules';
import { parseCountInput } from '../../../src-shared/domain/numberInput';
import { parseDateInput } from './dateInput';
import { LIMITS } from '../../../src-shared/domain/limits';

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
  /** a whole number typed as text and read by the shared rule (parseCountInput); `unit` may follow it */
  | (Base & { kind: 'count'; unit?: string });

interface Props {
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
}

const norm = (spec: FieldSpec, v: unknown): FieldValue => {
  if (v === null || v === undefined) return undefined;
  if (spec.kind === 'count') {
    // validation has already refused anything that is not a count, so this never drops a value
    const c = parseCountInput(String(v), spec.unit);
    return c.ok && c.value !== null ? c.value : undefined;
  }
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

/** Counts sit in the form as the text the clerk sees. */
const toFormValues = (fields: FieldSpec[], v: FormValues): FormValues => {
  const out: FormValues = { ...v };
  for (const f of fields) if (f.kind === 'count' && typeof out[f.name] === 'number') out[f.name] = String(out[f.name]);
  return out;
};

/** The form's keyboard stops in order: its inputs and buttons, minus the selects' clear buttons. */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('input, textarea, button')].filter(
    (el) => el.tabIndex >= 0 && !el.hasAttribute('disabled') && el.getClientRects().length > 0,
  );
}

/**
 * Keyboard-first entry: type, Tab to the next field, Enter saves and opens a blank row with the
 * cursor back in the first field. The same form edits an existing row (Esc cancels).
 */
// memo: the screen re-renders on every filter keystroke; the form has nothing to redo then
export const EntryForm = memo(function EntryForm({ fields, year, editing, sticky, onSubmit, onCancelEdit, savedNote }: Props) {
  const [form] = Form.useForm<FormValues>();
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

  const finish = async (raw: FormValues) => {
    const values: FormValues = {};
    for (const f of fields) {
      let v = norm(f, raw[f.name]);
      if (f.kind === 'date' && typeof v === 'string') v = parseDateInput(v, year) ?? v;
      values[f.name] = v;
    }
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
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={finish}
      onKeyDown={onKeyDown}
      aria-label={editing ? '修改记录' : '新增记录'}
      className="entry-form"
    >
      <div ref={rowRef} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        {fields.map((f, i) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            style={{ width: f.width, flex: f.kind === 'text' && f.grow ? `1 1 ${f.width}px` : undefined, marginBottom: 8 }}
            rules={
              f.kind === 'date'
                ? [
                    {
                      validator: async (_r, v: unknown) => {
                        const s = typeof v === 'string' ? v.trim() : '';
                        if (!s) throw new Error('请填写日期');
                        const iso = parseDateInput(s, year);
                        if (!iso) throw new Error('日期无效，可写 3-15 或 2024-03-15');
                        if (!dateInYear(iso, year)) throw new Error(`日期不在${year}年度内`);
                      },
                    },
                  ]
                : f.kind === 'count'
                  ? [
                      {
                        // the same reading and messages as 指标录入 (src-shared/domain/numberInput.ts)
                        validator: async (_r, v: unknown) => {
                          const c = parseCountInput(v === undefined || v === null ? '' : String(v), f.unit);
                          if (!c.ok) throw new Error(c.error);
                        },
                      },
                    ]
                  : (f.kind === 'text' || f.kind === 'select') && f.required
                    ? [{ required: true, message: `请填写${f.label}` }]
                    : undefined
            }
          >
            {f.kind === 'date' || f.kind === 'text' ? (
              <Input
                ref={i === 0 ? firstRef : undefined}
                aria-label={f.label}
                placeholder={f.placeholder ?? (f.kind === 'date' ? '如 3-15' : undefined)}
                maxLength={f.kind === 'text' ? f.maxLength : LIMITS.dateInput}
                autoComplete="off"
                onBlur={
                  f.kind === 'date'
                    ? (e) => {
                        // show the clerk what "3-15" became
                        const iso = parseDateInput(e.target.value, year);
                        if (iso) form.setFieldValue(f.name, iso);
                      }
                    : undefined
                }
              />
            ) : f.kind === 'select' ? (
              <Select
                aria-label={f.label}
                showSearch={{ optionFilterProp: 'label' }}
                allowClear={!f.required}
                popupMatchSelectWidth={false}
                placeholder={f.placeholder ?? '请选择'}
                options={f.options}
              />
            ) : (
              <Input
                aria-label={f.label}
                inputMode="numeric"
                autoComplete="off"
                maxLength={LIMITS.countInput}
                placeholder={f.placeholder}
                onBlur={(e) => {
                  // show the clerk what "１２０" became
                  const c = parseCountInput(e.target.value, f.unit);
                  if (c.ok && c.value !== null && String(c.value) !== e.target.value) form.setFieldValue(f.name, String(c.value));
                }}
              />
            )}
          </Form.Item>
        ))}
        <Form.Item style={{ marginBottom: 8 }}>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {editing ? '保存修改' : '保存（Enter）'}
            </Button>
            {editing && <Button onClick={onCancelEdit}>取消（Esc）</Button>}
          </Space>
        </Form.Item>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 4 }} role="alert" />}
      {!error && savedCount > 0 && !editing && (
        <Typography.Text type="success" className="save-state" role="status">
          {savedNote ? savedNote(savedCount) : `本次已添加 ${savedCount} 条`}
        </Typography.Text>
      )}
    </Form>
  );
});
