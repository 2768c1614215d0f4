/** Indicator readings and the rules for their rounded wording; no zod, so the renderer can use them. */
import type { IndicatorDef, IndicatorSource } from './indicatorSchema';

export const SOURCE_LABELS: Record<IndicatorSource['type'], string> = {
  manual: '手工填报',
  ledgerCount: '台账计数',
  ledgerSum: '台账合计',
  ledgerVillages: '台账覆盖村（社区）数',
  mediationCount: '调解案件计数',
  villageCount: '村（社区）数',
  rate: '比率计算',
};

/** An indicator with its current figure, as services return it. */
export interface IndicatorReading {
  def: IndicatorDef;
  /** exact number, or null when not filled / not computable */
  value: number | null;
  wording: string;
  /** how the value came about, in Chinese ("台账计数：普法宣传") */
  origin: string;
  computed: boolean;
  /**
   * Why the figure cannot be right, in Chinese (a rate whose parts give more than 100%); the
   * value is then null, so no report prints it. Absent when nothing is wrong.
   */
  problem?: string | null;
}

/** One part of a rate: its name and figure. */
export interface RatePart {
  name: string;
  value: number | null;
}

/**
 * A rate's parts must not give more than 100%: 通过 25 of 参加 20 is a typing error (or a part
 * counted from the wrong rows), never a figure to print. Null when the parts agree or one is
 * not filled in yet.
 */
export function rateProblem(numerator: RatePart, denominator: RatePart): string | null {
  if (numerator.value === null || denominator.value === null) return null;
  if (numerator.value <= denominator.value) return null;
  return `“${numerator.name}”（${numerator.value}）多于“${denominator.name}”（${denominator.value}），比率超过100%，请核对`;
}

const WORDING_NUMBER = /(\d+(?:\.\d+)?)\s*(亿|万|千|百)?/;
const MAGNITUDE: Record<string, number> = { 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };

/**
 * Check that a rounded wording agrees with the exact figure: "40余" / "超过5000" / "4万余" claim
 * strictly more than the number they name, and that number must not exceed the data; "以上"
 * allows equality; "近"/"约" may round either way but not by much. Returns a Chinese problem or null.
 */
export function wordingProblem(wording: string, value: number | null): string | null {
  if (!wording) return null;
  const m = WORDING_NUMBER.exec(wording);
  if (!m) return `表述“${wording}”中没有数字`;
  if (value === null) return `表述“${wording}”没有对应的准确数值`;
  const n = Number(m[1]) * (m[2] ? MAGNITUDE[m[2]]! : 1);
  if (/^(近|约|将近|大约)/.test(wording)) return Math.abs(n - value) > Math.max(1, value * 0.2) ? `表述“${wording}”与准确数值${value}相差过大` : null;
  if (n > value) return `表述“${wording}”大于准确数值${value}`;
  if (/(余|多)/.test(wording) && n % 10 === 0 && value >= n + roundStep(n))
    return `表述“${wording}”表示多于${n}、不到${n + roundStep(n)}，但准确数值是${value}`;
  if (/(余|多|超)/.test(wording)) return n < value ? null : `表述“${wording}”表示多于${n}，但准确数值正好是${value}`;
  if (/以上/.test(wording)) return null;
  return n === value ? null : `表述“${wording}”与准确数值${value}不一致`;
}

/**
 * What a round figure's 余 covers: 800余 is 801–899 (step 100), 1500余 is 1501–1599, 20余 is 21–29;
 * a ledger of 900 is "900", never "800余". (超过 has no upper bound: "超过5000" is true of 9000.)
 */
export function roundStep(n: number): number {
  let step = 1;
  while (n % (step * 10) === 0 && step < n) step *= 10;
  return step;
}
