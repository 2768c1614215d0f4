import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../src-shared/contract';
import { BUILT_IN_INDICATORS } from '../../src-shared/catalog/builtInIndicators';
import { LEDGER_CATEGORIES } from '../../src-shared/catalog/ledgerCategories';
import type { Village } from '../../src-shared/domain/unit';
import {
  categorySeries,
  chartTitle,
  comparisonSeries,
  defaultComparisonIds,
  mediationOutcomeSeries,
  monthlySeries,
  villageSeries,
} from '../../src-renderer/screens/charts/series';

const villages: Village[] = [
  { id: 'v1', name: '东村', kind: '村' },
  { id: 'v2', name: '西村', kind: '村' },
  { id: 'v3', name: '南苑社区', kind: '社区' },
];
const entries = [
  { date: '2024-01-05', category: 'pufa', villageId: 'v1' },
  { date: '2024-01-31', category: 'pufa', villageId: 'v1' },
  { date: '2024-12-01', category: 'jindu', villageId: 'v2' },
  { date: '2024-06-15', category: 'fanzha' },
  { date: '2023-12-31', category: 'pufa', villageId: 'v3' }, // last year: not in 2024's months
  { date: '2024-03-03', category: 'clinic', villageId: 'gone' }, // village since removed
];

describe('chart series', () => {
  it('groups ledger entries by month of the year, zeros kept', () => {
    const s = monthlySeries(entries, 2024);
    expect(s.labels).toHaveLength(12);
    expect(s.labels[0]).toBe('1月');
    expect(s.data).toEqual([2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('counts by category in catalog order and leaves out empty categories', () => {
    const s = categorySeries(entries, LEDGER_CATEGORIES);
    expect(s.labels).toEqual(['普法宣传', '禁毒宣传', '反诈宣传', '法律服务坐诊']);
    expect(s.data).toEqual([3, 1, 1, 1]);
    expect(categorySeries([{ category: 'retired' }], LEDGER_CATEGORIES)).toEqual({ labels: ['retired'], data: [1] });
  });

  it('shows every village of the unit, including those without any entry', () => {
    const s = villageSeries(entries, villages);
    expect(s.labels).toEqual(['东村', '西村', '南苑社区']);
    expect(s.data).toEqual([2, 1, 1]);
    expect(s.unassigned).toBe(2); // no village, and a removed one
    expect(s.covered).toBe(3);
    const pufa = villageSeries(entries, villages, 'pufa');
    expect(pufa.data).toEqual([2, 0, 1]);
    expect(pufa.covered).toBe(2);
    expect(villageSeries([], villages).data).toEqual([0, 0, 0]);
  });

  it('counts mediation outcomes, all three always present', () => {
    const s = mediationOutcomeSeries([{ outcome: '成功' }, { outcome: '成功' }, { outcome: '调解中' }]);
    expect(s).toEqual({ labels: ['成功', '未成功', '调解中'], data: [2, 0, 1] });
  });

  it('pairs this year with last year for the chosen indicators, in the chosen order', () => {
    const row = (id: string, value: number | null, lastYear: number | null): IndicatorRow => ({
      def: BUILT_IN_INDICATORS.find((d) => d.id === id)!,
      value,
      wording: '',
      origin: '',
      computed: false,
      lastYear,
      problem: null,
    });
    const rows = [row('open-total', 55, 40), row('pufa-events', 12, null), row('mediation-success-rate', 95, 90), row('honors', null, null)];
    expect(comparisonSeries(rows, ['pufa-events', 'open-total', 'nope'])).toEqual({
      labels: ['各类普法宣传活动（次）', '主动公开政务信息（条）'],
      thisYear: [12, 55],
      lastYear: [null, 40],
    });
    // both years present first; percentages after counts
    expect(defaultComparisonIds(rows)).toEqual(['open-total', 'mediation-success-rate']);
  });

  it('titles charts with unit, year and subject', () => {
    expect(chartTitle('横街镇', 2024, '活动台账月度分布')).toBe('横街镇2024年活动台账月度分布');
  });
});
