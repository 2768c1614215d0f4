import { parseNumberInput, type NumberInput } from '../../../src-shared/domain/numberInput';
import type { IndicatorMeasure } from '../../../src-shared/domain/vocabulary';

export type FieldCheck = NumberInput;

/**
 * What the clerk typed into an indicator's figure. Empty means "not filled". The reading is the
 * shared one (src-shared/domain/numberInput.ts), so 指标录入 and the ledger accept and refuse alike.
 */
export function checkIndicatorInput(raw: string, measure: IndicatorMeasure): FieldCheck {
  return parseNumberInput(raw, measure);
}

/** The figure as it sits in the input box. */
export function formatIndicatorValue(v: number | null): string {
  return v === null ? '' : String(v);
}
