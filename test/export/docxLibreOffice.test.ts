import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../src-main/export';
import { FIGURES, PART_HEADINGS, fixtureReport, hostileReport } from './fixture';

function which(cmd: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
const SOFFICE = which('soffice');
const missing = !SOFFICE ? 'soffice (LibreOffice) is not installed' : !which('pdftotext') || !which('pdfinfo') ? 'poppler-utils (pdftotext/pdfinfo) are not installed' : null;
if (missing) console.log(`skipping LibreOffice rendering checks: ${missing}`);

const FONTS_CONF = resolve(__dirname, '../fonts/fonts.conf');

/** Text of one PDF page as laid out, without the page-number line. */
function pageLines(pdf: string, page: number): { body: string[]; footer: string | null } {
  const text = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const footerIdx = lines.findIndex((l) => /^\s*—\s*\d+\s*—\s*$/.test(l));
  const footer = footerIdx >= 0 ? lines.splice(footerIdx, 1)[0]!.trim() : null;
  return { body: lines, footer };
}

const charsOf = (line: string) => line.replace(/\s+/g, '').length;

describe.skipIf(!!missing)('LibreOffice renders the .docx as a GB/T 9704 page', () => {
  let dir = '';
  let reportPdf = '';
  let hostilePdf = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fz-docx-lo-'));
    const report = join(dir, 'report.docx');
    const hostile = join(dir, 'hostile.docx');
    writeFileSync(report, await buildDocx(fixtureReport(), { fontPreset: 'standard' }));
    writeFileSync(hostile, await buildDocx(hostileReport(), { fontPreset: 'windows' }));
    // One soffice run for both files: each start costs seconds on a shared machine.
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, report, hostile],
      { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, timeout: 180_000, stdio: 'ignore' },
    );
    reportPdf = join(dir, 'report.pdf');
    hostilePdf = join(dir, 'hostile.pdf');
  }, 200_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('makes A4 pages, at least three of them', () => {
    const info = execFileSync('pdfinfo', [reportPdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
    expect(Math.abs(Number(w) - 595.3)).toBeLessThan(1);
    expect(Math.abs(Number(h) - 841.9)).toBeLessThan(1);
  });

  it('fills every page but the last with 22 lines of about 28 characters, numbered "— N —"', () => {
    const info = execFileSync('pdfinfo', [reportPdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    const lengths = new Map<number, number>();
    for (let p = 1; p <= pages; p++) {
      const { body, footer } = pageLines(reportPdf, p);
      expect(footer, `page ${p} number`).toMatch(new RegExp(`^—\\s*${p}\\s*—$`));
      if (p === pages) continue;
      // page 1: the title, the blank line under it (no text) and 20 lines of text
      expect(body.length, `lines on page ${p}`).toBe(p === 1 ? 21 : 22);
      for (const l of body.slice(p === 1 ? 1 : 0)) {
        lengths.set(charsOf(l), (lengths.get(charsOf(l)) ?? 0) + 1);
        // a line of Chinese only never holds more than 28 characters (digits are half-width)
        if (!/[\x21-\x7e]/.test(l)) expect(charsOf(l), l).toBeLessThanOrEqual(28);
      }
    }
    const commonest = [...lengths].sort((a, b) => b[1] - a[1])[0]![0];
    expect(commonest).toBe(28);
  });

  it('prints every part heading and the figures', () => {
    const all = execFileSync('pdftotext', [reportPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const h of PART_HEADINGS) expect(all).toContain(h);
    for (const f of FIGURES) expect(all).toContain(f);
    expect(all).toContain('青溪镇人民政府2026年1月20日');
  });

  it('uses a different face for 黑体, 楷体, 仿宋 and Latin text (fonts resolved through fonts.conf)', () => {
    const fonts = execFileSync('pdffonts', [reportPdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansCJK/); // 黑体
    expect(fonts).toMatch(/UKai/); // 楷体_GB2312
    expect(fonts).toMatch(/NotoSerifCJK/); // 仿宋_GB2312, 方正小标宋简体
    expect(fonts).toMatch(/LiberationSerif/); // Times New Roman
  });

  it('opens the file built from hostile text', () => {
    expect(existsSync(hostilePdf)).toBe(true);
    const text = execFileSync('pdftotext', [hostilePdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('AB标题尾<&>"');
    expect(text).toContain('正文]]>结束符号');
  });
});
