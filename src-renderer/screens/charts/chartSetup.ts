/**
 * chart.js, registered with only the pieces these charts use (tree-shaken), plus the two ways a
 * chart leaves the screen: a PNG on a white background, and printing (canvases swapped for
 * images, because printed canvases are re-rasterised unreliably).
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
import { print as platformPrint } from '../../api/platform';

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

/**
 * Draw a chart at a fixed size and return it on a white canvas (a chart's own canvas is
 * transparent, which shows as black or checkered in image viewers).
 */
export function renderChartImage(base: ChartConfiguration, title: string, width = 1200, height = 600, dpr = 2): HTMLCanvasElement {
  const holder = document.createElement('div');
  holder.style.cssText = `position:fixed;left:-20000px;top:0;width:${width}px;height:${height}px;`;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  holder.appendChild(canvas);
  document.body.appendChild(holder);
  try {
    const chart = new Chart(canvas, configFor(base, { title, fixed: { width, height, dpr } }));
    const out = document.createElement('canvas');
    out.width = chart.canvas.width;
    out.height = chart.canvas.height;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(chart.canvas, 0, 0);
    chart.destroy();
    return out;
  } finally {
    holder.remove();
  }
}

/** File names may not contain what Windows forbids. */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|]+/g, '_').trim() || '图表';
}

/** Save a chart as PNG (white background) through a Blob link: a download in the browser, the same in Electron. */
export async function exportChartPng(base: ChartConfiguration, title: string): Promise<void> {
  const canvas = renderChartImage(base, title);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('无法生成图片');
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = `${safeFileName(title)}.png`;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoking at once can cancel the download in some browsers
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Print what is under `root`: every canvas is replaced by an <img> of itself for the duration of
 * the print and restored afterwards. `print` is the frame's print (window.print() in the browser,
 * the shell's print in Electron).
 */
export async function printCharts(root: ParentNode = document, print: () => void | Promise<void> = platformPrint): Promise<void> {
  const swapped: Array<{ canvas: HTMLCanvasElement; img: HTMLImageElement; display: string }> = [];
  for (const canvas of Array.from(root.querySelectorAll('canvas'))) {
    let src: string | undefined;
    try {
      src = canvas.toDataURL('image/png');
    } catch {
      src = undefined;
    }
    if (!src?.startsWith('data:image/')) continue; // no canvas support: print the canvas as it is
    const img = document.createElement('img');
    img.src = src;
    img.alt = canvas.getAttribute('aria-label') ?? '';
    img.className = 'fz-print-img';
    img.style.width = canvas.style.width || `${canvas.clientWidth}px`;
    img.style.height = canvas.style.height || `${canvas.clientHeight}px`;
    canvas.after(img);
    swapped.push({ canvas, img, display: canvas.style.display });
    canvas.style.display = 'none';
  }
  try {
    // data-URL images decode asynchronously; printing before that prints blank boxes
    await Promise.all(swapped.map(({ img }) => (img.decode ? img.decode().catch(() => {}) : Promise.resolve())));
    await print();
  } finally {
    for (const { canvas, img, display } of swapped) {
      img.remove();
      canvas.style.display = display;
    }
  }
}

export { Chart };
export type { ChartConfiguration };
