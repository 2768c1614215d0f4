/**
 * Issue 17, the dialogs: each says what will happen and then that happens; an action that will
 * fail is not offered; messages name things as the clerk knows them. Saved results are read back
 * through the contract (test/e2e/contract.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;
test.beforeEach(async () => {
  bridge = await startBridge({ prefix: 'fz-dialogs-', demo: true });
});
test.afterEach(() => bridge?.stop());

async function nav(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label }).click();
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `dialogs-${name}.png`) });

for (const choice of ['沿用上年正文作草稿', '只保留标题'] as const) {
  test(`新建下一年度 “${choice}”: the dialog offers the choice and the new year is what it said`, async ({ page }) => {
    await page.goto(bridge.url);
    await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
    await page.getByRole('button', { name: /新建下一年度（2025年）/ }).click();
    const ask = page.getByRole('dialog', { name: '新建2025年度？' });
    await expect(ask).toContainText('2024年度报告的提纲会沿用');
    await expect(ask).not.toContainText('报告正文从空白开始');
    await expect(ask).toContainText('“下一年度安排”部分都清空');
    await expect(ask.getByRole('radio', { name: /沿用上年正文作草稿/ })).toBeChecked();
    await ask.getByRole('radio', { name: new RegExp(choice) }).check();
    if (choice === '只保留标题') await shot(page, 'new-year');
    await ask.getByRole('button', { name: /^新\s?建$/ }).click();
    await expect(ask).toBeHidden();

    const report = await contractCall(bridge, 'report.get', { year: 2025 });
    const last = await contractCall(bridge, 'report.get', { year: 2024 });
    const plan = report.parts.find((p) => p.contentItem === 'nextYear')!;
    expect(plan.heading).toContain('2026年');
    expect(plan).toMatchObject({ paragraphs: [], children: [] });
    const text = report.parts.filter((p) => p.contentItem !== 'nextYear').flatMap((p) => [...p.paragraphs, ...p.children.flatMap((c) => c.paragraphs)]);
    if (choice === '只保留标题') expect(text).toEqual([]);
    else expect(text).toEqual(last.parts.filter((p) => p.contentItem !== 'nextYear').flatMap((p) => [...p.paragraphs, ...p.children.flatMap((c) => c.paragraphs)]));
    expect(report.parts.every((p) => p.status === '草稿')).toBe(true);

    // the way to the new year stays where 新建 was, after the toast is gone
    await expect(page.getByText('已新建2025年度')).toBeHidden({ timeout: 20_000 });
    await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
    await expect(page.getByRole('button', { name: /新建下一年度/ })).toHaveCount(0);
    await page.getByRole('button', { name: '转到2025年度' }).click();
    await expect(page.getByRole('heading', { name: '2025年度概览' })).toBeVisible();
    // last year's plan is the checklist beside 举措和成效
    await nav(page, '报告编辑');
    await page.getByRole('tree').getByText(/2025年法治政府建设主要举措和成效/).click();
    await expect(page.getByRole('region', { name: '上年度安排落实情况' }).getByTestId('plan-point')).toHaveCount(3);
  });
}
