/** Cell values as clerks type them → dates, counts and text. */
import { isRealDate } from '../../src-shared/domain/textRules';
import { DATE_FORMS_HINT, readDate } from '../../src-shared/dates';
import type { CellValue } from './grid';
import { MAX_FIGURE } from '../../src-shared/domain/limits';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Full-width digits and letters, ideographic spaces → ASCII; what the parsers below read. */
export function halfWidth(s: string): string {
  return s.normalize('NFKC').replace(/\u3000/g, ' ');
}

/** A cell as text for the report and for text fields: dates as YYYY-MM-DD, numbers as written. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return iso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6)));
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v.trim();
}

/** Excel serial day 1 = 1900-01-01, with Excel's phantom 1900-02-29 (serial 60). */
function fromSerial(n: number): string | null {
  const days = Math.floor(n);
  if (days < 1 || days > 2_958_465) return null;
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export type DateResult = { date: string } | { problem: string };

/**
 * 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, 3月5日 and 3.5 (year of the report),
 * Excel dates and serial numbers. A range ("2024.3.5-3.6") counts as its first day.
 */
export function parseDate(v: CellValue, reportYear: number): DateResult {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { problem: '日期为空' };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { problem: '日期无效' };
    return { date: iso(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) };
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return checked(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100, String(v));
    const d = fromSerial(v);
    return d ? { date: d } : { problem: `日期“${v}”无法识别` };
  }
  const raw = String(v).trim();
  // the one reading of a written date (src-shared/dates), tolerant of a time or range after it
  const r = readDate(raw, reportYear, 'cell');
  if (r.ok) return { date: r.date };
  if (r.problem === 'invalid') return { problem: `日期“${raw.slice(0, 40)}”不是有效的日期` };
  const m = /^(\d{5})(?:\.\d+)?$/.exec(halfWidth(raw));
  if (m) {
    const d = fromSerial(Number(m[0]));
    if (d) return { date: d };
  }
  return { problem: `日期“${raw.slice(0, 40)}”无法识别（可写作 ${DATE_FORMS_HINT}）` };
}

function checked(y: number, m: number, d: number, raw: string): DateResult {
  const s = iso(y, m, d);
  return isRealDate(s) ? { date: s } : { problem: `日期“${raw.slice(0, 40)}”不是有效的日期` };
}

export type CountResult = { value: number | undefined } | { problem: string };

/** "35", "３５", "35人", "约35", "1,200" → a whole non-negative number; blank → none. */
export function parseCount(v: CellValue, label: string): CountResult {
  if (v === null) return { value: undefined };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { problem: `${label}无效` };
    if (!Number.isInteger(v)) return { problem: `${label}“${v}”不是整数` };
    if (v < 0) return { problem: `${label}不能为负数` };
    if (v > MAX_FIGURE) return { problem: `${label}过大` };
    return { value: v };
  }
  if (typeof v !== 'string') return { problem: `${label}不是数字` };
  const s = halfWidth(v).replace(/[\s,，]/g, '');
  if (s === '' || s === '-' || s === '—' || s === '/' || s === '无') return { value: undefined };
  const m = /^(?:约|共|计)?(\d+)(?:\.0+)?(?:余)?(?:人次|人|名|份|册|本|张|余人|余份)?$/.exec(s);
  if (!m) return { problem: `${label}“${v.trim().slice(0, 20)}”不是整数` };
  const n = Number(m[1]);
  if (n > MAX_FIGURE) return { problem: `${label}过大` };
  return { value: n };
}

/** Rows that total or sign the sheet rather than record an activity. */
export function isTotalRow(texts: string[]): boolean {
  // the row's first filled cell says it ("合计", "总 计：" under an empty 序号)
  const first = texts.find((t) => t !== '');
  return first !== undefined && /^(合计|总计|小计|共计|总数|累计)([:：(（]|$|\d|共)/.test(first.replace(/\s+/g, ''));
}
export function isSignatureRow(texts: string[]): boolean {
  const filled = texts.filter((t) => t !== '');
  return filled.length > 0 && filled.length <= 3 && filled.some((t) => /^(填表人|制表人|填报人|审核人|负责人|制表日期|填报日期|填表日期)[:：]/.test(t.replace(/\s+/g, '')));
}
