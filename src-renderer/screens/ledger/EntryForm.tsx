/**
 * Keyboard-first entry: type, Tab to the next field, Enter saves and opens a blank row with the
 * cursor back in the first field. The same form edits an existing row (Esc cancels).
 * Behaviour: useEntryForm; one field: EntryField.
 */
import { memo } from 'react';
import { Alert, Button, Form, Space, Typography } from 'antd';
import { EntryField } from './EntryFields';
import { useEntryForm, type EntryFormProps, type FormValues } from './useEntryForm';

export type { EntryFormProps, FieldSpec, FieldValue, FormValues } from './useEntryForm';

// memo: the screen re-renders on every filter keystroke; the form has nothing to redo then
export const EntryForm = memo(function EntryForm(props: EntryFormProps) {
  const { fields, year, editing, onCancelEdit, savedNote } = props;
  const { form, firstRef, rowRef, error, saving, savedCount, onKeyDown, finish, onFinishFailed } = useEntryForm(props);
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={finish}
      onFinishFailed={onFinishFailed}
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
