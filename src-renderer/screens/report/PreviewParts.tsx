/** The pieces of the report preview: a part's block, a table, the title (落款 and attachments: PreviewBackMatter). */
import { Fragment, memo, type ReactNode } from 'react';
import type { RenderedBlock, RenderedTable } from '../../../src-shared/domain/rendered';
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

export function PreviewTable({ t }: { t: RenderedTable }) {
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

/** The title on the lines the .docx prints it on. memo: breaking it into lines measures it, and a keystroke in a body does not change it. */
export const Title = memo(function Title({ title, className = 'fz-doc-title' }: { title: string; className?: string }) {
  return (
    <h1 className={className}>
      {titleLines(title).map((l, i) => (
        <span key={i} className="fz-doc-title-line">
          {l}
        </span>
      ))}
    </h1>
  );
});
