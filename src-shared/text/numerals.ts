/**
 * Chinese numerals as reports write them: heading numbers (一 … 九十九), list counts (一是, 二是)
 * and dates (二〇二五年一月二十日). The one home of these rules: the outline's numbering, the
 * import, the proofreader and the plan checklist all read and write numerals here.
 */

/** The numeral characters that count 1–10 in headings and lists. */
export const CN_COUNT_CHARS = '一二三四五六七八九十';
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for report outlines); other numbers as digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

const DIGIT_VALUE: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99; ASCII or full-width digits as they are.
 * NaN for anything else ("一一", "百", "").
 */
export function parseChineseNumeral(s: string): number {
  const ascii = toAsciiDigits(s);
  if (/^\d{1,9}$/.test(ascii)) return Number(ascii);
  if (!s || s.length > 3) return Number.NaN;
  const ten = s.indexOf('十');
  const d = (c: string | undefined) => (c !== undefined && c in DIGIT_VALUE && DIGIT_VALUE[c]! > 0 ? DIGIT_VALUE[c]! : Number.NaN);
  if (ten < 0) return s.length === 1 ? d(s) : Number.NaN;
  if (s.indexOf('十', ten + 1) >= 0) return Number.NaN;
  const tens = ten === 0 ? 1 : ten === 1 ? d(s[0]) : Number.NaN;
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? d(rest) : Number.NaN;
  return tens * 10 + ones;
}

/** A year written digit by digit (二〇二五 → 2025); NaN when it is not one. */
export function parseDigitByDigit(s: string): number {
  if (!s) return Number.NaN;
  let out = '';
  for (const c of s) {
    const v = DIGIT_VALUE[c];
    if (v === undefined) return Number.NaN;
    out += String(v);
  }
  return Number(out);
}

/** Full-width digits ０–９ as ASCII; everything else unchanged. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

const DATE_RE = /^(\d{4}|[〇零一二三四五六七八九○Ｏ]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/;

/** "2025年1月20日" / "二〇二五年一月二十日" (spaces allowed) → 2025-01-20; null when not a real date. */
export function parseChineseDate(text: string): string | null {
  const m = DATE_RE.exec(toAsciiDigits(text.replace(/\s+/g, '')));
  if (!m) return null;
  const y = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseDigitByDigit(m[1]!);
  const mo = parseChineseNumeral(m[2]!);
  const d = parseChineseNumeral(m[3]!);
  if (!Number.isFinite(y) || !(mo >= 1 && mo <= 12) || !(d >= 1 && d <= 31)) return null;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const dt = new Date(`${iso}T00:00:00Z`);
  return dt.getUTCDate() === d ? iso : null;
}
