import type { SortOrder } from '../../components/VirtualTable';
/**
 * Filtering and sorting rows that are already on screen. This is presentation, not business:
 * what counts toward an indicator is decided by the services; here the clerk only narrows the view.
 */

/** Village filter value for rows without a village. */
export const NO_VILLAGE = '__none__';

export interface RowFilter {
  /**
   * ledger category ids, or mediation kinds; a row matching any of them is shown (an indicator
   * may count several categories). Empty = all.
   */
  categories: string[];
  /** mediation outcome */
  outcome: string | null;
  /** village id, NO_VILLAGE, or null for all */
  villageId: string | null;
  /** 1–12, or null for all */
  month: number | null;
  /** words separated by spaces; every word must appear somewhere in the row */
  search: string;
}

export const EMPTY_FILTER: RowFilter = { categories: [], outcome: null, villageId: null, month: null, search: '' };

export interface FilterableRow {
  date: string;
  villageId?: string | undefined;
}

export interface RowAccess<T> {
  category: (row: T) => string;
  outcome?: (row: T) => string;
  /** everything the search box should find, already joined */
  text: (row: T) => string;
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

export function searchWords(search: string): string[] {
  return search
    .toLowerCase()
    .split(/[\s,，]+/)
    .filter(Boolean);
}

export function isFilterActive(f: RowFilter): boolean {
  return f.categories.length > 0 || f.outcome !== null || f.villageId !== null || f.month !== null || searchWords(f.search).length > 0;
}

// Lower-cased search text per row, kept while the row object lives (rows are immutable: an edit
// replaces the object), so typing does not rebuild 5,000 strings per keystroke.
const searchText = new WeakMap<object, WeakMap<object, string>>();
function hayOf<T extends object>(row: T, access: RowAccess<T>): string {
  let byRow = searchText.get(access);
  if (!byRow) searchText.set(access, (byRow = new WeakMap()));
  let hay = byRow.get(row);
  if (hay === undefined) byRow.set(row, (hay = access.text(row).toLowerCase()));
  return hay;
}

export function filterRows<T extends FilterableRow>(rows: readonly T[], f: RowFilter, access: RowAccess<T>): T[] {
  const words = searchWords(f.search);
  if (!isFilterActive(f)) return rows.slice();
  const categories = new Set(f.categories);
  return rows.filter((r) => {
    if (categories.size && !categories.has(access.category(r))) return false;
    if (f.outcome !== null && access.outcome && access.outcome(r) !== f.outcome) return false;
    if (f.villageId !== null) {
      if (f.villageId === NO_VILLAGE ? Boolean(r.villageId) : r.villageId !== f.villageId) return false;
    }
    if (f.month !== null && monthOf(r.date) !== f.month) return false;
    if (words.length) {
      const hay = hayOf(r, access);
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/**
 * Whether every row `next` shows is among those `prev` showed: the same filter with search words
 * that each contain one of the previous words (typing on at the end of a word). Then the rows
 * shown before can be filtered again instead of all of them.
 */
export function narrows(prev: RowFilter, next: RowFilter): boolean {
  if (prev.outcome !== next.outcome || prev.villageId !== next.villageId || prev.month !== next.month) return false;
  if (prev.categories.length !== next.categories.length || prev.categories.some((c, i) => c !== next.categories[i])) return false;
  const words = searchWords(next.search);
  return searchWords(prev.search).every((w) => words.some((n) => n.includes(w)));
}

export interface SortSpec {
  key: string;
  order: SortOrder;
}

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

type SortValue = string | number | null | undefined;

/**
 * Stable sort by one column; empty values go last whatever the direction, so rows without a
 * figure never crowd the top of a "largest first" view.
 */
export function sortRows<T>(rows: readonly T[], sort: SortSpec | null, value: (row: T, key: string) => SortValue): T[] {
  const out = rows.slice();
  if (!sort) return out;
  const dir = sort.order === 'ascend' ? 1 : -1;
  const keyed = out.map((row, i) => ({ row, i, v: value(row, sort.key) }));
  keyed.sort((a, b) => {
    const ae = a.v === null || a.v === undefined || a.v === '';
    const be = b.v === null || b.v === undefined || b.v === '';
    if (ae || be) return ae === be ? a.i - b.i : ae ? 1 : -1;
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
    return c === 0 ? a.i - b.i : c * dir;
  });
  return keyed.map((k) => k.row);
}
