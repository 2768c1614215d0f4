import type { RenderedReport } from '../../../src-shared/domain/rendered';

/** A read-only rendering of what was printed: numbering and figures as they were at export. */
export function SnapshotView({ report }: { report: RenderedReport }) {
  return (
    <article className="snapshot" data-testid="snapshot">
      <h1>{report.title}</h1>
      {report.recipient && <p className="no-indent">{report.recipient}：</p>}
      {report.preamble.map((p, i) => (
        <p key={`pre-${i}`}>{p}</p>
      ))}
      {report.blocks.map((b) =>
        b.runIn ? (
          <div key={b.partId}>
            <p>
              <span className={`lv${b.level}`}>
                {b.number}
                {b.heading}
              </span>
              {b.paragraphs[0] ?? ''}
            </p>
            {b.paragraphs.slice(1).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ) : (
          <div key={b.partId}>
            <p className={`lv${b.level}`}>
              {b.number}
              {b.heading}
            </p>
            {b.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        ),
      )}
      {report.signature && (
        <div className="signature">
          <div>{report.signature.name}</div>
          <div>{report.signature.date}</div>
        </div>
      )}
    </article>
  );
}
