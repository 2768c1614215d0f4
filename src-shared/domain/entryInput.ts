/**
 * What a clerk types into an entry form (活动台账, 调解案件, a 落款 date): dates as written by hand,
 * the check of a required date of the working year, and the value each field sends. zod-free (the
 * renderer imports it); the services validate what is sent again.
 */
import { dateInYear, isRealDate } from './textRules';
import { parseCountInput, toHalfWidth } from './numberInput';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What a clerk types into a date field, within the working year: "2024-03-05", "2024/3/5",
 * "3-5", "3.5", "3/5", "0305", "3月5日", in full-width digits too ("３－１５", as Chinese input
 * methods type them). Returns YYYY-MM-DD, or null when it is not a real date.
 */
export function parseDateInput(raw: string, year: number): string | null {
  const s = toHalfWidth(raw).trim().replace(/[日号]$/, '');
  if (!s) return null;
  let y = year;
  let m: number;
  let d: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})$/.exec(s))) {
    y = Number(r[1]);
    m = Number(r[2]);
    d = Number(r[3]);
  } else if ((r = /^(\d{8})$/.exec(s))) {
    y = Number(s.slice(0, 4));
    m = Number(s.slice(4, 6));
    d = Number(s.slice(6, 8));
  } else if ((r = /^(\d{1,2})[-/.月](\d{1,2})$/.exec(s))) {
    m = Number(r[1]);
    d = Number(r[2]);
  } else if ((r = /^(\d{4})$/.exec(s))) {
    m = Number(s.slice(0, 2));
    d = Number(s.slice(2, 4));
  } else return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isRealDate(iso) ? iso : null;
}

/**
 * A required date of the working year as typed into an entry form: the date (YYYY-MM-DD), or the
 * Chinese reason it is refused (the same words on every screen that takes a date).
 */
export function checkDateInput(raw: string, year: number): { ok: true; date: string } | { ok: false; error: string } {
  const s = raw.trim();
  if (!s) return { ok: false, error: '请填写日期' };
  const iso = parseDateInput(s, year);
  if (!iso) return { ok: false, error: '日期无效，可写 3-15 或 2024-03-15' };
  if (!dateInYear(iso, year)) return { ok: false, error: `日期不在${year}年度内` };
  return { ok: true, date: iso };
}

/** The kinds of field an entry form (活动台账, 调解案件) has. */
export type EntryFieldKind = 'date' | 'text' | 'select' | 'count';

/**
 * What an entry form sends for one field as typed: blank is "not given" (undefined), text is
 * trimmed, a count is read by the shared number rule ("１２０人" → 120), a date as the clerk may
 * type it ("3-5" → 2024-03-05). Only called once the field's check has passed, so a count that
 * does not read is never dropped silently.
 */
export function entryFieldValue(kind: EntryFieldKind, raw: unknown, year: number, measure?: string): string | number | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (kind === 'count') {
    const c = parseCountInput(String(raw), measure);
    return c.ok && c.value !== null ? c.value : undefined;
  }
  const s = String(raw).trim();
  if (s === '') return undefined;
  return kind === 'date' ? (parseDateInput(s, year) ?? s) : s;
}
