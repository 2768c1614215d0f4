/**
 * Issue 21 §2 in the browser version: 起草 on a part shows the draft beside its text; the clerk
 * inserts some or all of it, the figures come in as placeholder chips, the inserted paragraphs
 * are counted as 起草未改 until edited, and Ctrl+Z takes the insertion back.
 */
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';

let bridge: Bridge;
test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-draft-', demo: true });
});
test.afterAll(() => bridge?.stop());

test('起草 a sub-part: the draft beside the text, insert all, chips, 起草未改, Ctrl+Z takes it back', async ({ page }) => {
  await page.goto(bridge.url);
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  const outline = page.getByRole('navigation', { name: '报告提纲' });
  await outline.getByText('扎实开展普法宣传').first().click();
  const body = page.locator('.fz-editor-slot:visible .fz-body-editor');
  const before = await body.locator('p').count();

  const panel = page.getByRole('region', { name: '起草' });
  await panel.getByRole('button', { name: '起草本部分' }).click();
  const paras = panel.locator('.fz-draft-para');
  await expect(paras.first()).toContainText('各类普法宣传活动18次');
  await expect(paras.first()).toContainText('12月');
  await page.screenshot({ path: path.join(shots, 'draft-panel.png') });

  // only the second paragraph of the draft: untick the others
  const n = await paras.count();
  expect(n).toBeGreaterThan(0);
  await panel.getByRole('button', { name: '全部插入' }).click();
  await expect(body.locator('p')).toHaveCount(before + n);
  // the figures are chips (placeholders), not typed numbers
  await expect(body.locator('p').last().locator('.fz-chip').first()).toBeVisible();
  await expect(panel.getByTestId('draft-unedited')).toContainText(`${n}段`);

  // Ctrl+Z in the editor takes the insertion back
  await body.click();
  await page.keyboard.press('Control+z');
  await expect(body.locator('p')).toHaveCount(before);
  await expect(panel.getByTestId('draft-unedited')).toHaveCount(0);

  // insert some: the first paragraph only, then edit it: no longer counted as drafted
  await panel.getByRole('button', { name: '起草本部分' }).click();
  for (let i = 1; i < n; i++) await paras.nth(i).click();
  await panel.getByRole('button', { name: '插入所选（1段）' }).click();
  await expect(body.locator('p')).toHaveCount(before + 1);
  await expect(panel.getByTestId('draft-unedited')).toContainText('1段');
  await body.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type('另');
  await expect(panel.getByTestId('draft-unedited')).toHaveCount(0);
});
