/**
 * Start-up asks for 概览's reads before 概览 is drawn (useBoot → prefetchOverview), and the first
 * screen that shows one takes that answer instead of asking again. 报告编辑 opens only on reads made
 * after it mounted (the CLI may have written since). A clerk who goes to 报告编辑 before 概览 has
 * shown everything (a slow PC; 概览 still waiting for its answer) used to meet one of those early
 * answers there: nothing was asked again, and 报告编辑 said 正在读取报告… for ever.
 */
import { expect, test } from '@playwright/test';
import { startBridge, type Bridge } from './bridge';

let bridge: Bridge;
test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-early-', demo: true });
});
test.afterAll(() => bridge?.stop());

test('报告编辑 chosen while 概览 is still waiting for its answer opens the report', async ({ page }) => {
  // 概览's own answer held back, as on a busy PC: the early read of the indicators' names is
  // answered, 概览 never gets to show what uses it
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/api/overview.get', async (route) => {
    await held;
    await route.continue();
  });
  const indicatorsAnswered = page.waitForResponse((r) => r.url().includes('/api/indicators.list'));
  await page.goto(bridge.url);
  await indicatorsAnswered;
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  await expect(page.getByRole('navigation', { name: '报告提纲' }).getByText('扎实开展普法宣传').first()).toBeVisible({ timeout: 20_000 });
  release();
  // and back on 概览, its answer is shown
  await page.getByRole('menuitem', { name: '概览' }).click();
  await expect(page.getByText('报送期限').first()).toBeVisible();
});
