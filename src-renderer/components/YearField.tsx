/**
 * A year typed as text (full-width digits and "年" forgiven, src-shared/domain/numberInput). antd's
 * InputNumber puts its last good value back when the text does not read, without a word — a year
 * typed "20x3" became the year shown before (issue 17). Here what was typed stays, marked, with
 * the reason under it, and the owner hears null until it reads. An owner that acts on the year
 * (创建, 新建年度) asks `refuse()` first: true when the text does not read — the reason is then
 * shown at the field and the cursor is put there, so the action is refused where the clerk looks.
 */
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { Input, type InputRef } from 'antd';
import { readYearInput } from '../../src-shared/domain/numberInput';
import { YEAR_MAX, YEAR_MIN } from '../../src-shared/domain/limits';

export interface YearFieldHandle {
  /** the year does not read: show why, put the cursor in the field (text selected) */
  refuse: () => boolean;
}

export function YearField({
  value,
  onChange,
  width = 120,
  fieldRef,
  onProblem,
  problemId,
  ...rest
}: {
  value?: number | null;
  onChange?: (year: number | null) => void;
  width?: number | string;
  /** not `ref`: antd's Form.Item takes a child's ref for its own use */
  fieldRef?: Ref<YearFieldHandle>;
  /**
   * The owner shows the reason (a Form.Item's help, which takes the room below the field it
   * already has: a line pushed in under the field on leaving it moved the button below away
   * from the pointer, and the click on 创建单位 was lost). `problemId` is the id it shows it under.
   */
  onProblem?: (problem: string | null) => void;
  problemId?: string;
  'aria-label': string;
}) {
  const [text, setText] = useState(value == null ? '' : String(value));
  const [problem, setProblemState] = useState<string | null>(null);
  const setProblem = (p: string | null) => {
    setProblemState(p);
    onProblem?.(p);
  };
  const input = useRef<InputRef>(null);
  // a year set from outside (read again from the file) shows, unless the text already says it
  useEffect(() => {
    if (value == null) return;
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
    return r.ok;
  };
  useImperativeHandle(fieldRef, () => ({
    refuse: () => {
      if (settle()) return false;
      input.current?.focus({ cursor: 'all' });
      return true;
    },
  }));
  const id = problemId ?? `${rest['aria-label']}-problem`;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', width }}>
      <Input
        ref={input}
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
          onChange?.(r.ok ? r.year : null);
          if (r.ok) setProblem(null);
        }}
        onBlur={settle}
        onPressEnter={settle}
      />
      {problem && !onProblem && (
        <span role="alert" id={id} className="fz-field-problem">
          {problem}
        </span>
      )}
    </span>
  );
}
