/** One half-width mark and one indicator figure as the import preview lists them, in their context. */
import { Checkbox } from 'antd';
import type { Report } from '../../../src-shared/domain/report';
import type { IndicatorSuggestion } from '../../../src-shared/import/types';
import type { Finding } from '../../../src-shared/proofread/finding';
import { findingText } from '../../../src-shared/import/previewEdits';

/** The mark in a few characters of its context, and what it would become. */
export function HalfWidthHit({ finding: f, report }: { finding: Finding; report: Report }) {
  const text = findingText(report, f);
  const ok = text.slice(f.offset, f.offset + f.length) !== '' && f.length > 0;
  if (!ok) return <li>{f.excerpt}</li>;
  const from = Math.max(0, f.offset - 8);
  const to = Math.min(text.length, f.offset + f.length + 8);
  return (
    <li>
      {from > 0 && '…'}
      {text.slice(from, f.offset)}
      <mark className="fz-imp-mark">{text.slice(f.offset, f.offset + f.length)}</mark>
      {text.slice(f.offset + f.length, to)}
      {to < text.length && '…'}
      {f.fix && <span className="muted">　改为“{f.fix.replacement}”</span>}
    </li>
  );
}

export function Suggestion({ s, checked, onChange }: { s: IndicatorSuggestion; checked: boolean; onChange: (key: string, on: boolean) => void }) {
  const before = s.excerpt.indexOf(s.text);
  return (
    <li>
      <Checkbox checked={checked} disabled={s.computed} onChange={(e) => onChange(s.key, e.target.checked)} aria-label={`采用 ${s.name} ${s.value}${s.measure}`}>
        <b>{s.name}</b>：{s.value}
        {s.measure}
        {s.computed && <span className="muted">（自动计算的指标，不能填入）</span>}
      </Checkbox>
      <div className="fz-imp-excerpt">
        {before >= 0 ? (
          <>
            {s.excerpt.slice(0, before)}
            <mark>{s.text}</mark>
            {s.excerpt.slice(before + s.text.length)}
          </>
        ) : (
          s.excerpt
        )}
      </div>
    </li>
  );
}
