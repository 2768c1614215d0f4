/**
 * What a clerk types into an entry form (活动台账, 调解案件, a 落款 date): dates as written by hand,
 * the check of a required date of the working year, and the value each field sends. zod-free (the
 * renderer imports it); the services validate what is sent again.
 */
import { DATE_FORMS_HINT, readDate } from '../dates';
import { parseCountInput } from './numberInput';

/**
 * What a clerk types into a date field, read by the one date rule (src-shared/dates, whole text):
 * YYYY-MM-DD, or null when it is not a real date.
 */
export function parseDateInput(raw: string, year: number): string | null {
  const r = readDate(raw, year, 'typed');
  return r.ok ? r.date : null;
}

/** The Chinese reason a typed date is refused, the same words at every date field. */
export function dateProblemText(raw: string, year: number): string | null {
  const r = readDate(raw, year, 'typed');
  if (r.ok) return null;
  if (r.problem === 'empty') return '请填写日期';
  if (r.problem === 'invalid') return `“${raw.trim().slice(0, 20)}”不是有效的日期（这个月没有这一天）`;
  return `“${raw.trim().slice(0, 20)}”不是日期，可写 ${DATE_FORMS_HINT}`;
}

/**
 * A required date of the working year as typed into an entry form: the date (YYYY-MM-DD), or the
 * Chinese reason it is refused (the same words on every screen that takes a date). A date of
 * another year is refused by name: the clerk may mean that year's ledger.
 */
export function checkDateInput(raw: string, year: number): { ok: true; date: string } | { ok: false; error: string } {
  const r = readDate(raw, year, 'typed');
  if (!r.ok) return { ok: false, error: dateProblemText(raw, year)! };
  if (!r.date.startsWith(`${year}-`))
    return { ok: false, error: `${r.date.slice(0, 4)}年的日期不在${year}年度内：请改为${year}年的日期，或换到${r.date.slice(0, 4)}年度录入` };
  return { ok: true, date: r.date };
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
