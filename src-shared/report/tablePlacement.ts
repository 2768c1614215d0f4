/**
 * Where a table of a part or an attachment stands among its paragraphs, one rule for the preview
 * and the .docx: after `after` paragraphs (0 = under the heading; negative as 0; too large = at the
 * end), tables of one place in their given order.
 */

/** The slot (0 … paragraphCount) a table with this `after` goes into. */
export function tableSlot(after: number, paragraphCount: number): number {
  return Math.min(Math.max(0, after), paragraphCount);
}

/** The tables that go after paragraph `k` (k = 0: before the first paragraph). */
export function tablesAfter<T extends { after: number }>(tables: readonly T[], k: number, paragraphCount: number): T[] {
  return tables.filter((t) => tableSlot(t.after, paragraphCount) === k);
}
