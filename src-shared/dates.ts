/**
 * Calendar helpers for what the clerk sees, in local time (a township office works on its own
 * clock, not UTC). zod-free so the renderer can import it without pulling in the schemas.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of `d` as YYYY-MM-DD (toISOString would give the UTC day). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026年11月25日 18:30" in local time; text that is not a date comes back unchanged. */
export function chineseDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The report year a clerk is working on at `today`: before April the previous year's report is still due. */
export function reportYearFor(today: Date = new Date()): number {
  return today.getMonth() < 3 ? today.getFullYear() - 1 : today.getFullYear();
}

/**
 * 《法治政府建设与责任落实督察工作规定》: a year's report is written (and signed) in the following
 * year, reported by the end of the first quarter and published before 1 April. `reportYearFor` is
 * the same rule seen from today.
 */
export function reportCalendar(year: number): { writtenIn: number; due: string; dueRule: string; publishBy: string } {
  const writtenIn = year + 1;
  return { writtenIn, due: `${writtenIn}-03-31`, dueRule: '第一季度末', publishBy: `${writtenIn}-04-01` };
}
