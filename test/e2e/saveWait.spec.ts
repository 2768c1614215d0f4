/**
 * Issue 23: a save held up by another program (on Windows: a virus scanner, WPS, OneDrive holding
 * the year file, so MoveFileEx fails with EPERM) shows "正在等待其他程序释放文件…" above the screen,
 * not a failure and not a spinner that looks stuck; once the file is let go, the entry is saved and
 * the notice goes away by itself. The bridge runs as on Windows (test/store/windowsPreload.cjs):
 * renames onto year-2024.json fail while a "held" marker exists, which the test removes only after
 * the clerk has been told.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliMain, root, shots, startBridge, type Bridge } from './bridge';

let bridge: Bridge;
let held = '';

test.beforeAll(async () => {
  held = path.join(mkdtempSync(path.join(tmpdir(), 'fz-held-')), 'held-by-wps');
  bridge = await startBridge({
    prefix: 'fz-wait-',
    demo: true,
    nodeArgs: ['--require', path.join(root, 'test/store/windowsPreload.cjs')],
    env: { FAZHI_FAKE: JSON.stringify({ renameFail: [{ match: 'year-2024.json', code: 'EPERM', whileFile: held }] }) },
  });
});

test.afterAll(() => {
  bridge?.stop();
  rmSync(path.dirname(held), { recursive: true, force: true });
});

test('a ledger entry saved while another program holds the year file: the clerk is told it waits, then it is saved', async ({ page }) => {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  const form = page.getByRole('form', { name: '新增记录' });
  await form.getByRole('textbox', { name: '日期' }).click();
  await page.keyboard.type('6-18');
  await page.keyboard.press('Tab');
  await page.keyboard.type('普法宣传');
  await page.keyboard.press('Tab');
  await page.keyboard.type('文件被占用时录入的活动');

  writeFileSync(held, '');
  await page.keyboard.press('Enter');
  const notice = page.getByTestId('save-wait');
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText('正在等待其他程序释放文件');
  await expect(notice).toContainText('year-2024.json');
  await page.screenshot({ path: path.join(shots, 'save-wait.png') });
  // still waiting, not failed: nothing says the save went wrong
  await expect(page.getByText(/保存失败|无法保存/)).toHaveCount(0);

  rmSync(held);
  await expect(page.getByRole('status').filter({ hasText: '已添加 1 条' })).toBeVisible({ timeout: 30_000 });
  await expect(notice).toHaveCount(0);
  const stored = JSON.parse(execFileSync(process.execPath, [cliMain, 'ledger', 'list', '--data', bridge.dataDir, '--year', '2024', '--json'], { encoding: 'utf8' })) as Array<{ title: string; date: string }>;
  expect(stored.filter((e) => e.title === '文件被占用时录入的活动').map((e) => e.date)).toEqual(['2024-06-18']);
});
