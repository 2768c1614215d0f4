/**
 * A year typed as text (full-width digits and "年" forgiven, src-shared/domain/numberInput). antd's
 * InputNumber puts its last good value back when the text does not read, without a word — a year
 * typed "20x3" became the year shown before (issue 17). Here what was typed stays, marked, with
 * the reason under it, and the owner hears null until it reads.
 */
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { readYearInput } from '../../src-shared/domain/numberInput';
import { YEAR_MAX, YEAR_MIN } from '../../src-shared/domain/limits';

export function YearField({ value, onChange, width = 120, ...rest }: { value: number | null; onChange: (year: number | null) => void; width?: number; 'aria-label': string }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [problem, setProblem] = useState<string | null>(null);
  // a year set from outside (read again from the file) shows, unless the text already says it
  useEffect(() => {
    if (value === null) return;
    setText((t) => {
      const r = readYearInput(t);
      return r.ok && r.year === value ? t : String(value);
    });
  }, [value]);
  const settle = () => {
    const r = readYearInput(text);
    if (r.ok) {
      setText(String(r.year));
      setProblem(null);
    } else setProblem(r.error);
  };
  const id = `${rest['aria-label']}-problem`;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', width }}>
      <Input
        role="spinbutton"
        aria-label={rest['aria-label']}
        aria-valuemin={YEAR_MIN}
        aria-valuemax={YEAR_MAX}
        aria-valuenow={value ?? undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? id : undefined}
        inputMode="numeric"
        autoComplete="off"
        value={text}
        status={problem ? 'error' : undefined}
        suffix="年"
        onChange={(e) => {
          setText(e.target.value);
          const r = readYearInput(e.target.value);
          onChange(r.ok ? r.year : null);
          if (r.ok) setProblem(null);
        }}
        onBlur={settle}
        onPressEnter={settle}
      />
      {problem && (
        <span role="alert" id={id} className="fz-field-problem">
          {problem}
        </span>
      )}
    </span>
  );
}
