import { useMemo, useState, type ReactNode } from 'react';
import { Segmented, Select, Space } from 'antd';
import { INDICATOR_AREAS } from '../../../src-shared/domain/vocabulary';
import type { YearSummary } from '../../../src-shared/contract';
import type { ChartConfiguration } from './chartSetup';
import { barConfig, comparisonConfig, OUTCOME_COLORS, roundConfig } from './configs';
import {
  categorySeries,
  chartTitle,
  comparisonSeries,
  defaultComparisonIds,
  mediationOutcomeSeries,
  monthlySeries,
  villageSeries,
} from './series';
import type { ChartData } from './useChartData';

export interface ChartSpec {
  key: string;
  title: string;
  config: ChartConfiguration;
  /** why there is nothing to draw, or null */
  empty: string | null;
  controls?: ReactNode;
  wide?: boolean;
}

/** The charts of the year, each with its own controls (kind of chart, village category, indicators compared). */
export function useChartSpecs(data: ChartData, years: YearSummary[]): ChartSpec[] {
  const { year, unit, ledger, mediation, categories, indicators } = data;
  const unitName = unit?.shortName ?? '';
  const [categoryKind, setCategoryKind] = useState<'bar' | 'doughnut'>('bar');
  const [villageCategory, setVillageCategory] = useState<string>('');
  const [compareIds, setCompareIds] = useState<string[]>(() => defaultComparisonIds(indicators));
  const [outcomeKind, setOutcomeKind] = useState<'doughnut' | 'pie'>('doughnut');

  return useMemo((): ChartSpec[] => {
    const monthly = monthlySeries(ledger, year);
    const byCategory = categorySeries(ledger, categories);
    const villages = villageSeries(ledger, unit?.villages ?? [], villageCategory || undefined);
    const villageCatName = categories.find((c) => c.id === villageCategory)?.name;
    const comparison = comparisonSeries(indicators, compareIds);
    const outcomes = mediationOutcomeSeries(mediation);
    return [
      {
        key: 'monthly',
        title: chartTitle(unitName, year, '活动台账月度分布'),
        config: barConfig(monthly, '台账条数'),
        empty: ledger.length ? null : '本年度活动台账暂无记录：在“活动台账”中逐条记录（或从Excel导入）后，这里自动生成图表',
      },
      {
        key: 'category',
        title: chartTitle(unitName, year, '活动台账分类统计'),
        config: categoryKind === 'bar' ? barConfig(byCategory, '台账条数', '#13c2c2') : roundConfig(byCategory, '台账条数', 'doughnut'),
        empty: ledger.length ? null : '本年度活动台账暂无记录：在“活动台账”中逐条记录（或从Excel导入）后，这里自动生成图表',
        controls: (
          <Segmented
            size="small"
            value={categoryKind}
            onChange={(v) => setCategoryKind(v as 'bar' | 'doughnut')}
            options={[
              { label: '柱状图', value: 'bar' },
              { label: '环形图', value: 'doughnut' },
            ]}
          />
        ),
      },
      {
        key: 'villages',
        title: chartTitle(unitName, year, `各村（社区）活动覆盖情况${villageCatName ? `（${villageCatName}）` : ''}`),
        config: barConfig(villages, '台账条数', '#52c41a'),
        empty: unit?.villages.length ? null : '单位设置中尚未添加村（社区）：添加后按村统计活动覆盖情况',
        wide: true,
        controls: (
          <Space size={8}>
            <span className="fz-chart-note">
              覆盖 {villages.covered}/{villages.labels.length} 个{villages.unassigned ? `，未指定村（社区）${villages.unassigned} 条` : ''}
            </span>
            <Select
              size="small"
              value={villageCategory}
              onChange={setVillageCategory}
              options={[{ value: '', label: '全部类别' }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
              style={{ width: 150 }}
              aria-label="覆盖情况的类别"
            />
          </Space>
        ),
      },
      {
        key: 'comparison',
        title: chartTitle(unitName, year, `与${year - 1}年主要指标对比`),
        config: comparisonConfig(comparison, year),
        empty: compareIds.length ? null : '请选择要对比的指标',
        wide: true,
        controls: (
          <Space size={8}>
            {compareIds.length > 0 && comparison.lastYear.every((v) => v === null) && (
              <span className="fz-chart-note" data-testid="yoy-missing">
                {years.some((y) => y.year === year - 1)
                  ? `${year - 1}年无可对比的数据`
                  : `没有${year - 1}年度的数据：可在“概览”中“录入上一年度数据”`}
              </span>
            )}
          <Select
            mode="multiple"
            size="small"
            value={compareIds}
            onChange={setCompareIds}
            maxCount={8}
            maxTagCount="responsive"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择指标"
            aria-label="对比的指标"
            style={{ width: 420 }}
            options={INDICATOR_AREAS.map((area) => ({
              label: area,
              title: area,
              options: indicators.filter((r) => r.def.area === area).map((r) => ({ value: r.def.id, label: r.def.name })),
            })).filter((g) => g.options.length > 0)}
          />
          </Space>
        ),
      },
      {
        key: 'outcomes',
        title: chartTitle(unitName, year, '矛盾纠纷调解结果'),
        config: roundConfig(outcomes, '案件数', outcomeKind, OUTCOME_COLORS),
        empty: mediation.length ? null : '本年度暂无调解案件：在“调解案件”中录入后自动生成',
        controls: (
          <Segmented
            size="small"
            value={outcomeKind}
            onChange={(v) => setOutcomeKind(v as 'doughnut' | 'pie')}
            options={[
              { label: '环形图', value: 'doughnut' },
              { label: '饼图', value: 'pie' },
            ]}
          />
        ),
      },
    ];
  }, [ledger, mediation, categories, indicators, unit, unitName, year, categoryKind, villageCategory, compareIds, outcomeKind, years]);
}
