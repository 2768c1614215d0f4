/**
 * Placeholders live inside paragraph text as `{{indicator-id}}` (exact figure) or
 * `{{indicator-id|rounded}}` (the clerk's rounded wording, e.g. "40余"). Plain text keeps the
 * report diffable and exportable without the editor; the editor shows them as chips.
 */
export const PLACEHOLDER_RE = /\{\{([a-z0-9][a-z0-9-]{0,63})(\|rounded)?\}\}/g;

export interface PlaceholderToken {
  id: string;
  rounded: boolean;
  start: number;
  end: number;
}

export type Segment = { type: 'text'; text: string } | { type: 'placeholder'; id: string; rounded: boolean };

export function placeholderToken(id: string, rounded: boolean): string {
  return `{{${id}${rounded ? '|rounded' : ''}}}`;
}

export function findPlaceholders(text: string): PlaceholderToken[] {
  const out: PlaceholderToken[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    out.push({ id: m[1]!, rounded: Boolean(m[2]), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

export function splitSegments(text: string): Segment[] {
  const segs: Segment[] = [];
  let last = 0;
  for (const t of findPlaceholders(text)) {
    if (t.start > last) segs.push({ type: 'text', text: text.slice(last, t.start) });
    segs.push({ type: 'placeholder', id: t.id, rounded: t.rounded });
    last = t.end;
  }
  if (last < text.length) segs.push({ type: 'text', text: text.slice(last) });
  return segs;
}

export function joinSegments(segs: Segment[]): string {
  return segs.map((s) => (s.type === 'text' ? s.text : placeholderToken(s.id, s.rounded))).join('');
}
