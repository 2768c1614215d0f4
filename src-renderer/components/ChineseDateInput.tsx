/**
 * A date field that reads the way a 公文 writes it: "2025年1月20日", year, month, day, whatever the
 * browser's language (the 落款 dates). The clerk types it in any form the one date rule reads
 * (src-shared/dates) or picks it from the calendar. antd's DatePicker would bring dayjs and
 * rc-picker into a bundle that is at its size budget; the native picker behind the calendar
 * button costs nothing.
 *
 * What it shows is what is kept: typed text is taken on Enter or on leaving the field; text that
 * is not a date stays, marked, with the reason under it, and the owner is told (`onProblem`) so
 * that it refuses its own save and can bring the cursor back here (`focusRef`).
 */
import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Button, type InputRef } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { chineseDateText } from '../../src-shared/dates';
import { dateProblemText, parseDateInput } from '../../src-shared/domain/entryInput';
import { DateTextInput } from './DateTextInput';
import { useUnsavedInput } from '../state/unsavedInput';

export { chineseDateText };

export interface ChineseDateInputProps {
  /** YYYY-MM-DD, or '' for none */
  value: string;
  onChange: (iso: string) => void;
  /** the text typed does not read as a date (null once it does, or is cleared) */
  onProblem?: (problem: string | null) => void;
  /** focus(): put the cursor in the field, its text selected */
  focusRef?: Ref<{ focus: () => void }>;
  /** year assumed when the clerk types only month and day */
  year?: number;
  disabled?: boolean;
  placeholder?: string;
  title?: string;
  'aria-label': string;
  width?: number;
}

export function ChineseDateInput({ value, onChange, onProblem, focusRef, year, disabled, placeholder, title, width = 190, ...rest }: ChineseDateInputProps) {
  const label = rest['aria-label'];
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblemState] = useState<string | null>(null);
  const input = useRef<InputRef>(null);
  const native = useRef<HTMLInputElement>(null);
  useImperativeHandle(focusRef, () => ({ focus: () => input.current?.focus({ cursor: 'all' }) }), []);
  useUnsavedInput(draft !== null && `${label}“${draft}”`);
  const setProblem = (p: string | null) => {
    setProblemState(p);
    onProblem?.(p);
  };
  const take = (iso: string) => {
    onChange(iso);
    setDraft(null);
    setProblem(null);
  };
  const commit = () => {
    if (draft === null) return;
    const raw = draft.trim();
    if (raw === '') return take('');
    const iso = parseDateInput(raw, year ?? new Date().getFullYear());
    if (iso) take(iso);
    else setProblem(`${dateProblemText(raw, year ?? new Date().getFullYear())}；未保存`);
  };
  return (
    <span className="fz-cn-date" style={{ display: 'inline-flex', flexDirection: 'column', position: 'relative', width }}>
      <span style={{ display: 'inline-flex' }}>
        <DateTextInput
          ref={input}
          aria-label={label}
          aria-invalid={problem ? true : undefined}
          value={draft ?? chineseDateText(value)}
          disabled={disabled}
          placeholder={placeholder ?? '如 2025年1月20日'}
          title={problem ?? title}
          status={problem ? 'error' : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            if (problem) setProblem(null);
          }}
          onBlur={commit}
          onPressEnter={commit}
        />
        <Button
          title="从日历中选择"
          aria-label={`${label}：日历`}
          icon={<CalendarOutlined />}
          disabled={disabled}
          onClick={() => {
            const el = native.current;
            if (!el) return;
            try {
              el.showPicker();
            } catch {
              el.focus();
            }
          }}
        />
      </span>
      {problem && (
        <span role="alert" className="fz-field-problem">
          {problem}
        </span>
      )}
      <input
        ref={native}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => take(e.target.value)}
        style={{ position: 'absolute', opacity: 0, width: 1, height: 1, pointerEvents: 'none' }}
      />
    </span>
  );
}
