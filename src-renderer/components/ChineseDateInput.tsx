/**
 * A date field that reads the way a 公文 writes it: "2025年1月20日", year, month, day, whatever the
 * browser's language. The clerk types it in any usual form (2025-01-20, 2025/1/20, 1月20日, 20250120)
 * or picks it from the calendar. antd's DatePicker would bring dayjs and rc-picker into a bundle that
 * is at its size budget; the native picker behind the calendar button costs nothing.
 */
import { useRef, useState } from 'react';
import { Button, Input } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { parseDateInput } from '../../src-shared/domain/entryInput';

export function chineseDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}

export interface ChineseDateInputProps {
  /** YYYY-MM-DD, or '' for none */
  value: string;
  onChange: (iso: string) => void;
  /** year assumed when the clerk types only month and day */
  year?: number;
  disabled?: boolean;
  placeholder?: string;
  title?: string;
  'aria-label': string;
  width?: number;
}

export function ChineseDateInput({ value, onChange, year, disabled, placeholder, title, width = 190, ...rest }: ChineseDateInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  const native = useRef<HTMLInputElement>(null);
  const commit = () => {
    if (draft === null) return;
    const raw = draft.trim();
    if (raw === '') {
      onChange('');
      setDraft(null);
      setBad(false);
      return;
    }
    const iso = parseDateInput(raw, year ?? new Date().getFullYear());
    if (iso) {
      onChange(iso);
      setDraft(null);
      setBad(false);
    } else setBad(true);
  };
  return (
    <span className="fz-cn-date" style={{ display: 'inline-flex', position: 'relative', width }}>
      <Input
        aria-label={rest['aria-label']}
        value={draft ?? chineseDateText(value)}
        disabled={disabled}
        placeholder={placeholder ?? '如 2025年1月20日'}
        title={bad ? '日期格式不对，可输入 2025年1月20日、2025-01-20 或 1月20日' : title}
        status={bad ? 'error' : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setBad(false);
        }}
        onBlur={commit}
        onPressEnter={commit}
      />
        <Button
          title="从日历中选择"
          aria-label={`${rest['aria-label']}：日历`}
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
      <input
        ref={native}
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setDraft(null);
          setBad(false);
        }}
        style={{ position: 'absolute', opacity: 0, width: 1, height: 1, pointerEvents: 'none' }}
      />
    </span>
  );
}
