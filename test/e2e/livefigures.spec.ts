/**
 * Issue 12 §3 in the browser version: the figures follow a change made anywhere, with no 刷新数值.
 * An activity added in 活动台账 is counted on 概览, printed in 报告编辑's preview and drawn by 图表;
 * a figure typed in 指标录入 moves the rate computed from it, on the same screen, without a reload.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { cliMain, shots, startBridge, type Bridge } from './bridge';
import { pickOption } from './selects';

let bridge: Bridge;
test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-live-', demo: true });
});
test.afterAll(() => bridge?.stop());

/** The figure as the services compute it, read by the CLI (another process) from the data folder. */
function figure(id: string): number {
  const rows = JSON.parse(execFileSync(process.execPath, [cliMain, 'indicators', '--data', bridge.dataDir, '--year', '2024', '--json'], { encoding: 'utf8' })) as Array<{
    id?: string;
    def?: { id: string };
    value: number | null;
  }>;
  return rows.find((r) => (r.def?.id ?? r.id) === id)!.value!;
}

async function nav(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label }).click();
}

async function choose(page: Page, scope: Locator, label: string, text: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(text);
  await pickOption(page, box, text);
}

test('an activity added in the ledger is counted on 概览, in the report and the charts; no 刷新数值', async ({ page }) => {
  const before = figure('pufa-events');
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
  const counts = page.getByText(/^活动台账 \d+ 条，调解案件 \d+ 起$/);
  const ledgerBefore = Number(/活动台账 (\d+) 条/.exec((await counts.textContent())!)![1]);

  await nav(page, '报告编辑');
  const preview = page.getByRole('article', { name: '报告预览' });
  await expect(preview).toContainText(`各类普法宣传活动${before}次`);
  await expect(page.getByRole('button', { name: /刷新数值/ })).toHaveCount(0);

  await nav(page, '活动台账');
  const form = page.getByRole('form', { name: '新增记录' });
  await form.getByRole('textbox', { name: '日期' }).fill('6-18');
  await choose(page, form, '类别', '普法宣传');
  await form.getByRole('textbox', { name: '活动名称' }).fill('法治讲座进校园');
  await form.getByRole('textbox', { name: '活动名称' }).press('Enter');
  await expect(page.getByText(`共 ${ledgerBefore + 1} 条`)).toBeVisible();
  expect(figure('pufa-events')).toBe(before + 1);

  await nav(page, '概览');
  await expect(counts).toContainText(`活动台账 ${ledgerBefore + 1} 条`);

  await nav(page, '报告编辑');
  await expect(preview).toContainText(`各类普法宣传活动${before + 1}次`);
  // the chip in the body shows the figure too
  await page.getByRole('navigation', { name: '报告提纲' }).getByText('扎实开展普法宣传').click();
  await expect(page.locator('.fz-editor-slot:visible .fz-chip').filter({ hasText: '各类普法宣传活动' }).first()).toHaveText(`各类普法宣传活动${before + 1}次`);
  await expect(page.getByRole('button', { name: /刷新数值/ })).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'livefigures-report.png') });

  await nav(page, '图表');
  const villages = page.locator('[data-chart="villages"]');
  await expect(villages).toContainText(/未指定村（社区）\d+ 条/);
});

test('a figure typed in 指标录入 updates the rate that uses it on the same screen, and the report', async ({ page }) => {
  await page.goto(bridge.url);
  await nav(page, '指标录入');
  const rate = page.getByTestId('indicator-enf-exam-pass-rate').getByLabel('执法人员认证考试通过率（自动计算）');
  await expect(rate).toContainText('100');
  const takers = page.getByTestId('indicator-enf-exam-takers').getByRole('textbox', { name: '机关干部参加执法人员认证考试', exact: true });
  await takers.fill('4');
  await takers.press('Enter');
  // the rate is another row, computed by the services: it follows without leaving the screen
  await expect(rate).toContainText('50');
  expect(figure('enf-exam-pass-rate')).toBe(50);
  await nav(page, '报告编辑');
  await expect(page.getByRole('article', { name: '报告预览' })).toContainText('组织4名机关干部参加执法资格认证考试，通过率为50%');
});
