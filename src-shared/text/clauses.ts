/**
 * Clause and sentence bounds in report text. A figure and the words naming it sit in one clause;
 * a year and the verb saying what happened in it sit in one clause. Text pasted from the web
 * writes half-width , ; : ! ? in Chinese sentences, so those break clauses too — except inside
 * numbers and times (1,000 份, 9:30).
 */

const CLAUSE = new Set(['，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?', '\n']);
const SENTENCE = new Set(['。', '；', '！', '？', ';', '!', '?', '\n']);
const NUMERIC_INSIDE = new Set([',', ':']);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export type Bound = 'clause' | 'sentence';

/** Whether the character at i ends a clause (or a sentence). */
export function isBreak(text: string, i: number, bound: Bound = 'clause'): boolean {
  const c = text[i]!;
  if (!(bound === 'clause' ? CLAUSE : SENTENCE).has(c)) return false;
  return !(NUMERIC_INSIDE.has(c) && isDigit(text[i - 1]) && isDigit(text[i + 1]));
}

/**
 * No clause or sentence of a report runs longer than this; a text without breaks (a pasted table,
 * a run of figures) is cut here, so reading the clause of every figure stays linear in the text.
 */
export const MAX_CLAUSE = 300;

/** Start of the clause (or sentence) holding `offset`. */
export function clauseStart(text: string, offset: number, bound: Bound = 'clause'): number {
  const stop = Math.max(0, offset - MAX_CLAUSE);
  for (let i = offset - 1; i >= stop; i--) if (isBreak(text, i, bound)) return i + 1;
  return stop;
}

/** End (exclusive, at the break) of the clause (or sentence) holding `offset`. */
export function clauseEnd(text: string, offset: number, bound: Bound = 'clause'): number {
  const stop = Math.min(text.length, offset + MAX_CLAUSE);
  for (let i = offset; i < stop; i++) if (isBreak(text, i, bound)) return i;
  return stop;
}

/** The clause (or sentence) around `offset`. */
export function clauseAround(text: string, offset: number, bound: Bound = 'clause'): string {
  return text.slice(clauseStart(text, offset, bound), clauseEnd(text, offset, bound));
}

/** Spans of 《…》, “…” and 「…」 (document names, quoted titles): their figures and years are not the report's. */
export function quotedSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // the latest opener of a kind is the one a closer ends (as 《[^《》]*》 reads it), each kind on its own
  const open = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (QUOTE_CLOSER[c]) open.set(c, i);
    else if (QUOTE_OPENER[c] !== undefined && open.has(QUOTE_OPENER[c]!)) {
      out.push([open.get(QUOTE_OPENER[c]!)!, i + 1]);
      open.delete(QUOTE_OPENER[c]!);
    }
  }
  // merged into disjoint spans, so inSpans can search them
  out.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const sp of out) {
    const last = merged.at(-1);
    if (last && sp[0] < last[1]) last[1] = Math.max(last[1], sp[1]);
    else merged.push([sp[0], sp[1]]);
  }
  return merged;
}
const QUOTE_CLOSER: Readonly<Record<string, string>> = { '《': '》', '“': '”', '「': '」' };
const QUOTE_OPENER: Readonly<Record<string, string>> = { '》': '《', '”': '“', '」': '「' };

/** Whether `offset` lies in one of the spans (disjoint and sorted, as quotedSpans gives them). */
export function inSpans(spans: ReadonlyArray<[number, number]>, offset: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && offset < spans[lo - 1]![1];
}
