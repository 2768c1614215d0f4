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

/** The ways of writing a date the app reads, as the messages name them. */
export const DATE_FORMS_HINT = '3-15、3月15日、2024-03-15、2024.3.15 或 2024年3月15日';

/** Why a date could not be read: nothing there, not a date, or a day the calendar does not have (2-30). */
export type DateProblem = 'empty' | 'unreadable' | 'invalid';
export type DateReading = { ok: true; date: string } | { ok: false; problem: DateProblem };

/**
 * The one reading of a date as people write it, for the entry forms, the 落款 and spreadsheet
 * cells: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, 3-5, 3.5, 3/5, 3月5日 (the
 * working `year`), in full-width digits too (３－１５, as Chinese input methods type them).
 *
 * `typed` (a form field) reads the WHOLE text: "2024-06-018-8" is not 2024-06-01, because a form
 * that took the first date in the field would save a value the clerk did not see; "0305" is a
 * typed month and day. `cell` (a spreadsheet) tolerates what follows a date in a cell, a time or
 * the rest of a range ("2024.3.5-3.6" is its first day), and has no four-digit form (a year).
 */
export function readDate(raw: string, year: number, mode: 'typed' | 'cell' = 'typed'): DateReading {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  if (!s) return { ok: false, problem: 'empty' };
  const tail = mode === 'typed' ? '$' : '';
  const rangeTail = mode === 'typed' ? '$' : '(?:$|[-~至到])';
  let y = year;
  let m: number;
  let d: number;
  let r: RegExpExecArray | null;
  if ((r = new RegExp(`^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})[日号]?${tail}`).exec(s))) {
    y = Number(r[1]);
    m = Number(r[2]);
    d = Number(r[3]);
  } else if ((r = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    y = Number(r[1]);
    m = Number(r[2]);
    d = Number(r[3]);
  } else if ((r = new RegExp(`^(\\d{1,2})[-/.月](\\d{1,2})[日号]?${rangeTail}`).exec(s))) {
    m = Number(r[1]);
    d = Number(r[2]);
  } else if (mode === 'typed' && (r = /^(\d{2})(\d{2})$/.exec(s))) {
    m = Number(r[1]);
    d = Number(r[2]);
  } else return { ok: false, problem: 'unreadable' };
  const date = `${y}-${pad(m)}-${pad(d)}`;
  return isCalendarDate(y, m, d) ? { ok: true, date } : { ok: false, problem: 'invalid' };
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** YYYY-MM-DD as a 公文 writes it: "2025年1月20日"; anything else → ''. */
export function chineseDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : '';
}
