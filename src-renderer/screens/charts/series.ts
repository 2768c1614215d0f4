/**
 * Data shaping for the charts: pure functions from what the services return to labels and
 * numbers. Kept apart from chart.js so they can be tested without a canvas.
 */
import type { IndicatorRow } from '../../../src-shared/contract';
import type { LedgerCategory } from '../../../src-shared/catalog/ledgerCategories';
import { MEDIATION_OUTCOMES } from '../../../src-shared/domain/vocabulary';
import type { LedgerEntry, MediationCase } from '../../../src-shared/domain/ledger';
import type { Village } from '../../../src-shared/domain/unit';

export interface Series {
  labels: string[];
  data: number[];
}

export const MONTH_LABELS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** Entries per calendar month of `year` (12 values, zeros included); entries of other years are ignored. */
export function monthlySeries(entries: ReadonlyArray<Pick<LedgerEntry, 'date'>>, year: number): Series {
  const data = new Array<number>(12).fill(0);
  const prefix = `${year}-`;
  for (const e of entries) {
    if (!e.date.startsWith(prefix)) continue;
    const m = Number(e.date.slice(5, 7));
    if (m >= 1 && m <= 12) data[m - 1]! += 1;
  }
  return { labels: [...MONTH_LABELS], data };
}

/** Entries per category in catalog order; categories without entries are left out. */
export function categorySeries(
  entries: ReadonlyArray<Pick<LedgerEntry, 'category'>>,
  categories: readonly LedgerCategory[],
): Series {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
  const known = categories.filter((c) => counts.has(c.id));
  const unknown = [...counts.keys()].filter((id) => !categories.some((c) => c.id === id));
  return {
    labels: [...known.map((c) => c.name), ...unknown],
    data: [...known.map((c) => counts.get(c.id)!), ...unknown.map((id) => counts.get(id)!)],
  };
}

export interface VillageSeries extends Series {
  /** entries with no village, or a village no longer in the unit */
  unassigned: number;
  /** villages with at least one entry */
  covered: number;
}

/** Entries per village for every village of the unit (zeros shown), optionally of one category only. */
export function villageSeries(
  entries: ReadonlyArray<Pick<LedgerEntry, 'villageId' | 'category'>>,
  villages: readonly Village[],
  category?: string,
): VillageSeries {
  const counts = new Map<string, number>(villages.map((v) => [v.id, 0]));
  let unassigned = 0;
  for (const e of entries) {
    if (category && e.category !== category) continue;
    if (e.villageId && counts.has(e.villageId)) counts.set(e.villageId, counts.get(e.villageId)! + 1);
    else unassigned += 1;
  }
  const data = villages.map((v) => counts.get(v.id)!);
  return { labels: villages.map((v) => v.name), data, unassigned, covered: data.filter((n) => n > 0).length };
}

/** Cases per outcome, always all three outcomes in the regulation's order. */
export function mediationOutcomeSeries(cases: ReadonlyArray<Pick<MediationCase, 'outcome'>>): Series {
  return {
    labels: [...MEDIATION_OUTCOMES],
    data: MEDIATION_OUTCOMES.map((o) => cases.filter((c) => c.outcome === o).length),
  };
}

export interface ComparisonSeries {
  /** "主动公开政务信息（条）" */
  labels: string[];
  thisYear: Array<number | null>;
  lastYear: Array<number | null>;
}

/** This year's and last year's figure for the chosen indicators, in the order chosen; unknown ids are skipped. */
export function comparisonSeries(rows: readonly IndicatorRow[], ids: readonly string[]): ComparisonSeries {
  const byId = new Map(rows.map((r) => [r.def.id, r]));
  const chosen = ids.map((id) => byId.get(id)).filter((r): r is IndicatorRow => r !== undefined);
  return {
    labels: chosen.map((r) => `${r.def.name}（${r.def.measure}）`),
    thisYear: chosen.map((r) => r.value),
    lastYear: chosen.map((r) => r.lastYear),
  };
}

/** A sensible first pick for the comparison: indicators that have both years, counts before rates. */
export function defaultComparisonIds(rows: readonly IndicatorRow[], max = 6): string[] {
  const both = rows.filter((r) => r.value !== null && r.lastYear !== null);
  const pool = both.length ? both : rows.filter((r) => r.value !== null);
  return [...pool]
    .sort((a, b) => Number(a.def.measure === '%') - Number(b.def.measure === '%'))
    .slice(0, max)
    .map((r) => r.def.id);
}

/** "横街镇2024年活动台账月度分布" */
export function chartTitle(unitName: string, year: number, what: string): string {
  return `${unitName}${year}年${what}`;
}
