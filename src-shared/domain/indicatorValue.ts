/**
 * The rule for a hand-entered figure, shared by the service (which enforces it) and the entry
 * screen (which shows it while the clerk types): counts are whole numbers ≥ 0, percentages lie in
 * 0–100 and keep one decimal. zod-free so the renderer can import it.
 */
import { MAX_FIGURE } from './limits';

/** A short Chinese problem with `value`, or null when it is acceptable for an indicator in `measure`. */
export function indicatorValueProblem(measure: string, value: number): string | null {
  if (!Number.isFinite(value)) return '必须是有限的数字';
  if (value < 0) return '不能为负数';
  if (measure === '%') return value > 100 ? '百分比应在0到100之间' : null;
  if (!Number.isInteger(value)) return '应为整数';
  if (value > MAX_FIGURE) return '数值过大（不能超过1亿）';
  return null;
}

/** Percentages are kept to one decimal, as the report prints them. */
export function normalizeIndicatorValue(measure: string, value: number): number {
  return measure === '%' ? Math.round(value * 10) / 10 : value;
}
