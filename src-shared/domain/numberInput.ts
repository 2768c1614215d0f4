/**
 * What the clerk typed into a number field, read one way on every screen (指标录入, 活动台账 …):
 * full-width digits, a full-width point or minus and thousands separators are forgiven because
 * Chinese input methods produce them; anything else that is not a plain number is refused with
 * the same Chinese message everywhere, never turned silently into another value. zod-free so the
 * renderer can import it.
 */
import { indicatorValueProblem, normalizeIndicatorValue } from './indicatorValue';
import { YEAR_MAX, YEAR_MIN } from './limits';

export type NumberInput = { ok: true; value: number | null } | { ok: false; error: string };

/** Full-width ASCII (０-９, ．, －, ／, ％ …) and the ideographic space → their half-width forms. */
export function toHalfWidth(raw: string): string {
  return raw.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A typed number in half-width form: minus signs unified; thousands separators and spaces dropped. */
export function halfWidthNumber(raw: string): string {
  return toHalfWidth(raw)
    .trim()
    .replace(/[−—]/g, '-')
    .replace(/[,，\s]/g, '');
}

/**
 * A figure in `measure` ("人", "次", "%" …): empty means "not filled" (null). A trailing measure is
 * forgiven ("120人", "95%"). Counts are whole numbers ≥ 0; percentages lie in 0–100 and keep one
 * decimal (the rule itself is indicatorValueProblem, which the services enforce).
 */
export function parseNumberInput(raw: string, measure: string): NumberInput {
  let s = halfWidthNumber(raw);
  if (measure && s.endsWith(measure)) s = s.slice(0, -measure.length);
  if (s === '') return { ok: true, value: null };
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return { ok: false, error: '请输入数字' };
  const n = Number(s);
  const problem = indicatorValueProblem(measure, n);
  return problem ? { ok: false, error: problem } : { ok: true, value: normalizeIndicatorValue(measure, n) };
}

/** A whole count (参与人数, 资料份数): the rule of a counted indicator; `measure` ("人") may follow it. */
export function parseCountInput(raw: string, measure = ''): NumberInput {
  return parseNumberInput(raw, measure === '%' ? '' : measure);
}

const YEAR_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A report year typed by the clerk (２０２４, "2024年" and 二〇二四 forgiven): the year, or why it is not one.
 * The services' yearField holds the same bounds.
 */
export function readYearInput(raw: string): { ok: true; year: number } | { ok: false; error: string } {
  // a year as a 公文 writes it in words ("二〇二五年") reads digit by digit
  let s = halfWidthNumber(raw).replace(/[〇○零一二三四五六七八九]/g, (c) => String(YEAR_DIGITS[c]));
  if (s.endsWith('年')) s = s.slice(0, -1);
  if (!/^\d{4}$/.test(s)) return { ok: false, error: `年度应为四位数字，如 ${YEAR_MIN + 24}` };
  const year = Number(s);
  if (year < YEAR_MIN || year > YEAR_MAX) return { ok: false, error: `年度应在${YEAR_MIN}至${YEAR_MAX}年之间` };
  return { ok: true, year };
}
