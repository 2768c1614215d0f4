import { useContext, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, Button, Card, Empty, Space, Spin, Tooltip } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { errorText } from '../../components/errors';
import { AppContext } from '../../state/app';
import type { RenderMode } from './chartSetup';
import { exportChartPng, printCharts } from './chartOutput';
import { ChartView } from './ChartView';
import { useChartData, type ChartData } from './useChartData';
import { useChartSpecs, type ChartSpec } from './useChartSpecs';
import './charts.css';

export { printCharts } from './chartOutput';

/** 图表: the year's ledger, mediation and indicator figures as charts, for the screen, print and images. */
export function ChartsScreen({ year }: { year: number }) {
  const { data, error, retry } = useChartData(year);
  if (error && !data) {
    return (
      <Alert
        type="error"
        showIcon
        title="图表数据读取失败"
        description={error}
        action={
          <Button size="small" onClick={retry}>
            重试
          </Button>
        }
      />
    );
  }
  if (!data) return <Spin description="正在读取数据…" size="large" className="fz-loading" />;
  return <ChartsBoard key={year} data={data} />;
}

export default ChartsScreen;

const PRINT_MODE: RenderMode['fixed'] = { width: 1000, height: 330, dpr: 3 };

function ChartsBoard({ data }: { data: ChartData }) {
  const { year } = data;
  // outside the app frame (tests, print) there is no year list: last year then counts as missing
  const years = useContext(AppContext)?.years ?? [];
  const specs = useChartSpecs(data, years);
  const [printing, setPrinting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const printRoot = useRef<HTMLDivElement>(null);

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
