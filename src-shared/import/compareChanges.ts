/**
 * The changes of a compared part, one by one (issue 17: 对比 takes or leaves each change, as the
 * README promises). A change is a run of removed and added words between unchanged ones; the
 * service numbers them, the screen shows and toggles them, and both compose the chosen text here,
 * so what the screen shows as "采纳后" is what the service stores (placeholders aside, which print
 * as the same figures).
 */
import type { DiffSpan } from './types';

/** The spans with each run of removed/added words numbered as one change (0, 1, …). */
export function numberChanges(spans: readonly DiffSpan[]): { spans: DiffSpan[]; count: number } {
  let count = 0;
  let inChange = false;
  const out = spans.map((s): DiffSpan => {
    if (s.kind === 'same') {
      inChange = false;
      return { kind: s.kind, text: s.text };
    }
    if (!inChange) count++;
    inChange = true;
    return { ...s, change: count - 1 };
  });
  return { spans: out, count };
}

/** Where a piece of the chosen text comes from: our text at [start, end), or theirs (literal). */
export type ChosenPiece = { from: 'ours'; start: number; end: number; text: string } | { from: 'theirs'; text: string };

/** The text with the taken changes applied and the others left as ours, piece by piece. */
export function chosenPieces(spans: readonly DiffSpan[], taken: (change: number) => boolean): ChosenPiece[] {
  const out: ChosenPiece[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.kind === 'added') {
      if (taken(s.change ?? 0)) out.push({ from: 'theirs', text: s.text });
      continue;
    }
    const start = pos;
    pos += s.text.length;
    if (s.kind === 'removed' && taken(s.change ?? 0)) continue;
    out.push({ from: 'ours', start, end: pos, text: s.text });
  }
  return out;
}

/** The chosen text as printed. */
export function chosenText(spans: readonly DiffSpan[], taken: (change: number) => boolean): string {
  return chosenPieces(spans, taken)
    .map((p) => p.text)
    .join('');
}

/** A take key for one change of a part (`import.applyCompare`); a bare part key takes all of it. */
export const changeKey = (partKey: string, change: number) => `${partKey}#${change}`;

/** The part key and change number of a take key; change null = the whole part. */
export function readTakeKey(key: string): { partKey: string; change: number | null } {
  const m = /^(.*)#(\d{1,4})$/.exec(key);
  return m ? { partKey: m[1]!, change: Number(m[2]) } : { partKey: key, change: null };
}
