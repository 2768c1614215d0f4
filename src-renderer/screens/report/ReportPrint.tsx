/**
 * The report printed as the .docx prints it (GB/T 9704): A4, margins 37/35/28/26 mm, 22 lines of
 * 28.95 pt, 28 characters of 16 pt with −0.25 pt between them, "— N —" at the foot (odd pages right,
 * even pages left), 附件 each on a new page. For the clerk without Word at hand, and for a PDF.
 */
import type { RenderedReport, RenderedTable } from '../../../src-shared/domain/rendered';
import { titleLines } from '../../../src-shared/report/titleLines';
import { recipientLine } from '../../../src-shared/report/recipient';
import type { FontPreset } from '../../../src-shared/domain/vocabulary';
import './reportPrint.css';

/** Page rules only while printing the report (other screens print their own pages); the rest is in report.css. */
export const REPORT_PRINT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "— " counter(page) " —"; vertical-align: top; padding-top: 7mm; padding-right: 14pt; font: 14pt 'SimSun', '宋体', 'Noto Serif CJK SC', serif; } }
@page :left { @bottom-left { content: "— " counter(page) " —"; vertical-align: top; padding-top: 7mm; padding-left: 14pt; font: 14pt 'SimSun', '宋体', 'Noto Serif CJK SC', serif; } }
`;

const HEADING_CLASS = { 1: 'gb-h1', 2: 'gb-h2', 3: 'gb-h3', 4: '' } as const;

function PrintTable({ t }: { t: RenderedTable }) {
  const head = Math.min(t.headerRows, t.rows.length - 1);
  return (
    <table className={t.size === '五号' ? 'gb-small' : undefined}>
      <thead>
        {t.rows.slice(0, head).map((r, ri) => (
          <tr key={ri}>
            {r.map((c, ci) => (
              <th key={ci}>{c}</th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {t.rows.slice(head).map((r, ri) => (
          <tr key={ri}>
            {r.map((c, ci) => (
              <td key={ci}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `fontPreset`: the fonts the .docx of the same report names (standard when not given). */
export function ReportPrint({ rendered, fontPreset }: { rendered: RenderedReport; fontPreset?: FontPreset }) {
  const attachments = rendered.attachments ?? [];
  const sig = rendered.signature;
  const names = sig ? [sig.name, sig.jointName ?? ''].filter(Boolean) : [];
  const title = (t: string) => (
    <p className="gb-title">
      {titleLines(t).map((l, i) => (
        <span key={i}>{l}</span>
      ))}
    </p>
  );
  return (
    <div className={fontPreset === 'windows' ? 'fz-gb gb-windows' : 'fz-gb'} data-testid="report-print">
      {title(rendered.title)}
      {rendered.recipient && <p className="gb-noindent">{recipientLine(rendered.recipient)}</p>}
      {rendered.preamble.map((t, i) => (
        <p key={`pre${i}`}>{t}</p>
      ))}
      {rendered.blocks.map((b) => {
        const head = (
          <span className={HEADING_CLASS[b.level]}>
            {b.number}
            {b.heading}
          </span>
        );
        const runIn = b.runIn && b.paragraphs.length > 0;
        const tables = (k: number) =>
          (b.tables ?? []).filter((t) => Math.min(t.after, b.paragraphs.length) === k).map((t, i) => <PrintTable key={`t${k}-${i}`} t={t} />);
        return (
          <div key={b.partId}>
            {!runIn && <p className={HEADING_CLASS[b.level]}>{head}</p>}
            {!runIn && tables(0)}
            {b.paragraphs.map((t, i) => (
              <div key={i}>
                {runIn && i === 0 ? (
                  <>
                    <p>
                      {head}
                      {t}
                    </p>
                    {tables(0)}
                  </>
                ) : (
                  <p>{t}</p>
                )}
                {tables(i + 1)}
              </div>
            ))}
          </div>
        );
      })}
      {attachments.length > 0 && (
        <>
          <p>&nbsp;</p>
          {attachments.map((a, i) => (
            <p key={`an${i}`} className={i === 0 ? 'gb-attach' : 'gb-attach-more'}>
              {i === 0 ? '附件：' : ''}
              {attachments.length > 1 ? `${i + 1}.` : ''}
              {a.title.replace(/\n/g, '')}
            </p>
          ))}
        </>
      )}
      {sig && (
        <div style={{ breakInside: 'avoid' }}>
          <p>&nbsp;</p>
          {sig.sealed !== false && <p>&nbsp;</p>}
          {sig.sealed !== false && names.length > 1 ? (
            <p className="gb-joint">
              {names.map((n, i) => (
                <span key={i}>{n}</span>
              ))}
            </p>
          ) : (
            names.map((n, i) => (
              <p key={i} className="gb-sign" style={{ paddingRight: sig.sealed === false ? '2em' : '4em' }}>
                {n}
              </p>
            ))
          )}
          <p className="gb-sign" style={{ paddingRight: sig.sealed === false ? '1em' : '4em' }}>
            {sig.date}
          </p>
        </div>
      )}
      {attachments.map((a, i) => (
        <div key={`ap${i}`} className="gb-attach-page">
          <p className="gb-attach-head">附件{attachments.length > 1 ? i + 1 : ''}</p>
          {title(a.title)}
          {(a.tables ?? []).filter((t) => t.after <= 0).map((t, k) => <PrintTable key={`t0-${k}`} t={t} />)}
          {a.paragraphs.map((t, k) => (
            <div key={k}>
              <p>{t}</p>
              {(a.tables ?? [])
                .filter((x) => x.after > 0 && Math.min(x.after, a.paragraphs.length) === k + 1)
                .map((x, j) => (
                  <PrintTable key={j} t={x} />
                ))}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
