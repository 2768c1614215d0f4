/**
 * Printing a view of its own: the children are mounted in a portal on <body> (with their print CSS)
 * and everything else is hidden from the printer. The print starts once they are on the page; the
 * portal goes when the printer is done (afterprint) or the screen closes.
 */
import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { print } from '../api/platform';

const HIDE_OTHERS = `
@media screen { .fz-print-host { position: fixed; left: -30000px; top: 0; } }
@media print {
  body > *:not(.fz-print-host) { display: none !important; }
  .fz-print-host { position: static; }
}
`;

export function PrintHost({
  css,
  onDone,
  children,
  action,
}: {
  css: string;
  onDone: () => void;
  children: ReactNode;
  /** what to do once laid out: the print dialog (default) or, say, saving a PDF */
  action?: () => Promise<unknown>;
}) {
  useEffect(() => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      onDone();
    };
    window.addEventListener('afterprint', finish);
    // after the portal has been laid out
    const t = window.setTimeout(() => {
      // a PDF saved in the background fires no afterprint: done when it is written (or refused)
      if (action) void action().finally(finish);
      else void print().catch(finish);
    }, 50);
    return () => {
      window.clearTimeout(t);
      window.removeEventListener('afterprint', finish);
    };
  }, [onDone, action]);
  return createPortal(
    <div className="fz-print-host">
      <style>{HIDE_OTHERS + css}</style>
      {children}
    </div>,
    document.body,
  );
}
