/**
 * chart.js, registered with only the pieces these charts use (tree-shaken): fonts, palette, the
 * figures printed on bars and slices, and a screen config adjusted for images and print. How a
 * chart leaves the screen (PNG, printing) is chartOutput.ts.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  PieController,
  Title,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, PieController, ArcElement, Legend, Title, Tooltip);

export const FONT_FAMILY = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
Chart.defaults.font.family = FONT_FAMILY;
Chart.defaults.color = '#374151';

export const PALETTE = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#13c2c2', '#722ed1', '#faad14', '#2f54eb', '#a0d911', '#f5222d', '#8c8c8c', '#fadb14', '#1d39c4', '#08979c', '#c41d7f', '#d4380d'];

/** Figures printed on bars and slices: paper has no tooltips. */
export const valueLabels: Plugin = {
  id: 'fzValueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = `12px ${FONT_FAMILY}`;
    ctx.textAlign = 'center';
    chart.data.datasets.forEach((ds, di) => {
      const meta = chart.getDatasetMeta(di);
      if (meta.hidden) return;
      meta.data.forEach((el, i) => {
        const v = ds.data[i];
        if (typeof v !== 'number' || v === 0) return;
        if (meta.type === 'bar') {
          const { x, y } = el.getProps(['x', 'y'], true) as { x: number; y: number };
          ctx.fillStyle = '#374151';
          ctx.textBaseline = 'bottom';
          ctx.fillText(String(v), x, y - 2);
        } else {
          const { x, y } = el.tooltipPosition(true);
          ctx.fillStyle = '#fff';
          ctx.textBaseline = 'middle';
          ctx.fillText(String(v), x ?? 0, y ?? 0);
        }
      });
    });
    ctx.restore();
  },
};

/** jsdom (tests) has no canvas: charts are not created there, the data shaping is tested on its own. */
export function canDraw(canvas: HTMLCanvasElement): boolean {
  if (typeof navigator !== 'undefined' && /jsdom/i.test(navigator.userAgent)) return false;
  try {
    return Boolean(canvas.getContext('2d'));
  } catch {
    return false;
  }
}

export interface RenderMode {
  /** shown in the canvas itself (images and print carry their title; on screen the card header has it) */
  title?: string;
  /** fixed size for images and print; undefined = responsive */
  fixed?: { width: number; height: number; dpr: number };
}

/** The screen config adjusted for a mode: fixed size, no animation, title drawn in. */
export function configFor(base: ChartConfiguration, mode: RenderMode): ChartConfiguration {
  const options = base.options ?? {};
  return {
    ...base,
    options: {
      ...options,
      ...(mode.fixed
        ? { responsive: false, maintainAspectRatio: false, animation: false, devicePixelRatio: mode.fixed.dpr }
        : { responsive: true, maintainAspectRatio: false }),
      plugins: {
        ...options.plugins,
        title: mode.title
          ? { display: true, text: mode.title, font: { size: 18, weight: 'bold', family: FONT_FAMILY }, color: '#111', padding: { top: 4, bottom: 14 } }
          : { display: false },
      },
    },
    plugins: [...(base.plugins ?? []), valueLabels],
  } as ChartConfiguration;
}

export { Chart };
export type { ChartConfiguration };
