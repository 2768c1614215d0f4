/**
 * Issue 17, the dialogs: each says what will happen and then that happens; an action that will
 * fail is not offered; messages name things as the clerk knows them. Saved results are read back
 * through the contract (test/e2e/contract.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';
import { dropdownOf } from './selects';

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
    // the newest year, long past its due day (the clock says 2026) and never exported: overdue
    await expect(page.getByText('已超过截止日期')).toBeVisible();
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
    // 2024 is now a year gone by: said so, no red count of days
    await expect(page.getByTestId('deadline-status')).toContainText('往年度');
    await expect(page.getByText('已超过截止日期')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /新建下一年度/ })).toHaveCount(0);
    await page.getByRole('button', { name: '转到2025年度' }).click();
    await expect(page.getByRole('heading', { name: '2025年度概览' })).toBeVisible();
    // last year's plan is the checklist beside 举措和成效
    await nav(page, '报告编辑');
    await page.getByRole('tree').getByText(/2025年法治政府建设主要举措和成效/).click();
    const panel = page.getByRole('region', { name: '上年度安排落实情况' });
    await expect(panel.getByTestId('plan-point')).toHaveCount(3);
    // where 未完成 points go is said before any is marked, and leads there once one is
    await expect(panel.getByTestId('plan-unfinished-hint')).toContainText('存在的不足和原因');
    await panel.getByTestId('plan-point').nth(1).getByText('未完成', { exact: true }).click();
    await expect(panel.getByTestId('plan-unfinished-hint')).toContainText('已有1项标为“未完成”');
    await panel.getByRole('button', { name: '转到“存在的不足和原因”' }).click();
    await expect(page.getByRole('region', { name: '上年度未完成的安排' })).toBeVisible();
  });
}

test('导出: a final export that would fail is not offered; the missing figure is named as in 指标录入, never {{code}}', async ({ page }) => {
  // a figure the report quotes ({{honors}}, 获评…) left empty: the final export cannot print it
  const honors = (await contractCall(bridge, 'indicators.list', { year: 2024 })).find((r) => r.def.id === 'honors')!;
  await contractCall(bridge, 'indicators.set', { year: 2024, id: 'honors', value: null });
  await page.goto(bridge.url);
  await nav(page, '导出');
  const missing = page.getByTestId('export-missing');
  await expect(missing).toContainText(`“${honors.def.name}”`);
  const final = page.getByRole('button', { name: /导出 Word/ });
  await expect(final).toBeDisabled();
  await expect(page.getByRole('button', { name: '仍然导出' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '导出征求意见稿' })).toBeEnabled();
  await expect(page.getByTestId('export-proofread')).toContainText(honors.def.name);
  await expect(page.locator('body')).not.toContainText('{{');
  await shot(page, 'export-missing');
  // 去指标录入 leads to the figure; once typed, the final export is offered again
  await missing.getByRole('button', { name: '去指标录入' }).click();
  await expect(page.getByRole('heading', { name: /指标录入/ })).toBeVisible();
  await contractCall(bridge, 'indicators.set', { year: 2024, id: 'honors', value: 1 });
  await nav(page, '导出');
  await expect(page.getByTestId('export-missing')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /导出 Word/ })).toBeEnabled();
});

test('插入指标数值: typing 合法性审查 and Enter takes 合法性审查事项, the closest name', async ({ page }) => {
  await page.goto(bridge.url);
  await nav(page, '报告编辑');
  await page.getByRole('navigation', { name: '报告提纲' }).getByText(/主要举措和成效/).first().click();
  await page.locator('.fz-body-editor').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('另审查');
  const pick = page.getByRole('combobox', { name: '选择指标' });
  await pick.click();
  await pick.pressSequentially('合法性审查');
  await expect((await dropdownOf(page, pick)).locator('.ant-select-item-option').first()).toContainText('合法性审查事项');
  await pick.press('Enter');
  await expect(page.locator('.fz-picker .ant-select')).toContainText('合法性审查事项');
  await page.getByRole('button', { name: /^(number )?插入$/ }).click();
  await expect(page.getByText('已保存').first()).toBeVisible({ timeout: 15_000 });
  await expect
    .poll(async () => JSON.stringify(await contractCall(bridge, 'report.get', { year: 2024 })))
    .toContain('另审查{{legality-review}}');
});
