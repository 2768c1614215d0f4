/**
 * Importing a report whose title names no unit into an empty data folder, in real Chromium against
 * the built app: the preview asks for the unit's names and kind (nothing guessed), refuses to go on
 * without them, and the import creates the unit as given. The report's 第一责任人 is a sub-part and
 * its measures are themed parts: 概览 and 校对 say which heading was taken for which item.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBridge, type Bridge, shots } from './bridge';
import { pickOption } from './selects';

let bridge: Bridge | undefined;
let dataDir = '';
let work = '';
const FILE = '年度报告.txt';

/** A report written for this test: its title says the year but not the unit. */
const LINES = [
  '关于2024年度法治政府建设工作情况的报告',
  '2024年，我们围绕建设法治街道的目标，把依法行政贯穿到社区治理的各个环节，现将有关情况报告如下。',
  '一、强化法治思维',
  '街道党工委把学法列入理论学习中心组计划，全年集中学法六次，邀请律师解读新修订的法律法规。',
  '二、坚持依法决策',
  '（一）规范决策程序',
  '涉及群众切身利益的事项一律经过征求意见、合法性审查和集体讨论。',
  '（二）党政主要负责人履行推进法治建设第一责任人职责',
  '党工委书记、办事处主任带头讲授法治课，亲自协调解决执法保障问题。',
  '三、存在的不足',
  '一是社区法律服务力量偏弱；二是普法形式还比较单一。',
  '四、2025年工作安排',
  '一是完善合法性审查机制；二是创新普法方式；三是加强调解员培训。',
  '2025年1月15日',
];

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(path.join(tmpdir(), 'fz-e2e-import-unit-'));
  dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  writeFileSync(path.join(work, FILE), LINES.join('\n'), 'utf8');
  bridge = await startBridge({ prefix: 'fz-e2e-', dataDir });
});

test.afterAll(() => {
  bridge?.stop();
  if (work) rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

test('a title without the unit: the preview asks for it, the import creates it; 概览 and 校对 say which heading answers which item', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));

  await page.goto(bridge!.url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择报告文件…' }).click()]);
  await chooser.setFiles(path.join(work, FILE));

  const dialog = page.getByRole('dialog').filter({ hasText: '导入报告' });
  await expect(dialog.getByTestId('import-preview')).toBeVisible();
  // the year is read from the title; the unit is asked for, with nothing filled in or chosen
  await expect(dialog.getByRole('spinbutton', { name: '导入年度' })).toHaveValue('2024');
  await expect(dialog.getByTestId('import-unit-ask')).toContainText('标题中读不出单位名称');
  const short = dialog.getByRole('textbox', { name: '单位简称' });
  const full = dialog.getByRole('textbox', { name: '单位全称' });
  await expect(short).toHaveValue('');
  await expect(full).toHaveValue('');
  await shot(page, 'import-unit-01-asked');

  // 导入 without the unit: told what is missing, nothing written
  const importButton = dialog.getByRole('button', { name: /^导\s?入$/ });
  await importButton.click();
  await expect(page.getByText('数据文件夹中还没有单位：请填写单位简称和全称')).toBeVisible();
  await short.fill('临江街道');
  await full.fill('临江街道办事处');
  await importButton.click();
  await expect(page.getByText(/请选择单位类型/)).toBeVisible();
  expect(() => readFileSync(path.join(dataDir, 'unit.json'))).toThrow();

  await pickOption(page, dialog.getByRole('combobox', { name: '单位类型' }), /^街道$/);
  await shot(page, 'import-unit-02-filled');
  await importButton.click();
  await expect(page.getByText(/已导入为2024年度报告/)).toBeVisible();
  await expect(page.getByTestId('unit-name')).toContainText('临江街道');
  const unit = JSON.parse(readFileSync(path.join(dataDir, 'unit.json'), 'utf8')) as { unit: { shortName: string; fullName: string; kind: string } };
  expect(unit.unit).toMatchObject({ shortName: '临江街道', fullName: '临江街道办事处', kind: '街道' });

  // 概览: the 第一责任人 sub-part and the themed parts answer their items, and it says so
  await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
  const first = page.getByTestId('content-firstResponsible');
  await expect(first).toContainText('取自“党政主要负责人履行推进法治建设第一责任人职责”');
  await expect(first).toContainText('已写');
  await expect(page.getByTestId('content-measures')).toContainText('取自“强化法治思维”“坚持依法决策”等部分');
  await first.scrollIntoViewIfNeeded();
  await shot(page, 'import-unit-03-overview');

  // 校对: the same, as a reminder at the sub-part; no missing-item error
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  await page.getByTestId('proof-tab').click();
  const panel = page.getByTestId('proof-panel');
  const items = panel.locator('.fz-proof-item[data-code="missing-content-item"]');
  await expect(items.filter({ hasText: '取自“党政主要负责人履行推进法治建设第一责任人职责”' })).toHaveCount(1);
  await expect(panel).not.toContainText('报告缺少规定内容');
  await shot(page, 'import-unit-04-proofread');
  expect(problems).toEqual([]);
});
