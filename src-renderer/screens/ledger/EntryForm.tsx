/**
 * Keyboard-first entry: type, Tab to the next field, Enter saves and opens a blank row with the
 * cursor back in the first field. The same form edits an existing row (Esc cancels).
 * Behaviour: useEntryForm; one field: EntryField.
 */
import { memo } from 'react';
import { Alert, Button, Form, Space, Typography } from 'antd';
import { EntryField } from './EntryFields';
import { useEntryForm } from './useEntryForm';

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
}

// memo: the screen re-renders on every filter keystroke; the form has nothing to redo then
export const EntryForm = memo(function EntryForm(props: EntryFormProps) {
  const { fields, year, editing, onCancelEdit, savedNote } = props;
  const { form, firstRef, rowRef, error, saving, savedCount, onKeyDown, finish } = useEntryForm(props);
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
          <EntryField key={f.name} f={f} year={year} form={form} {...(i === 0 ? { inputRef: firstRef } : {})} />
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
