/**
 * A new clerk's first session, in the browser against the built app and the real loopback
 * bridge: create the unit, log activities and cases, watch a computed indicator follow, see the
 * charts, write a part with a figure placeholder, export the .docx and check its text, print the
 * charts to PDF. Any console error or any request off 127.0.0.1 fails the journey.
 */
import { test, expect, type Page } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const webMain = path.join(root, 'dist/main/web.cjs');
const shots = path.join(root, 'test-results/screens');

let server: ChildProcess;
let url = '';
let dataDir = '';

test.beforeAll(async () => {
  if (!existsSync(webMain) || !existsSync(path.join(root, 'dist/renderer/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does it)');
  }
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(path.join(tmpdir(), 'fz-e2e-'));
  server = spawn(process.execPath, [webMain, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${out}`)), 20_000);
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /法治年报已启动：(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    server.once('exit', (code) => reject(new Error(`bridge exited (${code}): ${out}`)));
  });
});

test.afterAll(() => {
  server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}

async function nav(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label }).click();
}

/** antd Select: open, type to search, Enter picks the first match. */
async function choose(page: Page, scope: ReturnType<Page['locator']>, label: string, text: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

test('a new clerk: unit, ledger, cases, indicators, charts, report, export, print', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (u.hostname !== '127.0.0.1') problems.push(`request off the machine: ${r.url()}`);
  });

  // — first run: welcome, create the unit
  await page.goto(url);
  await expect(page.getByText('欢迎使用法治年报')).toBeVisible();
  await expect(page).not.toHaveURL(/token=/); // the token leaves the address bar
  await shot(page, '01-welcome');
  await page.getByRole('textbox', { name: '单位简称' }).fill('青石镇');
  await page.getByRole('textbox', { name: '单位全称' }).fill('青石镇人民政府');
  await page.getByRole('spinbutton', { name: '报告年度' }).fill('2024');
  await page.getByRole('textbox', { name: '村（社区）' }).fill('东村\n西村\n南山社区');
  await page.getByRole('button', { name: '创建单位' }).click();
  await expect(page.getByTestId('unit-name')).toHaveText('青石镇人民政府');
  await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
  await shot(page, '02-overview');

  // — unit: add a village, save with a visible result
  await nav(page, '单位设置');
  await page.getByRole('button', { name: '添加村（社区）' }).click();
  await page.getByRole('textbox', { name: '第4个村（社区）名称' }).fill('北村');
  await page.getByRole('textbox', { name: '主送机关' }).fill('区委全面依法治区委员会办公室');
  await page.getByRole('button', { name: '保存单位设置' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await shot(page, '03-unit');

  // — indicators before any activity: 普法 count is empty/0
  await nav(page, '指标录入');
  const pufa = page.getByTestId('indicator-pufa-events');
  await expect(pufa.getByLabel('各类普法宣传活动（自动计算）')).toContainText('0');
  const decisions = page.getByRole('textbox', { name: '年度重大行政决策事项', exact: true });
  await decisions.fill('-2');
  await decisions.press('Enter');
  await expect(page.getByTestId('indicator-decision-catalog').getByText('不能为负数')).toBeVisible();
  await decisions.fill('8');
  await decisions.press('Enter');
  await expect(page.getByTestId('indicator-decision-catalog').getByText('已保存')).toBeVisible();

  // — ledger: keyboard-first entry of three activities
  await nav(page, '活动台账');
  const form = page.getByRole('form', { name: '新增记录' });
  const titles = ['民法典进村居宣传', '宪法宣传周集中宣传', '“法律明白人”普法讲座'];
  for (const [i, title] of titles.entries()) {
    const date = form.getByRole('textbox', { name: '日期' });
    await expect(date).toBeFocused({ timeout: i === 0 ? 1 : 5000 }).catch(() => date.click());
    await date.fill(`${i + 3}-15`);
    if (i === 0) await choose(page, form, '类别', '普法宣传');
    if (i === 1) await choose(page, form, '村（社区）', '北村');
    await form.getByRole('textbox', { name: '活动名称' }).fill(title);
    await form.getByRole('spinbutton', { name: '参与人数' }).fill(String(100 + i));
    await form.getByRole('textbox', { name: '活动名称' }).press('Enter');
    await expect(page.getByText(`共 ${i + 1} 条`)).toBeVisible();
    await expect(form.getByRole('textbox', { name: '日期' })).toBeFocused();
  }
  await expect(page.getByRole('status').filter({ hasText: '已添加 3 条' })).toBeVisible();
  await shot(page, '04-ledger');

  // delete one and undo it
  await page.getByRole('button', { name: '删除 宪法宣传周集中宣传' }).click();
  await page.locator('.ant-popover').filter({ hasText: '删除这条台账记录？' }).getByRole('button', { name: /^删\s?除$/ }).click();
  await expect(page.getByText('共 2 条')).toBeVisible();
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('共 3 条')).toBeVisible();

  // — mediation cases
  await nav(page, '调解案件');
  const mform = page.getByRole('form', { name: '新增记录' });
  for (const [i, outcome] of ['成功', '成功', '调解中'].entries()) {
    await mform.getByRole('textbox', { name: '日期' }).fill(`5-${10 + i}`);
    await choose(page, mform, '纠纷类型', '邻里纠纷');
    await choose(page, mform, '调解结果', outcome);
    await mform.getByRole('textbox', { name: '简要情况' }).fill(`相邻通行纠纷第${i + 1}起`);
    await mform.getByRole('textbox', { name: '简要情况' }).press('Enter');
    await expect(page.getByText(`共 ${i + 1} 起`)).toBeVisible();
  }
  await shot(page, '05-mediation');

  // — the computed indicators followed the ledger and the cases
  await nav(page, '指标录入');
  await expect(pufa.getByLabel('各类普法宣传活动（自动计算）')).toContainText('3');
  await expect(page.getByTestId('indicator-mediation-cases').getByLabel(/自动计算/)).toContainText('3');
  await expect(page.getByTestId('indicator-mediation-success-rate').getByLabel(/自动计算/)).toContainText('66.7');
  await shot(page, '06-indicators');
  // its origin opens the ledger filtered to that category
  await pufa.getByText(/台账计数/).click();
  await expect(page.getByRole('heading', { name: /活动台账/ })).toBeVisible();
  await expect(page.getByTestId('filter-count')).toContainText('筛选出 3 条');
  await page.getByRole('button', { name: '清除筛选' }).click();

  // — charts
  await nav(page, '图表');
  await expect(page.getByText('活动台账月度分布').first()).toBeVisible();
  await shot(page, '07-charts');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pdfPath = path.join(shots, 'charts.pdf');
  writeFileSync(pdfPath, pdf);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('活动台账月度分布');
  expect(pdfText).toContain('矛盾纠纷调解结果');

  // — report: write a part with a figure placeholder
  await nav(page, '报告编辑');
  const outline = page.getByRole('navigation', { name: '报告提纲' });
  await outline.getByText(/主要举措和成效/).first().click();
  const body = page.locator('.fz-body-editor').first();
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('全年共开展普法宣传活动');
  await choose(page, page.locator('body'), '选择指标', '各类普法宣传活动');
  await page.getByRole('button', { name: '插入' }).click();
  await page.keyboard.type('，覆盖全镇。');
  await expect(page.getByRole('article', { name: '报告预览' })).toContainText('全年共开展普法宣传活动3次，覆盖全镇。');
  await expect(page.getByText('已保存').first()).toBeVisible({ timeout: 15_000 });
  await shot(page, '08-report');

  // — export: the download arrives and carries the figure
  await nav(page, '导出');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const saved = path.join(shots, 'journey.docx');
  await download.saveAs(saved);
  const text = docxText(new Uint8Array(readFileSync(saved)));
  expect(text).toContain('全年共开展普法宣传活动3次，覆盖全镇。');
  expect(text).toContain('区委全面依法治区委员会办公室');
  await expect(page.getByRole('status').filter({ hasText: '已下载' })).toBeVisible();
  await expect(page.getByRole('cell', { name: download.suggestedFilename() })).toBeVisible();
  await shot(page, '09-export');
  await page.getByRole('button', { name: '查看当时内容' }).first().click();
  await expect(page.getByTestId('snapshot')).toContainText('全年共开展普法宣传活动3次');
  await shot(page, '10-export-snapshot');
  await page.getByRole('button', { name: '关闭' }).click();

  // — overview after the work
  await nav(page, '概览');
  await expect(page.getByTestId('indicators-filled')).not.toHaveText('0');
  await shot(page, '11-overview-after');

  expect(problems).toEqual([]);
});
