import { startTransition, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type SetStateAction } from 'react';
import type { Editor } from '@tiptap/react';
import type { IndicatorRow } from '../../../src-shared/contract';
import type { Part, Report } from '../../../src-shared/domain/report';
import type { Unit } from '../../../src-shared/domain/unit';
import { isoDate } from '../../../src-shared/dates';
import { signatureNameOf } from '../../../src-shared/domain/unitNames';
import { countChars, renderReport } from '../../../src-shared/report/printedReport';
import { findPart, flattenOutline, updatePart } from '../../../src-shared/report/outline';
import { insertPlaceholder } from './BodyEditor';
import { paragraphsToDoc } from './doc';
import { FRONT_MATTER, type OutlineOp } from './OutlinePanel';
import { readingsById } from './readings';
import { useAutosave } from './useAutosave';
import { useOutlineOps } from './useOutlineOps';
import type { EditorAccess } from './useProofreading';

export interface EditorInput {
  year: number;
  initial: Report;
  indicators: IndicatorRow[];
  unit: Unit | null;
  save: (report: Report) => Promise<unknown>;
  errorText: (err: unknown) => string;
  saveDelay: number;
}

/**
 * The report being edited: its state (from `initial` once; the editor owns it from then on),
 * the selected part, the body editors, the live render, the autosave. Figures (`indicators`) may
 * change at any time (a refetch after a change elsewhere): chips, preview and checks follow.
 */
