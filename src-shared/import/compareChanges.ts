/**
 * The changes of a compared part, one by one (issue 17: 对比 takes or leaves each change, as the
 * README promises). A change is a run of removed and added words between unchanged ones; the
 * service numbers them, the screen shows and toggles them, and both compose the chosen text here,
 * so what the screen shows as "采纳后" is what the service stores (placeholders aside, which print
 * as the same figures).
 */
import type { DiffSpan } from './types';

/** The longest unchanged run (in characters) that may fold into the changes around it. */
const SHORT_SAME = 2;

/**
 * Folds a short unchanged run that sits between two changes into them, so one rewritten phrase is
 * one change to take or leave, not three. A word diff aligns a stray "的" or "，" of the leader's
 * sentence with one of ours when that costs no more than not aligning it, and then splits one
 * deletion around it. The rule is diff-match-patch's semantic clean-up (an unchanged run no longer
 * than the edits on either side of it goes into both), kept to runs of one or two characters — a
 * particle, a punctuation mark, a two-character word: a longer run is text the leader kept, and two
 * deletions around it are two changes. Never folded: a line break (paragraphs stay their own
 * changes) or a digit (a figure kept as ours stays a placeholder that follows the data).
 */
export function foldShortSames(spans: readonly DiffSpan[]): DiffSpan[] {
  type Group = { same: string } | { removed: string; added: string };
  const groups: Group[] = [];
  for (const s of spans) {
    const last = groups.at(-1);
    if (s.kind === 'same') {
      if (last && 'same' in last) last.same += s.text;
      else groups.push({ same: s.text });
    } else {
      const g = last && !('same' in last) ? last : (groups.push({ removed: '', added: '' }), groups.at(-1) as { removed: string; added: string });
      g[s.kind] += s.text;
    }
  }
  const size = (g: Group | undefined) => (g && !('same' in g) ? Math.max(g.removed.length, g.added.length) : 0);
  for (let i = 1; i < groups.length - 1; i++) {
    const g = groups[i]!;
    if (!('same' in g) || g.same.length > SHORT_SAME || /[\n\d]/.test(g.same)) continue;
    const before = groups[i - 1]!;
    const after = groups[i + 1]!;
    if ('same' in before || 'same' in after || g.same.length > size(before) || g.same.length > size(after)) continue;
    groups.splice(i - 1, 3, { removed: before.removed + g.same + after.removed, added: before.added + g.same + after.added });
    i = Math.max(0, i - 3); // the run before the merged change may fold now too
  }
  return groups.flatMap((g): DiffSpan[] =>
    'same' in g
      ? [{ kind: 'same', text: g.same }]
      : [...(g.removed ? [{ kind: 'removed' as const, text: g.removed }] : []), ...(g.added ? [{ kind: 'added' as const, text: g.added }] : [])],
  );
}

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
