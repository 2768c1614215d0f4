/**
 * The report as it will print, in official-document style: 小标宋-like centred title, 黑体
 * level-1 headings, 楷体 level-2 headings, 仿宋 body with a 2em first-line indent. Figures that
 * are still missing are highlighted so the clerk sees them before exporting.
 */
import { memo, useEffect, useRef, type ReactNode } from 'react';
import type { RenderedBlock } from '../../../src-shared/domain/rendered';
import type { RenderResult } from '../../../src-shared/report/render';
import './preview.css';

const MISSING = /(【[^【】]*：未填报】)/;

/**
 * 主送机关 ends with a colon; clerks often type it themselves, so add one only when it is missing
 * (a half-width one becomes full-width, as in the exported .docx).
 */
export function recipientLine(recipient: string): string {
  return /[：:]$/.test(recipient) ? recipient.replace(/:$/, '：') : `${recipient}：`;
}

function withMissing(text: string): ReactNode[] {
  return text.split(MISSING).map((piece, i) =>
    i % 2 === 1 ? (
      <mark key={i} className="fz-doc-missing" title="该指标尚未填报，导出前请在“指标录入”中填写">
        {piece}
      </mark>
    ) : (
      piece
    ),
  );
}

const sameBlock = (a: { b: RenderedBlock; selected: boolean }, c: { b: RenderedBlock; selected: boolean }) =>
  a.selected === c.selected &&
  a.b.partId === c.b.partId &&
  a.b.number === c.b.number &&
  a.b.heading === c.b.heading &&
  a.b.runIn === c.b.runIn &&
  a.b.level === c.b.level &&
  a.b.paragraphs.length === c.b.paragraphs.length &&
  a.b.paragraphs.every((t, i) => t === c.b.paragraphs[i]);

// Each render of the report makes new block objects; compare by content so only the edited block redraws.
const Block = memo(BlockView, sameBlock);

function BlockView({ b, selected }: { b: RenderedBlock; selected: boolean }) {
  const headingCls = `fz-doc-h fz-doc-h${b.level}`;
  const heading = (
    <span className={headingCls}>
      {b.number}
      {withMissing(b.heading)}
    </span>
  );
  const [first, ...rest] = b.paragraphs;
  return (
    <section data-part-id={b.partId} className={selected ? 'fz-doc-block fz-doc-selected' : 'fz-doc-block'}>
      {b.runIn ? (
        <p className="fz-doc-p">
          {heading}
          {first !== undefined && withMissing(first)}
        </p>
      ) : (
        <p className={`fz-doc-p fz-doc-hp${b.level}`}>{heading}</p>
      )}
      {(b.runIn ? rest : b.paragraphs).map((t, i) => (
        <p key={i} className="fz-doc-p">
          {withMissing(t)}
        </p>
      ))}
    </section>
  );
}

export const Preview = memo(function Preview({ result, selectedId, testId }: { result: RenderResult; selectedId: string | null; testId?: string }) {
  const { rendered, missing } = result;
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selectedId) return;
    const box = root.current;
    const el = box?.querySelector(`[data-part-id="${selectedId}"]`);
    if (!box || !el) return;
    // scroll only the preview itself (scrollIntoView would also scroll the editor column away)
    const b = box.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < b.top || r.top > b.bottom - 40) box.scrollTo?.({ top: box.scrollTop + r.top - b.top - 16, behavior: 'smooth' });
  }, [selectedId]);
  return (
    <div className="fz-doc-scroll" ref={root} data-testid={testId}>
      {missing.length > 0 && (
        <div className="fz-doc-warning" role="status">
          有 {new Set(missing.map((m) => m.id)).size} 项指标尚未填报（黄色标出），导出前需补齐。
        </div>
      )}
      <article className="fz-doc" aria-label="报告预览">
        <h1 className="fz-doc-title">{rendered.title}</h1>
        {rendered.recipient && <p className="fz-doc-recipient">{recipientLine(rendered.recipient)}</p>}
        {rendered.preamble.map((t, i) => (
          <p key={i} className="fz-doc-p">
            {withMissing(t)}
          </p>
        ))}
        {rendered.blocks.map((b) => (
          <Block key={b.partId} b={b} selected={b.partId === selectedId} />
        ))}
        {rendered.signature && (
          <div className="fz-doc-signature">
            <p>{rendered.signature.name}</p>
            <p>{rendered.signature.date}</p>
          </div>
        )}
      </article>
    </div>
  );
});
