import { describe, expect, it } from 'vitest';
import { BUILT_IN_INDICATORS } from '../../src-shared/catalog/builtInIndicators';
import { rankIndicators } from '../../src-renderer/screens/report/rankIndicators';

const catalog = BUILT_IN_INDICATORS.map((d) => ({ name: d.name, area: d.area, id: d.id }));
const names = (q: string) => rankIndicators(catalog, q).map((r) => r.name);

describe('插入指标数值: the closest name first', () => {
  it('合法性审查 puts 合法性审查事项 first, not the first indicator of the area', () => {
    expect(catalog.findIndex((r) => r.name === '年度重大行政决策事项')).toBeLessThan(catalog.findIndex((r) => r.name === '合法性审查事项'));
    const got = names('合法性审查');
    expect(got[0]).toBe('合法性审查事项');
    expect(got).toContain('规范性文件合法性审查');
    // it only shares the area's name (依法决策与合法性审查): offered, but after every name match
    expect(got.at(-1)).toBe('年度重大行政决策事项');
  });

  it('exact before prefix before substring; the earlier substring first; area or id matches last', () => {
    const rows = [
      { name: '普法宣传活动参与人数', area: '普法宣传', id: 'a' },
      { name: '开展普法宣传', area: '普法宣传', id: 'b' },
      { name: '普法宣传', area: '普法宣传', id: 'c' },
      { name: '各类普法宣传活动', area: '普法宣传', id: 'd' },
      { name: '深入开展各类普法宣传', area: '普法宣传', id: 'f' },
      { name: '发放资料', area: '普法宣传', id: 'e' },
      { name: '其他', area: '行政执法', id: 'pufa-x' },
    ];
    expect(rankIndicators(rows, '普法宣传').map((r) => r.id)).toEqual(['c', 'a', 'b', 'd', 'f', 'e']);
    expect(rankIndicators(rows, 'PUFA').map((r) => r.id)).toEqual(['pufa-x']);
  });

  it('an empty search keeps every indicator in catalog order; nothing matching gives nothing', () => {
    expect(names('  ')).toEqual(catalog.map((r) => r.name));
    expect(names('没有这个指标')).toEqual([]);
  });
});
