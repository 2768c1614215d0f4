/**
 * The report as it will print, in official-document style: 小标宋-like centred title, 黑体
 * level-1 headings, 楷体 level-2 headings, 仿宋 body with a 2em first-line indent. Figures that
 * are still missing are highlighted so the clerk sees them before exporting.
 */
import { Fragment, memo, useEffect, useRef, type ReactNode } from 'react';
import type { RenderedAttachment, RenderedBlock, RenderedSignature, RenderedTable } from '../../../src-shared/domain/rendered';
import type { OmittedPart, RenderResult } from '../../../src-shared/report/render';
import { titleLines } from '../../../src-shared/report/titleLines';
import './preview.css';
import { recipientLine } from '../../../src-shared/report/recipient';

// the final's 【…：未填报】 and a draft's 【待填：…】 (same as MISSING_MARK_RE in report/render, kept
// here so the main bundle does not pull in the render module)
const MISSING = /(【[^【】]*：未填报】|【待填：[^【】]*】)/;

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
  a.b.paragraphs.every((t, i) => t === c.b.paragraphs[i]) &&
  JSON.stringify(a.b.tables ?? null) === JSON.stringify(c.b.tables ?? null);

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
  const tables = b.tables ?? [];
  // tables after `after` paragraphs, as the .docx places them (too large an index = at the end)
  const tablesAt = (k: number) =>
    tables
      .filter((t) => Math.min(t.after, b.paragraphs.length) === k)
      .map((t, i) => <PreviewTable key={`t${k}-${i}`} t={t} />);
  const runIn = b.runIn && first !== undefined;
  return (
    <section data-part-id={b.partId} className={selected ? 'fz-doc-block fz-doc-selected' : 'fz-doc-block'}>
      {runIn ? (
        <p className="fz-doc-p">
          {heading}
          {withMissing(first)}
        </p>
      ) : (
        <p className={`fz-doc-p fz-doc-hp${b.level}`}>{heading}</p>
      )}
      {runIn ? null : tablesAt(0)}
      {b.paragraphs.map((t, i) => (
        <Fragment key={i}>
          {runIn && i === 0 ? tablesAt(0) : (
            <p className="fz-doc-p">{withMissing(t)}</p>
          )}
          {tablesAt(i + 1)}
        </Fragment>
      ))}
    </section>
  );
}

function PreviewTable({ t }: { t: RenderedTable }) {
  const head = t.rows.slice(0, Math.min(t.headerRows, t.rows.length - 1));
  const body = t.rows.slice(head.length);
  return (
    <table className={`fz-doc-table${t.size === '五号' ? ' fz-doc-table-small' : ''}`}>
      {head.length > 0 && (
        <thead>
          {head.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <th key={j}>{withMissing(c)}</th>
              ))}
            </tr>
          ))}
        </thead>
      )}
      <tbody>
        {body.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j}>{withMissing(c)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The title on the lines the .docx prints it on. */
function Title({ title, className = 'fz-doc-title' }: { title: string; className?: string }) {
  return (
    <h1 className={className}>
      {titleLines(title).map((l, i) => (
        <span key={i} className="fz-doc-title-line">
          {l}
        </span>
      ))}
    </h1>
  );
}

/** 落款 as exported: one unit over the date, two side by side, or without a seal set further right. */
function Signature({ sig }: { sig: RenderedSignature }) {
  const names = [sig.name, sig.jointName ?? ''].filter((n) => n !== '');
  const sealed = sig.sealed !== false;
  return (
    <div className={`fz-doc-signature${sealed ? '' : ' fz-doc-signature-unsealed'}`} data-testid="preview-signature">
      {sealed && names.length > 1 ? (
        <p className="fz-doc-signature-joint">
          {names.map((n, i) => (
            <span key={i}>{n}</span>
          ))}
        </p>
      ) : (
        names.map((n, i) => <p key={i}>{n}</p>)
      )}
      <p>{sig.date}</p>
    </div>
  );
}

function AttachmentNote({ list }: { list: RenderedAttachment[] }) {
  const many = list.length > 1;
  return (
    <div className="fz-doc-attach-note" data-testid="preview-attachment-note">
      {list.map((a, i) => (
        <p key={i} className={i === 0 ? 'fz-doc-attach-first' : 'fz-doc-attach-more'}>
          {i === 0 && <span className="fz-doc-attach-label">附件：</span>}
          <span className="fz-doc-attach-name">
            {many ? `${i + 1}.` : ''}
            {a.title}
          </span>
        </p>
      ))}
    </div>
  );
}

function AttachmentPages({ list }: { list: RenderedAttachment[] }) {
  return (
    <>
      {list.map((a, i) => (
        <article key={i} className="fz-doc fz-doc-attachment" aria-label={`附件${i + 1}`}>
          <p className="fz-doc-attach-head">附件{list.length > 1 ? i + 1 : ''}</p>
          <Title title={a.title} />
          {(a.tables ?? []).filter((t) => t.after <= 0).map((t, k) => <PreviewTable key={`t0-${k}`} t={t} />)}
          {a.paragraphs.map((t, k) => (
            <Fragment key={k}>
              <p className="fz-doc-p">{withMissing(t)}</p>
              {(a.tables ?? [])
                .filter((x) => Math.min(x.after, a.paragraphs.length) === k + 1 && x.after > 0)
                .map((x, j) => (
                  <PreviewTable key={`t${k}-${j}`} t={x} />
                ))}
            </Fragment>
          ))}
        </article>
      ))}
    </>
  );
}

export const Preview = memo(function Preview({ result, selectedId, testId }: { result: RenderResult; selectedId: string | null; testId?: string }) {
  const { rendered, missing } = result;
  // headings with no text anywhere below them are not exported; shown greyed where they stand
  const omittedAfter = new Map<string | null, OmittedPart[]>();
  for (const o of result.omitted ?? []) omittedAfter.set(o.afterPartId, [...(omittedAfter.get(o.afterPartId) ?? []), o]);
  const omittedHere = (after: string | null) =>
    (omittedAfter.get(after) ?? []).map((o) => (
      <p key={o.partId} className={`fz-doc-p fz-doc-omitted fz-doc-h${Math.min(o.level, 4)}`} data-part-id={o.partId} data-omitted="true">
        {o.heading || '（无标题）'}
        <span className="fz-doc-omitted-note">{o.required ? '（必备内容，还没有正文，导出时不印标题）' : '（没有正文，导出时略去）'}</span>
      </p>
    ));
  const attachments = rendered.attachments ?? [];
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
          有 {new Set(missing.map((m) => m.id)).size} 项指标尚未填报（黄色标出），导出定稿前需补齐；征求意见稿可以先导出。
        </div>
      )}

      <article className="fz-doc" aria-label="报告预览">
        <Title title={rendered.title} />
        {rendered.recipient && <p className="fz-doc-recipient">{recipientLine(rendered.recipient)}</p>}
        {rendered.preamble.map((t, i) => (
          <p key={i} className="fz-doc-p">
            {withMissing(t)}
          </p>
        ))}
        {omittedHere(null)}
        {rendered.blocks.map((b) => (
          <Fragment key={b.partId}>
            <Block b={b} selected={b.partId === selectedId} />
            {omittedHere(b.partId)}
          </Fragment>
        ))}
        {attachments.length > 0 && <AttachmentNote list={attachments} />}
        {rendered.signature && <Signature sig={rendered.signature} />}
      </article>
      {attachments.length > 0 && <AttachmentPages list={attachments} />}
    </div>
  );
});
