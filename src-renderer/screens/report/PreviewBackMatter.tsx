/** The end of the report preview: 落款, the attachment list under the body, and each attachment's own page. */
import { Fragment } from 'react';
import type { RenderedAttachment, RenderedSignature } from '../../../src-shared/domain/rendered';
import { tablesAfter } from '../../../src-shared/report/tablePlacement';
import { PreviewTable, Title, withMissing } from './PreviewParts';

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
