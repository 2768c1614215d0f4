/**
 * Undo for the outline's structural operations (add, move, indent, outdent, delete): the editor
 * keeps the parts as they were before each operation and, on Ctrl+Z, puts the tree back into that
 * shape. Only the shape comes from the snapshot: a part that still exists keeps what was typed into
 * it since (its body editor is the source of truth and stays mounted), while a deleted part comes
 * back from the snapshot with its children and body.
 */
import type { Part } from '../domain/report';

function byId(parts: Part[], into = new Map<string, Part>()): Map<string, Part> {
  for (const p of parts) {
    into.set(p.id, p);
    byId(p.children, into);
  }
  return into;
}

/** `current` rearranged into the shape of `shape`; parts only in `current` (added since) go. */
export function restoreShape(shape: Part[], current: Part[]): Part[] {
  const now = byId(current);
  const build = (list: Part[]): Part[] =>
    list.map((p) => {
      const { children: _ignored, ...fields } = now.get(p.id) ?? p;
      return { ...fields, children: build(p.children) };
    });
  return build(shape);
}

export interface OutlineStep {
  /** the parts before (undo) or after (redo) the operation */
  parts: Part[];
  /** the part that was selected then */
  selectedId: string;
}

/** Undo and redo stacks of outline operations, newest last. */
export class OutlineHistory {
  private undos: OutlineStep[] = [];
  private redos: OutlineStep[] = [];
  constructor(private readonly limit = 100) {}

  /** Call before applying an operation, with the parts as they are. */
  record(step: OutlineStep): void {
    this.undos.push(step);
    if (this.undos.length > this.limit) this.undos.shift();
    this.redos = [];
  }

  get canUndo(): boolean {
    return this.undos.length > 0;
  }

  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  /** The outline after undoing the newest operation, or null when there is none. */
  undo(current: OutlineStep): OutlineStep | null {
    const step = this.undos.pop();
    if (!step) return null;
    this.redos.push(current);
    return { parts: restoreShape(step.parts, current.parts), selectedId: step.selectedId };
  }

  redo(current: OutlineStep): OutlineStep | null {
    const step = this.redos.pop();
    if (!step) return null;
    this.undos.push(current);
    return { parts: restoreShape(step.parts, current.parts), selectedId: step.selectedId };
  }
}
