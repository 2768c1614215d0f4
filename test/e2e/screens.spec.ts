/**
 * Issue 17 §3, the scan: every main screen, the ⋮ menu's pages and every part of the report, at
 * 1366 and 1024 wide, shows no placeholder's raw `{{code}}` and no English error text — with the
 * demo year as it is, and again once a figure the report uses is missing and a call fails.
 * Browser version against the built app and a temp data folder seeded with `fazhi demo`.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';
import { expectCleanScreen } from './screenScan';

let bridge: Bridge;

test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-screens-', demo: true });
});
test.afterAll(() => bridge?.stop());

const SCREENS = ['概览', '单位设置', '指标录入', '活动台账', '调解案件', '图表', '报告编辑', '导出'];

async function walk(page: Page, tag: string) {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  for (const screen of SCREENS) {
    await page.getByRole('menuitem', { name: screen }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`^${screen}|${screen}$`) }).first()).toBeVisible();
    await page.waitForTimeout(500); // the screen's queries answer and antd's motion settles
    await expectCleanScreen(page, `${screen} (${tag})`);
  }
  // every part of the report, as the editor and the preview show it
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  const items = page.getByRole('tree').getByRole('treeitem');
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    await items.nth(i).click();
    await page.waitForTimeout(200);
    await expectCleanScreen(page, `报告编辑, outline item ${i} (${tag})`);
  }
  // the ⋮ menu's pages
  for (const item of ['使用说明', '关于法治年报']) {
    await page.getByRole('button', { name: '更多' }).hover();
    await page.getByRole('menuitem', { name: item }).click();
    await page.waitForTimeout(400);
    await expectCleanScreen(page, `${item} (${tag})`);
    await page.keyboard.press('Escape');
  }
}

test('the main screens show no {{code}} and no English error text, at 1366 and at 1024 wide', async ({ page }) => {
  await walk(page, '1366×860');
  await page.setViewportSize({ width: 1024, height: 768 });
  await walk(page, '1024×768');
});

test('with a figure the report uses missing, and a call that fails, still none', async ({ page }) => {
  // the report's figure for 主动公开政务信息 is cleared: every screen names it, never {{open-total}}
  await contractCall(bridge, 'indicators.set', { year: 2024, id: 'open-total', value: null, wording: '' });
  await walk(page, 'figure missing');
  await page.getByRole('menuitem', { name: '导出' }).click();
  await expect(page.getByText(/主动公开政务信息/).first()).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'screens-missing-figure.png') });

  // the bridge answers a call with something that is not the app's answer: the clerk reads Chinese
  await page.route('**/api/ledger.list', (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }));
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(shots, 'screens-failed-call.png') });
  await expectCleanScreen(page, '活动台账 with a failed call');
  await expect(page.getByRole('alert').filter({ hasText: '本机服务' })).toBeVisible();
  // and one that never reaches the bridge (the browser's own "Failed to fetch")
  await page.route('**/api/mediation.list', (route) => route.abort('connectionrefused'));
  await page.getByRole('menuitem', { name: '调解案件' }).click();
  await expect(page.getByText(/无法连接/).first()).toBeVisible();
  await expectCleanScreen(page, '调解案件 with the bridge unreachable');
});