export function useReportEditor({ year, initial, indicators, unit, save, errorText, saveDelay }: EditorInput) {
  const [report, setRendered] = useState<Report>(initial);
  // The report with every change made so far, those React has not rendered yet included: a
  // keystroke in a body is rendered a moment after it (below), and a save, a close or a reload
  // sends this one. React's state is always set to the same object, so the two meet.
  const live = useRef(report);
  const setReport = useCallback((u: SetStateAction<Report>) => {
    live.current = typeof u === 'function' ? u(live.current) : u;
    setRendered(live.current);
  }, []);
  // a reload returns to the part being edited (kept per year in this browser/app)
  const lastPartKey = `fazhi-report-part-${year}`;
  const [selectedId, setSelectedId] = useState<string>(() => {
    const kept = sessionStorage.getItem(lastPartKey);
    if (kept && (kept === FRONT_MATTER || findPart(initial.parts, kept))) return kept;
    return initial.parts[0]?.id ?? FRONT_MATTER;
  });
  useEffect(() => sessionStorage.setItem(lastPartKey, selectedId), [lastPartKey, selectedId]);
  // a heading just added gets the cursor with its text selected, ready to be typed over
  const [focusHeading, setFocusHeading] = useState<string | null>(null);
  // editors stay mounted after their first visit so undo history survives switching parts
  const [visited, setVisited] = useState<string[]>(() => [selectedId]);
  const editors = useRef(new Map<string, Editor>());

  const readings = useMemo(() => readingsById(indicators), [indicators]);
  // The preview and the counts follow a deferred copy: a keystroke paints the editor first and
  // the whole-report render happens right after, without holding up typing.
  const deferredReport = useDeferredValue(report);
  const result = useMemo(
    () =>
      renderReport({
        report: deferredReport,
        readings,
        unitSignatureName: unit ? signatureNameOf(unit) : '',
        unitRecipient: unit?.recipient ?? '',
        today: isoDate(new Date()),
      }),
    [deferredReport, readings, unit],
  );
  // 打印 reads the report as it prints when clicked: one identity, so the bar's buttons are not rendered per keystroke
  const resultRef = useRef(result);
  resultRef.current = result;
  const getRendered = useCallback(() => resultRef.current.rendered, []);
  const rows = useMemo(() => flattenOutline(report.parts), [report.parts]);
  // what follows the deferred copy (校对's groups, the panels beside the body) renders after a keystroke, not in it
  const deferredRows = useMemo(() => flattenOutline(deferredReport.parts), [deferredReport.parts]);
  const selectedRow = rows.find((r) => r.part.id === selectedId) ?? null;
  const shownId = selectedRow ? selectedId : FRONT_MATTER;

  const { state: saveState, flush, settle } = useAutosave(report, save, errorText, saveDelay, '报告', () => live.current);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flush]);

  const select = useCallback((id: string) => {
    setSelectedId(id);
    setVisited((v) => (v.includes(id) ? v : [...v, id]));
  }, []);
  const patchPart = (id: string, patch: Partial<Omit<Part, 'id' | 'children'>>) => setReport((r) => ({ ...r, parts: updatePart(r.parts, id, patch) }));

  // outline changes start from the latest text, a keystroke not rendered yet included
  const reportRef = live;
  const selectedRef = useRef(selectedId);
  selectedRef.current = selectedId;
  const onOp = useOutlineOps({ reportRef, setReport, selectedRef, rows, selectedRow, select, setSelectedId, setFocusHeading });

  // stable per-id callbacks so BodyEditor effects do not re-run on every render
  const bodyChange = useRef(new Map<string, (p: string[]) => void>());
  const editorRef = useRef(new Map<string, (e: Editor | null) => void>());
  const onBodyChange = (id: string) => {
    let f = bodyChange.current.get(id);
    if (!f) {
      f = (paragraphs: string[]) => {
        const r = live.current;
        live.current = id === FRONT_MATTER ? { ...r, preamble: paragraphs } : { ...r, parts: updatePart(r.parts, id, { paragraphs }) };
        // The editor shows the keystroke itself; the screen around it (counts, save badge,
        // outline, preview, 校对) renders it right after, not inside it, where it was a good
        // part of what each keystroke cost
        const next = live.current;
        startTransition(() => setRendered(next));
      };
      bodyChange.current.set(id, f);
    }
    return f;
  };
  const onEditor = (id: string) => {
    let f = editorRef.current.get(id);
    if (!f) {
      f = (e: Editor | null) => {
        if (e) editors.current.set(id, e);
        else editors.current.delete(id);
      };
      editorRef.current.set(id, f);
    }
    return f;
  };

  // Stable identities for the memoized panels; they always call the latest closure.
  const latestOp = useRef(onOp);
  latestOp.current = onOp;
  const latest = useRef<EditorAccess>({ patchPart, select, report });
  latest.current = { patchPart, select, report };
  const stableOp = useCallback((op: OutlineOp) => latestOp.current(op), []);
  const stableRename = useCallback((id: string, heading: string) => latest.current.patchPart(id, { heading }), []);
  const stablePatch = useCallback((id: string, patch: Partial<Omit<Part, 'id' | 'children'>>) => latest.current.patchPart(id, patch), []);

  const [insertNote, setInsertNote] = useState<string | null>(null);
  const insertRef = useRef<(id: string, rounded: boolean) => void>(() => undefined);
  insertRef.current = (id, rounded) => {
    const ed = editors.current.get(shownId);
    const unitText = readings.get(id)?.def.measure ?? '';
    // "6件件": the unit typed after the cursor goes, since the figure brings its own
    if (ed) setInsertNote(insertPlaceholder(ed, id, rounded, unitText) ? `数值自带单位，已去掉后面重复的“${unitText}”。` : null);
  };
  const stableInsert = useCallback((id: string, rounded: boolean) => insertRef.current(id, rounded), []);

  /** append paragraphs to the selected part's body, through its editor (so undo works); one identity for the panels beside it */
  const appendRef = useRef<(paragraphs: string[]) => void>(() => undefined);
  appendRef.current = (paragraphs: string[]) => {
    const ed = selectedRow ? editors.current.get(selectedId) : undefined;
    if (!ed || !paragraphs.length) return;
    const nodes = paragraphsToDoc(paragraphs).content ?? [];
    if (ed.isEmpty) ed.chain().focus().setContent(paragraphsToDoc(paragraphs), { emitUpdate: true }).focus('end').run();
    else ed.chain().insertContentAt(ed.state.doc.content.size, nodes).focus('end').run();
  };
  const insertParagraphs = useCallback((paragraphs: string[]) => appendRef.current(paragraphs), []);

  const liveIds = new Set([FRONT_MATTER, ...rows.map((r) => r.part.id)]);
  const alive = visited.filter((id) => liveIds.has(id));
  if (!alive.includes(selectedId) && liveIds.has(selectedId)) alive.push(selectedId);

  // the counts follow the deferred render (as the preview does): counted once per render of it
  const deferredRow = deferredRows.find((r) => r.part.id === selectedId) ?? null;
  const partChars = useMemo(() => {
    const block = result.rendered.blocks.find((x) => x.partId === selectedId);
    // a part that does not print yet (new, empty) counts its own heading and text, not the preamble's
    return block
      ? countChars(block.number + block.heading + block.paragraphs.join(''))
      : deferredRow
        ? countChars(deferredRow.part.heading + deferredRow.part.paragraphs.join(''))
        : countChars(result.rendered.preamble.join(''));
  }, [result, selectedId, deferredRow]);
  const totalChars = useMemo(
    () => countChars(result.rendered.title + result.rendered.preamble.join('') + result.rendered.blocks.map((b) => b.number + b.heading + b.paragraphs.join('')).join('')),
    [result],
  );
  const initialBody = (id: string): string[] => (id === FRONT_MATTER ? report.preamble : (rows.find((r) => r.part.id === id)?.part.paragraphs ?? []));

  return {
    report,
    setReport,
    deferredReport,
    readings,
    result,
    getRendered,
    rows,
    deferredRows,
    deferredRow,
    selectedId,
    selectedRow,
    shownId,
    select,
    focusHeading,
    setFocusHeading,
    editors,
    latest,
    stableOp,
    stableRename,
    stablePatch,
    stableInsert,
    insertNote,
    insertParagraphs,
    onBodyChange,
    onEditor,
    alive,
    initialBody,
    partChars,
    totalChars,
    saveState,
    flush,
    settle,
  };
}
