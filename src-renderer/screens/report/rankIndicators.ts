/**
 * 插入指标数值's search: the closest name first, so typing a name and Enter takes that indicator
 * (合法性审查 → the indicator named 合法性审查, not 年度重大行政决策事项 which only shares its area).
 * Ranked: the name itself, then names starting with the text, then names containing it (the earlier
 * the better), then a match in the area or the id only; ties keep the shorter name, then the catalog order.
 */
export interface Rankable {
  name: string;
  area: string;
  id: string;
}

function rank(r: Rankable, q: string): number | null {
  const name = r.name.toLowerCase();
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  const at = name.indexOf(q);
  if (at >= 0) return 2 + at / 1000;
  if (r.area.toLowerCase().includes(q) || r.id.toLowerCase().includes(q)) return 3;
  return null;
}

/** The rows matching `query`, best first; all rows in catalog order for an empty query. */
export function rankIndicators<T extends Rankable>(rows: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...rows];
  return rows
    .map((r, i) => ({ r, i, s: rank(r, q) }))
    .filter((x): x is { r: T; i: number; s: number } => x.s !== null)
    .sort((a, b) => a.s - b.s || a.r.name.length - b.r.name.length || a.i - b.i)
    .map((x) => x.r);
}
