/** The pieces of the report preview: a part's block, a table, the title, 落款 and the attachments. */
import { Fragment, memo, type ReactNode } from 'react';
import type { RenderedAttachment, RenderedBlock, RenderedSignature, RenderedTable } from '../../../src-shared/domain/rendered';
import { tablesAfter } from '../../../src-shared/report/tablePlacement';
import { titleLines } from '../../../src-shared/report/titleLines';
import { MISSING_MARK_RE } from '../../../src-shared/report/missingMarks';

export function withMissing(text: string): ReactNode[] {
  // the final's 【…：未填报】 and a draft's 【待填：…】
  return text.split(MISSING_MARK_RE).map((piece, i) =>
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
export const Block = memo(BlockView, sameBlock);

function BlockView({ b, selected }: { b: RenderedBlock; selected: boolean }) {
  const headingCls = `fz-doc-h fz-doc-h${b.level}`;
  const heading = (
    <span className={headingCls}>
      {b.number}
      {withMissing(b.heading)}
    </span>
  );
  const [first] = b.paragraphs;
  // tables after `after` paragraphs, as the .docx places them
  const tablesAt = (k: number) => tablesAfter(b.tables ?? [], k, b.paragraphs.length).map((t, i) => <PreviewTable key={`t${k}-${i}`} t={t} />);
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
          {runIn && i === 0 ? tablesAt(0) : <p className="fz-doc-p">{withMissing(t)}</p>}
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
export function Title({ title, className = 'fz-doc-title' }: { title: string; className?: string }) {
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
export function Signature({ sig }: { sig: RenderedSignature }) {
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

export function AttachmentNote({ list }: { list: RenderedAttachment[] }) {
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

export function AttachmentPages({ list }: { list: RenderedAttachment[] }) {
  return (
    <>
      {list.map((a, i) => (
        <article key={i} className="fz-doc fz-doc-attachment" aria-label={`附件${i + 1}`}>
          <p className="fz-doc-attach-head">附件{list.length > 1 ? i + 1 : ''}</p>
          <Title title={a.title} />
          {tablesAfter(a.tables ?? [], 0, a.paragraphs.length).map((t, k) => (
            <PreviewTable key={`t0-${k}`} t={t} />
          ))}
          {a.paragraphs.map((t, k) => (
            <Fragment key={k}>
              <p className="fz-doc-p">{withMissing(t)}</p>
              {tablesAfter(a.tables ?? [], k + 1, a.paragraphs.length).map((x, j) => (
                <PreviewTable key={`t${k}-${j}`} t={x} />
              ))}
            </Fragment>
          ))}
        </article>
      ))}
    </>
  );
}
