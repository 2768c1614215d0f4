import { useEffect, useRef, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import type { Part, Report } from '../../../src-shared/domain/report';
import {
  addChild,
  addSibling,
  blankPart,
  indentPart,
  movePart,
  newPartId,
  outdentPart,
  removePart,
  type OutlineRow,
} from '../../../src-shared/report/outline';
import { OutlineHistory } from '../../../src-shared/report/outlineUndo';
import { typingTarget } from '../../components/typingTarget';
import { FRONT_MATTER, type OutlineOp } from './OutlinePanel';

interface OutlineDeps {
  /** the report as it is now, kept up to date by setReport itself */
  reportRef: { readonly current: Report };
  setReport: Dispatch<SetStateAction<Report>>;
  selectedRef: MutableRefObject<string>;
  rows: OutlineRow[];
  selectedRow: OutlineRow | null;
  select: (id: string) => void;
  setSelectedId: (id: string) => void;
  setFocusHeading: (id: string | null) => void;
}

/**
 * The outline's operations (add, move, indent, delete) with their own undo: Ctrl+Z outside a text
 * box undoes them; typing has the body editor's own history. Ops apply to the parts on screen now
 * (reportRef), and a no-op (the same array back) leaves no step to undo.
 */
export function useOutlineOps({ reportRef, setReport, selectedRef, rows, selectedRow, select, setSelectedId, setFocusHeading }: OutlineDeps) {
  const history = useRef(new OutlineHistory());
  const outlineOp = (fn: (parts: Part[]) => Part[]): boolean => {
    const cur = reportRef.current.parts;
    const next = fn(cur);
    if (next === cur) return false;
    history.current.record({ parts: cur, selectedId: selectedRef.current });
    // setReport brings reportRef up to date at once (the report editor's live copy); should an
    // edit land between this and the render, the operation applies to it
    setReport((r) => ({ ...r, parts: r.parts === cur ? next : fn(r.parts) }));
    return true;
  };
  const outlineHistoryStep = (which: 'undo' | 'redo'): boolean => {
    const now = { parts: reportRef.current.parts, selectedId: selectedRef.current };
    const back = which === 'undo' ? history.current.undo(now) : history.current.redo(now);
    if (!back) return false;
    setReport((r) => ({ ...r, parts: back.parts }));
    select(back.selectedId);
    return true;
  };
  const historyRef = useRef(outlineHistoryStep);
  historyRef.current = outlineHistoryStep;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.defaultPrevented || typingTarget(e.target)) return;
      const k = e.key.toLowerCase();
      const which = k === 'z' && !e.shiftKey ? 'undo' : k === 'y' || (k === 'z' && e.shiftKey) ? 'redo' : null;
      if (which && historyRef.current(which)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onOp = (op: OutlineOp) => {
    const id = selectedRow?.part.id ?? null;
    switch (op) {
      case 'sibling': {
        const p = blankPart(newPartId());
        if (outlineOp((ps) => addSibling(ps, id, p))) {
          select(p.id);
          setFocusHeading(p.id);
        }
        return;
      }
      case 'child': {
        if (!id) return;
        const p = blankPart(newPartId());
        if (outlineOp((ps) => addChild(ps, id, p))) {
          select(p.id);
          setFocusHeading(p.id);
        }
        return;
      }
      case 'up':
      case 'down':
        if (id) outlineOp((ps) => movePart(ps, id, op === 'up' ? -1 : 1));
        return;
      case 'indent':
        if (id) outlineOp((ps) => indentPart(ps, id));
        return;
      case 'outdent':
        if (id) outlineOp((ps) => outdentPart(ps, id));
        return;
      case 'delete': {
        if (!id || !selectedRow) return;
        // select the row before the deleted one (or the front matter)
        const idx = rows.indexOf(selectedRow);
        const prev = rows[idx - 1]?.part.id ?? FRONT_MATTER;
        if (outlineOp((ps) => removePart(ps, id))) setSelectedId(prev);
        return;
      }
    }
  };
  return onOp;
}
