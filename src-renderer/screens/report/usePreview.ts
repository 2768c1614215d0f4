/** The report preview's own behaviour: the parts left out by the export, and following the selected part. */
import { useEffect, useMemo, useRef } from 'react';
import type { OmittedPart, RenderResult } from '../../../src-shared/report/printedReport';

export function usePreview(result: RenderResult, selectedId: string | null) {
  // headings with no text anywhere below them are not exported; shown greyed where they stand
  const omittedAfter = useMemo(() => {
    const m = new Map<string | null, OmittedPart[]>();
    for (const o of result.omitted ?? []) m.set(o.afterPartId, [...(m.get(o.afterPartId) ?? []), o]);
    return m;
  }, [result.omitted]);

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

  return {
    root,
    /** the parts left out that stood right after `after` (null = after the preamble) */
    omittedAt: (after: string | null) => omittedAfter.get(after) ?? [],
    /** indicators still without a figure */
    missingCount: new Set(result.missing.map((m) => m.id)).size,
  };
}
