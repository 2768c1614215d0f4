/**
 * Pure operations on the report outline (Part[]). The editor calls these instead of mutating
 * the tree itself, so the rules (depth limit, numbering by position) live in one tested place.
 * Every operation returns a new array; when an operation does not apply (e.g. moving the first
 * part up) it returns the input array unchanged (same reference), so callers can detect a no-op.
 */
import type { Part } from '../domain/report';
import { MAX_DEPTH } from '../domain/vocabulary';
import { headingNumber, runInHeading, stripHeadingNumber } from '../text/headingNumbers';
import { newId } from '../ids';

export interface OutlineRow {
  part: Part;
  /** 1-based depth */
  level: number;
  /** "一、", "（一）", "1.", "（1）" — by position, as the preview and the .docx print it */
  number: string;
  /** indices from the root down to this part */
  path: number[];
}

/** The outline flattened in reading order with numbers. */
export function flattenOutline(parts: Part[]): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const walk = (list: Part[], level: number, prefix: number[]) => {
    list.forEach((part, i) => {
      const path = [...prefix, i];
      rows.push({ part, level, number: headingNumber(Math.min(level, 4), i + 1), path });
      walk(part.children, level + 1, path);
    });
  };
  walk(parts, 1, []);
  return rows;
}

export function findPath(parts: Part[], id: string): number[] | null {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.id === id) return [i];
    const sub = findPath(p.children, id);
    if (sub) return [i, ...sub];
  }
  return null;
}

export function findPart(parts: Part[], id: string): Part | null {
  const path = findPath(parts, id);
  if (!path) return null;
  let list = parts;
  let part: Part | null = null;
  for (const i of path) {
    part = list[i]!;
    list = part.children;
  }
  return part;
}

/** Depth of the subtree below and including `p` (a leaf is 1). */
function height(p: Part): number {
  return 1 + Math.max(0, ...p.children.map(height));
}

/** Replace the sibling list that holds the node at `path` (path without its last index). */
function mapSiblings(parts: Part[], parentPath: number[], fn: (siblings: Part[]) => Part[]): Part[] {
  if (parentPath.length === 0) return fn(parts);
  const [head, ...rest] = parentPath as [number, ...number[]];
  return parts.map((p, i) => (i === head ? { ...p, children: mapSiblings(p.children, rest, fn) } : p));
}

export function updatePart(parts: Part[], id: string, patch: Partial<Omit<Part, 'id' | 'children'>>): Part[] {
  const path = findPath(parts, id);
  if (!path) return parts;
  const idx = path[path.length - 1]!;
  return mapSiblings(parts, path.slice(0, -1), (sib) => sib.map((p, i) => (i === idx ? { ...p, ...patch } : p)));
}

/** A random id that satisfies the id field (letters, digits, - and _). */
export function newPartId(): string {
  return newId('p');
}

export function blankPart(id: string, heading = '新标题'): Part {
  return { id, heading, runIn: false, paragraphs: [], status: '草稿', children: [] };
}

/** Insert `part` right after the part `afterId` at the same level (or at the end when afterId is null). */
export function addSibling(parts: Part[], afterId: string | null, part: Part): Part[] {
  if (afterId === null) return [...parts, part];
  const path = findPath(parts, afterId);
  if (!path) return parts;
  const idx = path[path.length - 1]!;
  return mapSiblings(parts, path.slice(0, -1), (sib) => [...sib.slice(0, idx + 1), part, ...sib.slice(idx + 1)]);
}

export function canAddChild(parts: Part[], id: string): boolean {
  const path = findPath(parts, id);
  return path !== null && path.length < MAX_DEPTH;
}

/** Append `part` as the last child of `parentId`, unless that would exceed the depth limit. */
export function addChild(parts: Part[], parentId: string, part: Part): Part[] {
  if (!canAddChild(parts, parentId)) return parts;
  const path = findPath(parts, parentId)!;
  const idx = path[path.length - 1]!;
  return mapSiblings(parts, path.slice(0, -1), (sib) =>
    sib.map((p, i) => (i === idx ? { ...p, children: [...p.children, part] } : p)),
  );
}

