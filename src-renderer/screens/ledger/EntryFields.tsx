/** One field of the entry form: its check (the shared rules) and its input. */
import { Form, Input, Select, type FormInstance, type FormRule, type InputRef } from 'antd';
import type { RefObject } from 'react';
import { checkDateInput, parseDateInput } from '../../../src-shared/domain/entryInput';
import { parseCountInput } from '../../../src-shared/domain/numberInput';
import { LIMITS } from '../../../src-shared/domain/limits';
import { DateTextInput } from '../../components/DateTextInput';
import { LimitedInput } from '../../components/LimitedInput';
import type { FieldSpec, FormValues } from './useEntryForm';

function rulesFor(f: FieldSpec, year: number): FormRule[] | undefined {
  if (f.kind === 'date')
    return [
      {
        validator: async (_r, v: unknown) => {
          const c = checkDateInput(typeof v === 'string' ? v : '', year);
          if (!c.ok) throw new Error(c.error);
        },
      },
    ];
  if (f.kind === 'count')
    return [
      {
        // the same reading and messages as 指标录入 (src-shared/domain/numberInput.ts)
        validator: async (_r, v: unknown) => {
          const c = parseCountInput(v === undefined || v === null ? '' : String(v), f.measure);
          if (!c.ok) throw new Error(c.error);
        },
      },
    ];
  return f.required ? [{ required: true, message: `请填写${f.label}` }] : undefined;
}

export function EntryField({ f, year, form, inputRef }: { f: FieldSpec; year: number; form: FormInstance<FormValues>; inputRef?: RefObject<InputRef | null> }) {
  return (
    <Form.Item
      name={f.name}
      label={f.label}
      style={{ width: f.width, flex: f.kind === 'text' && f.grow ? `1 1 ${f.width}px` : undefined, marginBottom: 8 }}
      rules={rulesFor(f, year)}
    >
      {f.kind === 'date' ? (
        <DateTextInput
          ref={inputRef}
          aria-label={f.label}
          placeholder={f.placeholder ?? '如 3-15'}
          onBlur={(e) => {
            // show the clerk what "3-15" became
            const iso = parseDateInput(e.target.value, year);
            if (iso) form.setFieldValue(f.name, iso);
          }}
        />
      ) : f.kind === 'text' ? (
        f.maxLength === undefined ? (
          <Input ref={inputRef} aria-label={f.label} placeholder={f.placeholder} autoComplete="off" />
        ) : (
          <LimitedInput ref={inputRef} aria-label={f.label} placeholder={f.placeholder} maxLength={f.maxLength} autoComplete="off" />
        )
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
            const c = parseCountInput(e.target.value, f.measure);
            if (c.ok && c.value !== null && String(c.value) !== e.target.value) form.setFieldValue(f.name, String(c.value));
          }}
        />
      )}
    </Form.Item>
  );
}
