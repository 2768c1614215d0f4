/**
 * The outline's own state: its numbered rows, what the toolbar may do to the selected part, renaming
 * in place (a typed number comes off, as in the heading field), and the required content items no
 * level-1 heading answers yet. Tree changes themselves go through src-shared/report/outline.
 */
import { useMemo, useState } from 'react';
import { lineValue } from '../../../src-shared/domain/textRules';
import type { Part } from '../../../src-shared/domain/report';
import { stripHeadingNumber, strippedNote } from '../../../src-shared/text/headingNumbers';
import { missingContentItems } from '../../../src-shared/text/contentItems';
import { canAddChild, canIndent, canMove, canOutdent, findPart, flattenOutline } from '../../../src-shared/report/outline';

export const FRONT_MATTER = '__front';

export type OutlineOp = 'sibling' | 'child' | 'up' | 'down' | 'indent' | 'outdent' | 'delete';

export function useOutlinePanel(parts: Part[], selectedId: string, onRename: (id: string, heading: string) => void) {
  const rows = useMemo(() => flattenOutline(parts), [parts]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [renameNote, setRenameNote] = useState<string | null>(null);
  const selected = selectedId !== FRONT_MATTER ? findPart(parts, selectedId) : null;
  const isPart = selected !== null;

  /** which toolbar operations apply to the selection */
  const enabled: Record<Exclude<OutlineOp, 'delete'>, boolean> & { delete: boolean } = {
    sibling: isPart || parts.length === 0 || selectedId === FRONT_MATTER,
    child: isPart && canAddChild(parts, selectedId),
    up: isPart && canMove(parts, selectedId, -1),
    down: isPart && canMove(parts, selectedId, 1),
    outdent: isPart && canOutdent(parts, selectedId),
    indent: isPart && canIndent(parts, selectedId),
    delete: isPart,
  };

  const finishRename = (id: string, typed: string, number: string) => {
    const { text, removed } = stripHeadingNumber(typed);
    setRenameNote(removed ? strippedNote(removed, number) : null);
    // stored as the report schema keeps it (trimmed, one line), so the outline shows what is saved
    onRename(id, lineValue(text));
    setRenaming(null);
  };

  return {
    rows,
    selected,
    enabled,
    renaming,
    startRename: setRenaming,
    cancelRename: () => setRenaming(null),
    finishRename,
    renameNote,
    missingItems: missingContentItems(parts),
  };
}

export type OutlinePanelState = ReturnType<typeof useOutlinePanel>;
