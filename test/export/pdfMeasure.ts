/**
 * Reading a rendered PDF the way a reviewer with a ruler would: LibreOffice converts the .docx, poppler
 * rasterises a page (PPM, parsed here) to find red ink and full-width rules, and `pdftotext -bbox`
 * gives each word's box. Positions are in millimetres from the top of the page.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export function which(cmd: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export const SOFFICE = which('soffice');
export const renderMissing = !SOFFICE
  ? 'soffice (LibreOffice) is not installed'
  : !which('pdftotext') || !which('pdftoppm') || !which('pdfinfo')
    ? 'poppler-utils (pdftotext/pdftoppm/pdfinfo) are not installed'
    : null;

const FONTS_CONF = resolve(__dirname, '../fonts/fonts.conf');

/**
 * LibreOffice's PDF export leaves out the blank page it inserts before an even-page section unless
 * told not to; a printer prints it, so the tests look at it as printed.
 */
const PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';

/** Converts .docx files to PDF next to them in one soffice run (each start costs seconds). */
export function renderPdfs(dir: string, files: string[]): void {
  execFileSync(
    SOFFICE!,
    [`-env:UserInstallation=${pathToFileURL(`${dir}/profile`).href}`, '--headless', '--convert-to', PDF_FILTER, '--outdir', dir, ...files],
    { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, timeout: 300_000, stdio: 'ignore' },
  );
}

export function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** Page text as laid out. */
export function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
}

export const DPI = 150;
const MM_PER_PX = 25.4 / DPI;

export interface Raster {
  width: number;
  height: number;
  px: Buffer;
}

export function raster(pdf: string, page: number): Raster {
  const ppm = execFileSync('pdftoppm', ['-r', String(DPI), '-f', String(page), '-l', String(page), pdf], { maxBuffer: 64 << 20 });
  // P6\n<w> <h>\n255\n<rgb…>
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[pos]!))) pos++;
    let s = '';
    while (!/\s/.test(String.fromCharCode(ppm[pos]!))) s += String.fromCharCode(ppm[pos++]!);
    fields.push(s);
  }
  pos++;
  return { width: Number(fields[1]), height: Number(fields[2]), px: ppm.subarray(pos) };
}

export type Ink = 'red' | 'dark';
const isInk = (r: number, g: number, b: number, ink: Ink) => (ink === 'red' ? r > 180 && g < 90 && b < 90 : r < 90 && g < 90 && b < 90);

/** Per pixel row: how many pixels of that ink. */
export function inkRows(img: Raster, ink: Ink): number[] {
  const rows = new Array<number>(img.height).fill(0);
  for (let y = 0; y < img.height; y++) {
    let n = 0;
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      if (isInk(img.px[i]!, img.px[i + 1]!, img.px[i + 2]!, ink)) n++;
    }
    rows[y] = n;
  }
  return rows;
}

export const mm = (px: number) => px * MM_PER_PX;

/** First row (mm from the page top) holding any of the ink, or null. */
export function firstInk(img: Raster, ink: Ink, fromMm = 0, toMm = 297): number | null {
  const rows = inkRows(img, ink);
  for (let y = Math.ceil(fromMm / MM_PER_PX); y < Math.min(rows.length, toMm / MM_PER_PX); y++) if (rows[y]! > 2) return mm(y);
  return null;
}

/** Horizontal rules: runs of rows where the ink spans at least `minWidthMm`; centre, thickness and width in mm. */
export function rules(img: Raster, ink: Ink, minWidthMm = 140): Array<{ y: number; thickness: number; width: number }> {
  const rows = inkRows(img, ink);
  const min = minWidthMm / MM_PER_PX;
  const out: Array<{ y: number; thickness: number; width: number }> = [];
  for (let y = 0; y < rows.length; y++) {
    if (rows[y]! < min) continue;
    let end = y;
    let widest = rows[y]!;
    while (end + 1 < rows.length && rows[end + 1]! >= min) widest = Math.max(widest, rows[++end]!);
    out.push({ y: mm((y + end + 1) / 2), thickness: mm(end - y + 1), width: mm(widest) });
    y = end;
  }
  return out;
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Words of one page with boxes in mm (poppler's box: from the font's ascent to its descent). */
export function words(pdf: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  const pt = 25.4 / 72;
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    xMin: Number(m[1]) * pt,
    yMin: Number(m[2]) * pt,
    xMax: Number(m[3]) * pt,
    yMax: Number(m[4]) * pt,
  }));
}

/** Page top of the GB/T 9704 text block and its bottom edge, in mm. */
export const TEXT_TOP_MM = 37;
export const TEXT_BOTTOM_MM = 297 - 35;
export const TEXT_LEFT_MM = 28;
