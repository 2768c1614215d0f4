import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Card, Empty, Segmented, Select, Space, Spin, Tooltip } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import type { IndicatorRow } from '../../../src-shared/contract';
import type { LedgerCategory } from '../../../src-shared/catalog/ledgerCategories';
import type { LedgerEntry, MediationCase } from '../../../src-shared/domain/ledger';
import { INDICATOR_AREAS } from '../../../src-shared/domain/vocabulary';
import type { Unit } from '../../../src-shared/domain/unit';
import { call } from '../../api/client';
import { errorText } from '../../components/errors';
import { useLoad } from '../../state/useLoad';
import { AppContext } from '../../state/app';
import type { ChartConfiguration, RenderMode } from './chartSetup';
import { exportChartPng, printCharts } from './chartOutput';
import { ChartView } from './ChartView';
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
import './charts.css';

export { printCharts } from './chartOutput';

interface ChartData {
  year: number;
  unit: Unit | null;
  ledger: LedgerEntry[];
  mediation: MediationCase[];
  categories: LedgerCategory[];
  indicators: IndicatorRow[];
}

interface ChartSpec {
  key: string;
  title: string;
  config: ChartConfiguration;
  /** why there is nothing to draw, or null */
  empty: string | null;
  controls?: ReactNode;
  wide?: boolean;
}

/** 图表: the year's ledger, mediation and indicator figures as charts, for the screen, print and images. */
export function ChartsScreen({ year }: { year: number }) {
  const loaded = useLoad(async (): Promise<ChartData> => {
    const [unit, ledger, mediation, categories, indicators] = await Promise.all([
      call('unit.get', {}),
      call('ledger.list', { year }),
      call('mediation.list', { year }),
      call('ledger.categories', {}),
      call('indicators.list', { year }),
    ]);
    return { year, unit, ledger, mediation, categories, indicators };
  }, [year]);
  const { data, error } = loaded;
  if (error && !data) {
    return (
      <Alert
        type="error"
        showIcon
        title="图表数据读取失败"
        description={error}
        action={
          <Button size="small" onClick={() => void loaded.reload()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!data || data.year !== year) return <Spin description="正在读取数据…" size="large" className="fz-loading" />;
  return <ChartsBoard key={year} data={data} />;
}

export default ChartsScreen;

const PRINT_MODE: RenderMode['fixed'] = { width: 1000, height: 330, dpr: 3 };

function ChartsBoard({ data }: { data: ChartData }) {
  const { year, unit, ledger, mediation, categories, indicators } = data;
  // outside the app frame (tests, print) there is no year list: last year then counts as missing
  const years = useContext(AppContext)?.years ?? [];
  const unitName = unit?.shortName ?? '';
  const [categoryKind, setCategoryKind] = useState<'bar' | 'doughnut'>('bar');
  const [villageCategory, setVillageCategory] = useState<string>('');
  const [compareIds, setCompareIds] = useState<string[]>(() => defaultComparisonIds(indicators));
  const [outcomeKind, setOutcomeKind] = useState<'doughnut' | 'pie'>('doughnut');
  const [printing, setPrinting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const printRoot = useRef<HTMLDivElement>(null);

  const specs = useMemo((): ChartSpec[] => {
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

  // the print layout is mounted only while printing; its charts draw synchronously (no animation) before this runs
  useEffect(() => {
    if (!printing || !printRoot.current) return;
    printCharts(printRoot.current)
      .catch((err: unknown) => setActionError(`打印失败：${errorText(err)}`))
      .finally(() => setPrinting(false));
  }, [printing]);

  const printable = specs.filter((s) => !s.empty);
  const pages: ChartSpec[][] = [];
  for (let i = 0; i < printable.length; i += 2) pages.push(printable.slice(i, i + 2));

  return (
    <div className="fz-charts">
      <div className="fz-charts-bar">
        <h2 className="screen-title fz-charts-title">图表</h2>
        <span className="muted">{year}年度 · 数据来自活动台账、调解案件和指标录入</span>
        <span className="fz-report-spacer" />
        <Tooltip title="A4 横向，每页两张图">
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} loading={printing} disabled={!printable.length}>
            打印
          </Button>
        </Tooltip>
      </div>
      {actionError && <Alert type="error" showIcon closable title={actionError} onClose={() => setActionError(null)} className="fz-inline-error" />}
      <div className="fz-charts-grid">
        {specs.map((s) => (
          <Card
            key={s.key}
            size="small"
            title={<span className="fz-chart-title">{s.title}</span>}
            className={s.wide ? 'fz-chart-card fz-chart-wide' : 'fz-chart-card'}
            data-chart={s.key}
            extra={
              <Space size={8} wrap>
                {s.controls}
                <Tooltip title="保存为 PNG 图片（白色背景）">
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    disabled={Boolean(s.empty)}
                    aria-label={`导出图片：${s.title}`}
                    onClick={() => exportChartPng(s.config, s.title).catch((err: unknown) => setActionError(`导出图片失败：${errorText(err)}`))}
                  >
                    导出图片
                  </Button>
                </Tooltip>
              </Space>
            }
          >
            {s.empty ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.empty} className="fz-chart-empty" />
            ) : (
              <ChartView config={s.config} label={s.title} height={s.wide ? 320 : 280} />
            )}
          </Card>
        ))}
      </div>
      {printing &&
        createPortal(
          <div className="fz-print-root" ref={printRoot}>
            <style>{PRINT_CSS}</style>
            {pages.map((page, i) => (
              <div className="fz-print-page" key={i}>
                {page.map((s) => (
                  <ChartView key={s.key} config={s.config} label={s.title} mode={{ title: s.title, fixed: PRINT_MODE }} />
                ))}
              </div>
            ))}
          </div>,
          document.body,
        )}
    </div>
  );
}

/** Only present while printing, so other screens' printing is unaffected. */
const PRINT_CSS = `
@page { size: A4 landscape; margin: 10mm; }
@media screen { .fz-print-root { position: fixed; left: -20000px; top: 0; } }
@media print {
  body > *:not(.fz-print-root) { display: none !important; }
  .fz-print-root { position: static; }
  .fz-print-page { display: flex; flex-direction: column; align-items: center; gap: 8mm; break-after: page; page-break-after: always; }
  .fz-print-page:last-child { break-after: auto; page-break-after: auto; }
}
`;
