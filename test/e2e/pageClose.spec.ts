/**
 * The report's autosave when the clerk closes or reloads the page inside its delay: the change,
 * a TanStack mutation like every change on the screens, is sent as the page goes (a keepalive
 * request) and is in the year file afterwards.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startBridge, type Bridge } from './bridge';

let bridge: Bridge;
test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-pageclose-', demo: true });
});
test.afterAll(() => bridge?.stop());

const yearFile = () => readFileSync(path.join(bridge.dataDir, 'year-2024.json'), 'utf8');
const saved = (text: string) => yearFile().includes(text);

test('a sentence typed and the page reloaded at once is saved', async ({ page }) => {
  await page.goto(bridge.url);
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  await page.getByRole('navigation', { name: '报告提纲' }).getByText('扎实开展普法宣传').first().click();
  const body = page.locator('.fz-editor-slot:visible .fz-body-editor');
  await body.locator('p').last().click();
  await page.keyboard.press('End');
  // one input event, then away at once: well inside the autosave's delay, so only the save sent
  // as the page goes can carry it
  const sentence = '离开页面前写下的最后一句。';
  await page.keyboard.insertText(sentence);
  expect(saved(sentence)).toBe(false);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect.poll(() => saved(sentence), { timeout: 10_000 }).toBe(true);
  // and the editor opens on it
  await page.getByRole('navigation', { name: '报告提纲' }).getByText('扎实开展普法宣传').first().click();
  await expect(page.locator('.fz-editor-slot:visible .fz-body-editor')).toContainText(sentence);
});
