import { describe, expect, it } from 'vitest';
import { wordingProblem } from '../../src-shared/domain/wording';
import { IndicatorDefSchema } from '../../src-shared/domain/indicatorSchema';
import { indicatorValueProblem, normalizeIndicatorValue } from '../../src-shared/domain/indicatorValue';

describe('rounded wording against the exact figure', () => {
  it.each([
    ['40余', 43],
    ['1500余', 1560],
    ['超过5000', 5360],
    ['超500', 530],
    ['500以上', 500],
    ['近5万', 49_000],
    ['4万余', 41_200],
    ['55', 55],
  ])('accepts “%s” for %d', (w, v) => expect(wordingProblem(w, v)).toBeNull());

  it.each([
    ['4万余', 3000, '大于'],
    ['超过5000', 5000, '正好是5000'],
    ['40余', 40, '正好是40'],
    // 余 on a round figure stops at the next step: 900 is “900”, never “800余”
    ['800余', 900, '不到900'],
    ['40余', 52, '不到50'],
    ['50', 55, '不一致'],
    ['60', 55, '大于'],
    ['近100', 50, '相差过大'],
    ['许多', 5, '没有数字'],
  ])('refuses “%s” for %d', (w, v, msg) => expect(wordingProblem(w, v)).toContain(msg));
});

describe('rules for figures and indicator definitions', () => {
  it('a rate must be printed as a percentage', () => {
    const def = { id: 'custom-r', name: '结案率', area: '自定义', measure: '件', source: { type: 'rate', numerator: 'a', denominator: 'b' } };
    const r = IndicatorDefSchema.safeParse(def);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('%');
    expect(IndicatorDefSchema.safeParse({ ...def, measure: '%' }).success).toBe(true);
  });

  it('counts are whole and non-negative; percentages lie in 0–100 with one decimal', () => {
    expect(indicatorValueProblem('件', 3)).toBeNull();
    expect(indicatorValueProblem('件', 2.5)).toBe('应为整数');
    expect(indicatorValueProblem('人', -1)).toBe('不能为负数');
    expect(indicatorValueProblem('%', 100.5)).toContain('0到100');
    expect(indicatorValueProblem('%', 95.55)).toBeNull();
    expect(normalizeIndicatorValue('%', 95.55)).toBe(95.6);
    expect(indicatorValueProblem('条', Number.NaN)).toContain('有限');
  });
});
