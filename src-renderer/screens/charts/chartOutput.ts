/**
 * The two ways a chart leaves the screen: a PNG on a white background, and printing (canvases
 * swapped for images, because printed canvases are re-rasterised unreliably).
 */
import { print as platformPrint } from '../../api/platform';
import { Chart, configFor, type ChartConfiguration } from './chartSetup';
import { safeFileNamePart } from '../../../src-shared/fileName';

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

/** A chart's title as a file name (the app's one file-name rule), 图表 when nothing is left. */
export function chartFileName(title: string): string {
  return safeFileNamePart(title, 100) || '图表';
}

/** Save a chart as PNG (white background) through a Blob link: a download in the browser, the same in Electron. */
export async function exportChartPng(base: ChartConfiguration, title: string): Promise<void> {
  const canvas = renderChartImage(base, title);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('无法生成图片');
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = `${chartFileName(title)}.png`;
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
