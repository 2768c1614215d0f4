/**
 * 报送件 and 公开件 from the 导出 screen, in real Chromium against the built app and the loopback
 * bridge on demo data: the clerk names the 联合发文机关 in 单位设置, chooses 报送件, fills 发文字号,
 * 签发人 and 抄送, sees the first and last pages previewed, and downloads a .docx whose 版头 and 版记
 * are there; the next 报送件 is offered the next 发文字号; the 公开件 downloads without them, and prints
 * (the browser's print dialog, here Chromium's PDF printer page.pdf on the same print CSS) to a PDF
 * with its fonts embedded and the .docx's text, none of 版头/签发人/版记/附注.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { shots, startBridge, type Bridge } from './bridge';

let bridge: Bridge | undefined;
let dir = '';

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fz-e2e-gongwen-'));
  bridge = await startBridge({ prefix: 'fz-e2e-gongwen-', demo: true, dataDir: path.join(dir, 'data') });
});

test.afterAll(() => {
  bridge?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const documentXml = (file: string) => strFromU8(unzipSync(readFileSync(file))['word/document.xml']!);

async function exportWord(page: Page, name: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word' }).click();
  // the proofreader's errors are listed first; exporting anyway is the clerk's call
  const anyway = page.getByRole('button', { name: '仍然导出' });
  if (await anyway.isVisible({ timeout: 2000 }).catch(() => false)) await anyway.click();
  const download = await downloading;
  const file = path.join(dir, name);
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  return file;
}

test('报送件: joint issuer from 单位设置, fields on 导出, previewed, exported with 版头 and 版记; the 公开件 without them', async ({ page }) => {
  await page.goto(bridge!.url);
  await page.getByRole('menuitem', { name: /单位设置/ }).click();
  await page.getByLabel('联合发文机关').fill('中共横街镇委员会');
  await page.getByRole('button', { name: '保存单位设置' }).click();
  await expect(page.getByText(/已保存/)).toBeVisible();

  await page.getByRole('menuitem', { name: /导出/ }).click();
  await page.getByText(/^报送件（红头/).click();
  // typed with the usual slips: the proofreader says so under the field and fixes it in one click
  const number = page.getByRole('textbox', { name: '发文字号' });
  await number.fill('横街府[2025]03号');
  await number.blur();
  await expect(page.getByTestId('issuance-check-doc-number')).toContainText('六角括号');
  await page.getByRole('button', { name: '改为“横街府〔2025〕3号”' }).click();
  await expect(number).toHaveValue('横街府〔2025〕3号');
  await expect(page.getByTestId('issuance-check-doc-number')).toHaveCount(0);
  // a 上行文 without 签发人 is named under the 签发人 field until one is given
  await expect(page.getByTestId('issuance-check-signer-missing')).toBeVisible();
  await page.getByRole('combobox', { name: '签发人' }).click();
  await page.keyboard.type('王建国');
  await page.keyboard.press('Enter');
  await page.getByRole('switch', { name: '联合行文' }).click();
  await page.getByRole('textbox', { name: '抄送机关' }).fill('县委依法治县办，县司法局');
  await page.getByRole('textbox', { name: '附注' }).fill('联系人：张明，电话：0571-12345678');
  await page.getByRole('textbox', { name: '附注' }).blur();
  await expect(page.getByTestId('issuance-check-signer-missing')).toHaveCount(0);
  // the 抄送 as typed has no final 。: a reminder with its fix (the export adds it anyway)
  await expect(page.getByTestId('issuance-check-cc-ending')).toBeVisible();
  await page.getByRole('button', { name: '末尾加句号' }).click();
  await expect(page.getByRole('textbox', { name: '抄送机关' })).toHaveValue('县委依法治县办，县司法局。');

  const preview = page.getByTestId('issuance-preview');
  await expect(preview).toContainText('中共横街镇委员会');
  await expect(preview).toContainText('横街镇人民政府');
  await expect(preview).toContainText('横街府〔2025〕3号');
  await expect(preview).toContainText('签发人：');
  await expect(preview).toContainText('抄送：县委依法治县办，县司法局。');
  // under the 版头 the report's own text, typeset as it prints
  await expect(preview.getByTestId('preview-body')).toContainText('横街镇2024年法治政府建设年度报告');
  await page.screenshot({ path: path.join(process.env.FZ_SHOTS ?? dir, 'gongwen-export-screen.png'), fullPage: true });

  const submit = await exportWord(page, 'submit.docx');
  const xml = documentXml(submit);
  expect(xml).toContain('横街府〔2025〕3号');
  expect(xml).toContain('w:color w:val="FF0000"');
  expect(xml).toContain('中共横街镇委员会');
  expect(xml).toContain('<w:type w:val="evenPage"/>');
  expect(xml).toContain('抄送：县委依法治县办，县司法局。');
  expect(xml).toContain('（联系人：张明，电话：0571-12345678）');

  // what was set is kept with the report, and the next 报送件 is offered the next number
  await page.reload();
  await page.getByRole('menuitem', { name: /导出/ }).click();
  await page.getByText(/^报送件（红头/).click();
  await expect(page.getByRole('textbox', { name: '发文字号' })).toHaveValue('横街府〔2025〕3号');
  await expect(page.getByText('上次之后的下一个：横街府〔2025〕4号')).toBeVisible();

  await page.getByText(/^公开件（政府网站公开/).click();
  const pub = documentXml(await exportWord(page, 'public.docx'));
  expect(pub).not.toContain('横街府〔2025〕3号');
  expect(pub).not.toContain('FF0000');
  expect(pub).not.toContain('抄送');
  expect(pub).not.toContain('联系人');
});

const squeeze = (s: string) => s.replace(/\s+/g, '');
/** The .docx's text as Word shows it, paragraph after paragraph (w:t runs; w:br and tabs are layout). */
const docxText = (file: string) =>
  [...documentXml(file).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

test('公开件 PDF: printed from 导出 in GB/T 9704 pages, fonts embedded, the text of the .docx without 版头/签发人/版记/附注', async ({ page }) => {
  // the print dialog is the browser's own; counted here, and the same print CSS printed by page.pdf
  await page.addInitScript(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => void ((window as unknown as { __printed: number }).__printed += 1);
  });
  await page.goto(bridge!.url);
  // a joint 报送件 with a 附注, set as the clerk sets it
  await page.getByRole('menuitem', { name: /单位设置/ }).click();
  const jointIssuer = page.getByLabel('联合发文机关');
  // (the test above may have named it already: nothing to save then)
  if ((await jointIssuer.inputValue()) !== '中共横街镇委员会') {
    await jointIssuer.fill('中共横街镇委员会');
    await page.getByRole('button', { name: '保存单位设置' }).click();
    await expect(page.getByText(/已保存/)).toBeVisible();
  }
  await page.getByRole('menuitem', { name: /导出/ }).click();
  await page.getByText(/^报送件（红头/).click();
  await page.getByRole('textbox', { name: '发文字号' }).fill('横街府〔2025〕5号');
  const joint = page.getByRole('switch', { name: '联合行文' });
  if ((await joint.getAttribute('aria-checked')) !== 'true') await joint.click();
  await page.getByRole('textbox', { name: '附注' }).fill('联系人：张明，电话：0571-12345678');
  await page.getByRole('textbox', { name: '抄送机关' }).fill('县委依法治县办，县司法局');
  await page.getByRole('textbox', { name: '抄送机关' }).blur();

  await page.getByText(/^公开件（政府网站公开/).click();
  const docx = await exportWord(page, 'public-for-pdf.docx');
  await page.getByRole('button', { name: '打印 / 另存为 PDF' }).click();
  const anyway = page.getByRole('button', { name: '仍然导出' });
  if (await anyway.isVisible({ timeout: 2000 }).catch(() => false)) await anyway.click();
  await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed > 0);
  // kept beside the screenshots for a person to look at
  const file = path.join(shots, 'gongwen-public.pdf');
  await page.pdf({ path: file, preferCSSPageSize: true });

  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  // every font the pages use is in the file: the published PDF looks the same on any computer
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  expect(fonts.length).toBeGreaterThan(0);
  // pdffonts' columns from the right: emb sub uni object-id generation
  for (const f of fonts) expect(f.trim().split(/\s+/).at(-5), f).toBe('yes');

  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  const body = squeeze(text).replace(/—\d+—/g, '');
  for (const absent of ['横街府〔', '签发人', '抄送', '印发', '联系人', '0571', '人民政府文件', '委员会文件']) expect(body).not.toContain(absent);
  // the same text as the 公开件 .docx, signed by both issuers of the joint document
  expect(body).toBe(squeeze(docxText(docx)));
  expect(body).toContain('中共横街镇委员会');
  expect(squeeze(text)).toMatch(/—1—/);
  // nothing of the print view stays on the screen
  await expect(page.getByTestId('report-print')).not.toBeInViewport();
});
