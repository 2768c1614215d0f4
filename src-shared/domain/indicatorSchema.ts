import * as z from 'zod';
import { LEDGER_CATEGORY_IDS } from '../catalog/ledgerCategories';
import { choiceField, lineText } from './text';
import { INDICATOR_AREAS, INDICATOR_MEASURES } from './vocabulary';
import { LIMITS } from './limits';

const indicatorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: '指标编号只能含小写字母、数字和连字符' });
/** Another indicator, picked from a list: missing means the clerk has not chosen one yet. */
const indicatorRef = (label: string) =>
  z.string({ error: `${label}尚未选择` }).regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: `${label}尚未选择` });
/** Messages start with the field's label so the service's one-line message reads naturally. */
const ledgerCategoryList = z
  .array(z.enum(LEDGER_CATEGORY_IDS, { error: '台账类别无效' }))
  .min(1, { error: '台账类别至少选择一个' });

export const IndicatorSourceSchema = z.discriminatedUnion('type', [
  /** typed in by the clerk */
  z.object({ type: z.literal('manual') }),
  /** number of ledger entries in these categories */
  z.object({ type: z.literal('ledgerCount'), categories: ledgerCategoryList }),
  /** sum of a numeric ledger field over these categories */
  z.object({
    type: z.literal('ledgerSum'),
    categories: ledgerCategoryList,
    field: z.enum(['participants', 'materials'], { error: '合计项应选择参与人数或发放资料数' }),
  }),
  /** number of distinct villages that had an entry of these categories */
  z.object({ type: z.literal('ledgerVillages'), categories: ledgerCategoryList }),
  /** mediation cases, optionally only one outcome */
  z.object({ type: z.literal('mediationCount'), outcome: z.enum(['成功', '未成功', '调解中']).optional() }),
  /** villages in the unit */
  z.object({ type: z.literal('villageCount') }),
  /** numerator / denominator × 100, one decimal */
  z.object({ type: z.literal('rate'), numerator: indicatorRef('分子指标'), denominator: indicatorRef('分母指标') }),
], { error: '数值来源无效' });
export type IndicatorSource = z.infer<typeof IndicatorSourceSchema>;

/** The fields of a definition, unrefined so other schemas (a new custom indicator) can pick from it. */
export const IndicatorDefFields = z.object({
  id: indicatorId,
  name: lineText('指标名称', LIMITS.indicatorName, 1),
  area: choiceField('所属领域', INDICATOR_AREAS),
  /** 计量单位 (条, 次, %) */
  measure: choiceField('计量单位', INDICATOR_MEASURES),
  source: IndicatorSourceSchema,
  builtIn: z.boolean().default(false),
});

/** A rate prints as "95%"; any other measure would print "95件". */
export const rateIsPercent = (d: { measure: string; source: { type: string } }): boolean => d.source.type !== 'rate' || d.measure === '%';
export const RATE_IS_PERCENT = { path: ['measure'], error: '比率计算的指标，计量单位必须是 %' };

export const IndicatorDefSchema = IndicatorDefFields.refine(rateIsPercent, RATE_IS_PERCENT);
export type IndicatorDef = z.output<typeof IndicatorDefSchema>;

/** What the clerk stored for one indicator in one year. */
export const IndicatorValueSchema = z.object({
  /** exact figure; only for manual indicators (computed ones ignore it) */
  value: z.number().nullable().default(null),
  /** rounded wording used in text, e.g. "40余", "超过5000"; empty = exact */
  wording: lineText('表述', LIMITS.indicatorWording).default(''),
});
export type IndicatorValue = z.output<typeof IndicatorValueSchema>;



