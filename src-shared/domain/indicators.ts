import { z } from 'zod';
import { LEDGER_CATEGORY_IDS } from '../catalog/ledgerCategories';
import { lineText } from './text';

export const INDICATOR_UNITS = ['条', '次', '场', '场次', '份', '人', '名', '起', '件', '个', '项', '%'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const INDICATOR_AREAS = [
  '依法决策与合法性审查',
  '行政执法',
  '政务公开',
  '法律服务与法律顾问',
  '普法宣传',
  '矛盾纠纷化解',
  '社区矫正',
  '基层民主法治',
  '学法与第一责任人',
  '行政复议与诉讼',
  '自定义',
] as const;
export type IndicatorArea = (typeof INDICATOR_AREAS)[number];

const indicatorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: '指标编号只能含小写字母、数字和连字符' });

export const IndicatorSourceSchema = z.discriminatedUnion('type', [
  /** typed in by the clerk */
  z.object({ type: z.literal('manual') }),
  /** number of ledger entries in these categories */
  z.object({ type: z.literal('ledgerCount'), categories: z.array(z.enum(LEDGER_CATEGORY_IDS)).min(1) }),
  /** sum of a numeric ledger field over these categories */
  z.object({
    type: z.literal('ledgerSum'),
    categories: z.array(z.enum(LEDGER_CATEGORY_IDS)).min(1),
    field: z.enum(['participants', 'materials']),
  }),
  /** number of distinct villages that had an entry of these categories */
  z.object({ type: z.literal('ledgerVillages'), categories: z.array(z.enum(LEDGER_CATEGORY_IDS)).min(1) }),
  /** mediation cases, optionally only one outcome */
  z.object({ type: z.literal('mediationCount'), outcome: z.enum(['成功', '未成功', '调解中']).optional() }),
  /** villages in the unit */
  z.object({ type: z.literal('villageCount') }),
  /** numerator / denominator × 100, one decimal */
  z.object({ type: z.literal('rate'), numerator: indicatorId, denominator: indicatorId }),
]);
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

export const IndicatorDefSchema = z.object({
  id: indicatorId,
  name: lineText('指标名称', 60, 1),
  area: z.enum(INDICATOR_AREAS, { error: '所属领域无效' }),
  unit: z.enum(INDICATOR_UNITS, { error: `计量单位只能是：${INDICATOR_UNITS.join('、')}` }),
  source: IndicatorSourceSchema,
  /** for manual percentages: the value must lie in 0–100 */
  builtIn: z.boolean().default(false),
});
export type IndicatorDef = z.output<typeof IndicatorDefSchema>;

/** What the clerk stored for one indicator in one year. */
export const IndicatorValueSchema = z.object({
  /** exact figure; only for manual indicators (computed ones ignore it) */
  value: z.number().nullable().default(null),
  /** rounded wording used in text, e.g. "40余", "超过5000"; empty = exact */
  wording: lineText('表述', 20).default(''),
});
export type IndicatorValue = z.output<typeof IndicatorValueSchema>;

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
}

const WORDING_NUMBER = /(\d+(?:\.\d+)?)/;

/**
 * Check that a rounded wording agrees with the exact figure: "40余" / "超过5000" / "超500" must not
 * claim more than the data holds; "近"/"约" may round up. Returns a Chinese problem or null.
 */
export function wordingProblem(wording: string, value: number | null): string | null {
  if (!wording) return null;
  const m = WORDING_NUMBER.exec(wording);
  if (!m) return `表述“${wording}”中没有数字`;
  if (value === null) return `表述“${wording}”没有对应的准确数值`;
  const n = Number(m[1]);
  if (/^(近|约|将近)/.test(wording)) return Math.abs(n - value) > Math.max(1, value * 0.2) ? `表述“${wording}”与准确数值${value}相差过大` : null;
  if (n > value) return `表述“${wording}”大于准确数值${value}`;
  if (!/(余|多|超|以上)/.test(wording) && n !== value) return `表述“${wording}”与准确数值${value}不一致`;
  return null;
}