export function removePart(parts: Part[], id: string): Part[] {
  const path = findPath(parts, id);
  if (!path) return parts;
  const idx = path[path.length - 1]!;
  return mapSiblings(parts, path.slice(0, -1), (sib) => sib.filter((_, i) => i !== idx));
}

export function canMove(parts: Part[], id: string, dir: -1 | 1): boolean {
  const path = findPath(parts, id);
  if (!path) return false;
  const idx = path[path.length - 1]!;
  const parent = path.length > 1 ? findPartAt(parts, path.slice(0, -1)) : null;
  const count = parent ? parent.children.length : parts.length;
  return idx + dir >= 0 && idx + dir < count;
}

function findPartAt(parts: Part[], path: number[]): Part {
  let list = parts;
  let part: Part | undefined;
  for (const i of path) {
    part = list[i]!;
    list = part.children;
  }
  return part!;
}

/** Swap with the previous (-1) or next (+1) sibling; numbering follows position. */
export function movePart(parts: Part[], id: string, dir: -1 | 1): Part[] {
  if (!canMove(parts, id, dir)) return parts;
  const path = findPath(parts, id)!;
  const idx = path[path.length - 1]!;
  return mapSiblings(parts, path.slice(0, -1), (sib) => {
    const out = [...sib];
    [out[idx], out[idx + dir]] = [out[idx + dir]!, out[idx]!];
    return out;
  });
}

export function canIndent(parts: Part[], id: string): boolean {
  const path = findPath(parts, id);
  if (!path || path[path.length - 1] === 0) return false;
  const part = findPartAt(parts, path);
  // the part goes one level deeper, and its whole subtree with it
  return path.length + height(part) <= MAX_DEPTH;
}

/** Make the part the last child of its previous sibling. */
export function indentPart(parts: Part[], id: string): Part[] {
  if (!canIndent(parts, id)) return parts;
  const path = findPath(parts, id)!;
  const idx = path[path.length - 1]!;
  return mapSiblings(parts, path.slice(0, -1), (sib) => {
    const moving = sib[idx]!;
    const prev = sib[idx - 1]!;
    const out = sib.filter((_, i) => i !== idx);
    out[idx - 1] = { ...prev, children: [...prev.children, moving] };
    return out;
  });
}

export function canOutdent(parts: Part[], id: string): boolean {
  const path = findPath(parts, id);
  return path !== null && path.length > 1;
}

/**
 * Move the part up one level, right after its former parent. Siblings that followed it stay
 * with the former parent (unlike a word processor's outline, which would adopt them): the clerk
 * moves one heading, not a run of them.
 */
export function outdentPart(parts: Part[], id: string): Part[] {
  if (!canOutdent(parts, id)) return parts;
  const path = findPath(parts, id)!;
  const idx = path[path.length - 1]!;
  const parentPath = path.slice(0, -1);
  const parentIdx = parentPath[parentPath.length - 1]!;
  const moving = findPartAt(parts, path);
  return mapSiblings(parts, parentPath.slice(0, -1), (sib) => {
    const parent = sib[parentIdx]!;
    const out = [...sib];
    out[parentIdx] = { ...parent, children: parent.children.filter((_, i) => i !== idx) };
    out.splice(parentIdx + 1, 0, moving);
    return out;
  });
}

/** Count of parts in the subtree (including the part), for the delete confirmation. */
export function subtreeSize(part: Part): number {
  return 1 + part.children.reduce((n, c) => n + subtreeSize(c), 0);
}


/**
 * A paragraph turned into a heading: its typed number removed; a sentence that runs into the rest of
 * the paragraph ("加强队伍建设。一是……") becomes a run-in heading with the rest as its first paragraph.
 * No character of the paragraph is dropped.
 */
