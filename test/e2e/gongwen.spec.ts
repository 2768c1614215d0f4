/**
 * 报送件 and 公开件 from the 导出 screen, in real Chromium against the built app and the loopback
 * bridge on demo data: the clerk names the 联合发文机关 in 单位设置, chooses 报送件, fills 发文字号,
 * 签发人 and 抄送, sees the first and last pages previewed, and downloads a .docx whose 版头 and 版记
 * are there; the next 报送件 is offered the next 发文字号; the 公开件 downloads without them.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { startBridge, type Bridge } from './bridge';

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
  await page.getByRole('textbox', { name: '发文字号' }).fill('横街府〔2025〕3号');
  await page.getByRole('combobox', { name: '签发人' }).click();
  await page.keyboard.type('王建国');
  await page.keyboard.press('Enter');
  await page.getByRole('switch', { name: '联合行文' }).click();
  await page.getByRole('textbox', { name: '抄送机关' }).fill('县委依法治县办，县司法局');
  await page.getByRole('textbox', { name: '附注' }).fill('联系人：张明，电话：0571-12345678');
  await page.getByRole('textbox', { name: '附注' }).blur();

  const preview = page.getByTestId('issuance-preview');
  await expect(preview).toContainText('中共横街镇委员会');
  await expect(preview).toContainText('横街镇人民政府');
  await expect(preview).toContainText('横街府〔2025〕3号');
  await expect(preview).toContainText('签发人：');
  await expect(preview).toContainText('抄送：县委依法治县办，县司法局。');
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
