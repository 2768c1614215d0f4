import type { IndicatorUnit } from '../../../src-shared/domain/vocabulary';

export type FieldCheck = { ok: true; value: number | null } | { ok: false; error: string };

/**
 * What the clerk typed into an indicator's figure: counts are whole numbers ≥ 0, percentages lie
 * in 0–100 (one decimal). Empty means "not filled". Full-width digits and a trailing unit are
 * forgiven because Chinese input methods produce them.
 */
export function checkIndicatorInput(raw: string, unit: IndicatorUnit): FieldCheck {
  let s = raw
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (s.endsWith(unit)) s = s.slice(0, -unit.length);
  if (unit === '%' && s.endsWith('％')) s = s.slice(0, -1);
  if (s === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { ok: false, error: '请输入数字' };
  const n = Number(s);
  if (unit === '%') {
    if (n < 0 || n > 100) return { ok: false, error: '百分比应在0到100之间' };
    return { ok: true, value: Math.round(n * 10) / 10 };
  }
  if (n < 0) return { ok: false, error: '不能为负数' };
  if (!Number.isInteger(n)) return { ok: false, error: '应为整数' };
  if (n > 100_000_000) return { ok: false, error: '数值过大' };
  return { ok: true, value: n };
}

/** The figure as it sits in the input box. */
export function formatIndicatorValue(v: number | null): string {
  return v === null ? '' : String(v);
}
