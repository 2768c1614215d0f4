/**
 * Issue 17 §2, the year boxes of the welcome screen (创建单位) and of the screen shown when a unit
 * has no year (新建年度): the box shows exactly the year that will be created. Full-width digits
 * and a year written in words (二〇二五) are read; text that is no year is never replaced by the
 * year shown before — the action is refused with the reason at the box, the cursor goes there,
 * and nothing is written (read back through the contract).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;
test.beforeEach(async () => {
  bridge = await startBridge({ prefix: 'fz-yearfields-' });
});
test.afterEach(() => bridge?.stop());

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `yearfields-${name}.png`) });
};

async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

/** The action is refused at the box: the reason under it, the cursor in it, the text as typed. */
async function refusedAt(page: Page, box: Locator, typed: string) {
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(typed);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  const reason = page.locator(`[id="${await box.getAttribute('aria-describedby')}"]`);
  await expect(reason).toHaveText(/^年度应为四位数字|^年度应在/);
}

test('创建单位: the year box reads 二〇二五 and full-width digits; 20255, letters and a blank are refused at the box; what it shows is created', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(bridge.url);
  await expect(page.getByText('欢迎使用法治年报')).toBeVisible();
  // 创建单位 with the names left empty: refused, the cursor in the first one, its reason under it
  await page.getByRole('button', { name: /创建单位/ }).click();
  await expect(page.getByRole('textbox', { name: '单位简称' })).toBeFocused();
  await expect(page.getByText('请填写单位简称')).toBeVisible();
  expect(await contractCall(bridge, 'unit.get', {})).toBeNull();
  await page.getByRole('textbox', { name: '单位简称' }).fill('青石镇');
  await page.getByRole('textbox', { name: '单位全称' }).fill('青石镇人民政府');
  const year = page.getByRole('spinbutton', { name: '报告年度' });
  const create = page.getByRole('button', { name: /创建单位/ });
  await expect(year).toHaveValue(/^\d{4}$/);

  // Tab into the filled box and type: replaces; a year in words is read and shown as digits
  await page.getByRole('textbox', { name: '单位全称' }).click();
  await page.keyboard.press('Shift+Tab'); // 单位简称
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // the kind select
  await page.keyboard.press('Tab');
  await expect(year).toBeFocused();
  await page.keyboard.type('二〇二五年');
  await page.keyboard.press('Tab');
  await expect(year).toHaveValue('2025');

  // a click into the filled box puts the caret; a digit more is five digits: refused at the box
  await year.click();
  await page.keyboard.press('End');
  await page.keyboard.type('5');
  await create.click();
  await refusedAt(page, year, '20255');
  await shot(page, 'welcome-refused');
  expect(await contractCall(bridge, 'unit.get', {})).toBeNull();

  // letters: the same
  await page.keyboard.press('Control+a');
  await page.keyboard.type('abcd');
  await page.keyboard.press('Enter'); // Enter submits the form
  await refusedAt(page, year, 'abcd');
  expect(await contractCall(bridge, 'unit.get', {})).toBeNull();

  // a blank box is no year either (the year before is not put back)
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await create.click();
  await refusedAt(page, year, '');
  expect(await contractCall(bridge, 'unit.get', {})).toBeNull();

  // pasted in full-width digits: read, shown as digits, and that year is created
  await paste(page, '２０２３');
  await page.keyboard.press('Tab');
  await expect(year).toHaveValue('2023');
  await expect(year).not.toHaveAttribute('aria-invalid', 'true');
  await create.click();
  await expect(page.getByRole('heading', { name: '2023年度概览' })).toBeVisible();
  expect((await contractCall(bridge, 'years.list', {})).map((y) => y.year)).toEqual([2023]);
  expect((await contractCall(bridge, 'unit.get', {}))!.fullName).toBe('青石镇人民政府');
});

test('尚无年度数据: 新建年度 creates the year the box shows; 20x5 is refused at the box, nothing created', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await contractCall(bridge, 'unit.save', { unit: { shortName: '青石镇', fullName: '青石镇人民政府', kind: '镇', villages: [] } });
  await page.goto(bridge.url);
  await expect(page.getByText('尚无年度数据')).toBeVisible();
  const year = page.getByRole('spinbutton', { name: '报告年度' });
  const create = page.getByRole('button', { name: '新建年度' });

  // a click into the filled box, the year edited to text that is no year: refused, the cursor back in the box
  await year.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('x5');
  const typed = await year.inputValue();
  expect(typed).toMatch(/^\d\dx5$/);
  await create.click();
  await refusedAt(page, year, typed);
  await shot(page, 'noyear-refused');
  expect(await contractCall(bridge, 'years.list', {})).toEqual([]);

  // typed over (the box has the cursor, its text selected) in full-width digits, then Enter and 新建年度
  await page.keyboard.type('２０２４');
  await page.keyboard.press('Enter');
  await expect(year).toHaveValue('2024');
  await create.click();
  await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
  expect((await contractCall(bridge, 'years.list', {})).map((y) => y.year)).toEqual([2024]);
});
