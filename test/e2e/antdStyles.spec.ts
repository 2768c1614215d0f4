/**
 * antd's stylesheet in two parts (vite.config.ts, src-renderer/laterStyles.ts): 概览 opens with the
 * first part only; the rest comes in after it, before the app's own rules; a screen opened at once
 * is drawn with its antd styles, never without.
 */
import { expect, test } from '@playwright/test';
import { startBridge, type Bridge } from './bridge';

let bridge: Bridge;
test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-antdstyles-', demo: true });
});
test.afterAll(() => bridge?.stop());

const laterRequested = (urls: string[]) => urls.some((u) => /\/assets\/antd-later-[^/]+\.css$/.test(u));

test('概览 is styled by the first part; the later part comes in after it, ahead of the app’s own stylesheet', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(bridge.url);
  await expect(page.getByText('报送期限')).toBeVisible();
  // the first screen's antd components are styled by the first part: the year selector, a card's tag
  const select = page.locator('.ant-select').first();
  await expect(select).toHaveCSS('border-top-style', 'solid');
  // …and the later part arrives once 概览 is up, placed before the entry's stylesheet
  await expect.poll(() => laterRequested(urls)).toBe(true);
  const order = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname.split('/').pop()!));
  expect(order[0]).toMatch(/^antd-later-/);
  expect(order[1]).toMatch(/^index-/);
});

test('a screen opened at once waits for its styles: 活动台账’s inputs are antd’s from the first frame it shows', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(bridge.url);
  // straight on, before the page has been idle
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  await expect(page.getByPlaceholder('搜索标题、备注、村名')).toBeVisible();
  expect(laterRequested(urls)).toBe(true);
  // an antd input of the later part: its border and radius, not the browser's default inset field
  const border = await page.getByPlaceholder('搜索标题、备注、村名').evaluate((input) => {
    const box = input.closest('.ant-input-affix-wrapper') ?? input;
    const cs = getComputedStyle(box);
    return `${cs.borderTopStyle} ${cs.borderTopWidth} ${cs.borderTopLeftRadius}`;
  });
  expect(border).toBe('solid 1px 4px');
});
