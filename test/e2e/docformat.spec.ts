/**
 * Printing and drafts in the browser version, in real Chromium against the built app and the loopback
 * bridge on demo data: 打印 on the report screen gives the GB/T 9704 pages (A4, 22 lines of 28
 * characters, "— N —"), the ledger prints A4 landscape with unit, year and headings on every page,
 * and 导出征求意见稿 downloads a draft. The print dialog itself is replaced by a counter (Chromium's
 * PDF printer, page.pdf, lays out the same print CSS).
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBridge, type Bridge } from './bridge';

let bridge: Bridge | undefined;
let url = '';
let dir = '';

test.beforeAll(async () => {
  // the demo data in its own folder; the printed PDFs go beside it
  dir = mkdtempSync(path.join(tmpdir(), 'fz-e2e-docfmt-'));
  bridge = await startBridge({ prefix: 'fz-e2e-docfmt-', demo: true, dataDir: path.join(dir, 'data') });
  url = bridge.url;
});

test.afterAll(() => {
  bridge?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

async function open(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => void ((window as unknown as { __printed: number }).__printed += 1);
  });
  await page.goto(url);
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
function pdfPages(file: string): string[][] {
  const n = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: n }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.trim() !== ''),
  );
}

test('打印 on the report screen prints GB/T 9704 pages: 22 lines of 28 characters, — N —', async ({ page }) => {
  await open(page);
  await page.getByRole('menuitem', { name: /报告编辑/ }).click();
  await page.getByRole('button', { name: /打印/ }).click();
  await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed > 0);
  const file = path.join(dir, 'report-print.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const pages = pdfPages(file);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(squeeze(pages[0]![0]!)).toBe('横街镇2024年法治政府建设年度报告');
  pages.forEach((lines, i) => {
    expect(squeeze(lines.at(-1)!), `page ${i + 1} number`).toBe(`—${i + 1}—`);
    if (i === pages.length - 1) return;
    const body = lines.slice(0, -1);
    expect(body.length, `lines on page ${i + 1}`).toBe(i === 0 ? 21 : 22);
    for (const l of body) if (!/[\x21-\x7e]/.test(l)) expect(squeeze(l).length, l).toBeLessThanOrEqual(28);
  });
  const lengths = pages.slice(1, -1).flatMap((l) => l.slice(0, -1)).filter((l) => !/[\x21-\x7e]/.test(l)).map((l) => squeeze(l).length);
  expect(Math.max(...lengths)).toBe(28);
  // the print view is gone from the screen: nothing of it shows outside printing
  await expect(page.getByTestId('report-print')).not.toBeInViewport();
});

test('the ledger prints every row on A4 landscape, unit, year and headings on each page', async ({ page }) => {
  await open(page);
  await page.getByRole('menuitem', { name: /活动台账/ }).click();
  await expect(page.locator('h2.screen-title')).toContainText(/共 [1-9]\d* 条/);
  const total = Number(/共 (\d+) 条/.exec((await page.locator('h2.screen-title').textContent())!)![1]);
  await page.getByRole('button', { name: /打印/ }).click();
  await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed > 0);
  const file = path.join(dir, 'ledger-print.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true });
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/);
  const pages = pdfPages(file);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  for (const [i, lines] of pages.entries()) {
    expect(squeeze(lines[0]!), `caption on page ${i + 1}`).toBe(`横街镇2024年度活动台账（共${total}条）`);
    expect(squeeze(lines[1]!), `headings on page ${i + 1}`).toMatch(/^日期/);
  }
  // every row: one dated line each
  const dated = pages.flat().filter((l) => /^\s*2024-\d\d-\d\d/.test(l)).length;
  expect(dated).toBe(total);
});

test('导出征求意见稿 downloads the draft, named after the title', async ({ page }) => {
  await open(page);
  await page.getByRole('menuitem', { name: /导出/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出征求意见稿/ }).click()]);
  expect(download.suggestedFilename()).toBe('横街镇2024年法治政府建设年度报告（征求意见稿）.docx');
});