export function headingFromParagraph(text: string): { heading: string; runIn: boolean; rest: string[] } {
  // a typed number at its start goes: numbering is automatic
  const t = stripHeadingNumber(text).text.trim();
  const end = t.search(/[。：:]/);
  if (end > 0 && end < 200 && end < t.length - 1) {
    // 。 is printed again by the run-in rendering; ： stays part of the heading
    const heading = t[end] === '。' ? t.slice(0, end) : t.slice(0, end + 1);
    return { heading, runIn: true, rest: [t.slice(end + 1).trim()] };
  }
  if (t.length <= 200) return { heading: t.replace(/。$/, ''), runIn: false, rest: [] };
  return { heading: '', runIn: false, rest: [t] };
}

export function canSplit(parts: Part[], id: string, at: number): boolean {
  const part = findPart(parts, id);
  return part !== null && at >= 0 && at < part.paragraphs.length;
}

/**
 * Split a part at paragraph `at`: that paragraph becomes the heading of a new part right after it,
 * at the same level, which takes the paragraphs after it and the part's sub-parts (those followed
 * the paragraphs in reading order, so the text reads the same before and after).
 */
export function splitPart(parts: Part[], id: string, at: number, newId: string): Part[] {
  if (!canSplit(parts, id, at)) return parts;
  const path = findPath(parts, id)!;
  const idx = path[path.length - 1]!;
  const part = findPartAt(parts, path);
  const h = headingFromParagraph(part.paragraphs[at]!);
  const created: Part = {
    id: newId,
    heading: h.heading,
    runIn: h.runIn,
    paragraphs: [...h.rest, ...part.paragraphs.slice(at + 1)],
    status: part.status,
    children: part.children,
  };
  const kept: Part = { ...part, paragraphs: part.paragraphs.slice(0, at), children: [] };
  return mapSiblings(parts, path.slice(0, -1), (sib) => [...sib.slice(0, idx), kept, created, ...sib.slice(idx + 1)]);
}

/** A part can be merged when some text stands before it: a previous sibling, or its parent. */
export function canMerge(parts: Part[], id: string): boolean {
  const path = findPath(parts, id);
  return path !== null && (path.length > 1 || path[0]! > 0);
}

/**
 * Merge a part into the text before it (a heading that should have been body text): its heading
 * and paragraphs are appended to the part read just before it, and its sub-parts move up to follow
 * that text at their own level. Reading order and every character are kept.
 */
export function mergeWithPrevious(parts: Part[], id: string): Part[] {
  if (!canMerge(parts, id)) return parts;
  const path = findPath(parts, id)!;
  const idx = path[path.length - 1]!;
  const part = findPartAt(parts, path);
  const [first = '', ...more] = part.paragraphs;
  const heading = part.heading.trim();
  const moved =
    heading === ''
      ? part.paragraphs
      : part.runIn && part.paragraphs.length
        ? [`${runInHeading(heading)}${first}`, ...more]
        : [heading, ...part.paragraphs];
  const appendText = (p: Part): Part => ({ ...p, paragraphs: [...p.paragraphs, ...moved] });
  const appendDeep = (p: Part): Part =>
    p.children.length ? { ...p, children: [...p.children.slice(0, -1), appendDeep(p.children[p.children.length - 1]!)] } : appendText(p);
  if (idx > 0) {
    return mapSiblings(parts, path.slice(0, -1), (sib) => {
      const prev = appendDeep(sib[idx - 1]!);
      const out = sib.filter((_, i) => i !== idx);
      out[idx - 1] = { ...prev, children: [...prev.children, ...part.children] };
      return out;
    });
  }
  // first child: its text joins the parent's body, its sub-parts take its place
  const parentPath = path.slice(0, -1);
  const parentIdx = parentPath[parentPath.length - 1]!;
  return mapSiblings(parts, parentPath.slice(0, -1), (sib) =>
    sib.map((p, i) => (i === parentIdx ? { ...appendText(p), children: [...part.children, ...p.children.slice(1)] } : p)),
  );
}
