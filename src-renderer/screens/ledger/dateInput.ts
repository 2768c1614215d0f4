import { isRealDate } from '../../../src-shared/domain/textRules';
import { toHalfWidth } from '../../../src-shared/domain/numberInput';

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
