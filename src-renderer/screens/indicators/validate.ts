import { indicatorValueProblem, normalizeIndicatorValue } from '../../../src-shared/domain/indicatorValue';
import type { IndicatorUnit } from '../../../src-shared/domain/vocabulary';

export type FieldCheck = { ok: true; value: number | null } | { ok: false; error: string };

/**
 * What the clerk typed into an indicator's figure, checked against the shared value rule. Empty
 * means "not filled". Full-width digits and a trailing unit are forgiven because Chinese input
 * methods produce them.
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
  // the rule itself is the service's, so the screen never accepts what a save would refuse
  const problem = indicatorValueProblem(unit, n);
  return problem ? { ok: false, error: problem } : { ok: true, value: normalizeIndicatorValue(unit, n) };
}

/** The figure as it sits in the input box. */
export function formatIndicatorValue(v: number | null): string {
  return v === null ? '' : String(v);
}
