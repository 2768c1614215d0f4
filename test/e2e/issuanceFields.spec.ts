/**
 * Issue 17 §2/§3 on the 导出 screen's 报送件 fields (发文字号, 签发人, 抄送机关, 印发机关, 印发日期,
 * 附注, 份号, 紧急程度): each reached by a click into the filled field and by Tab, typed and pasted,
 * then read back through the contract — saved = what the field shows. 印发日期 in every form the
 * README lists; another year's date is kept as shown and named under the field; a date that is
 * not one, and a 份号 the service refuses, are refused at the field with the cursor there, and
 * the export is refused there too (never a file with the value saved before).
 * Browser version against the built app and a temp data folder seeded with `fazhi demo`.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;
test.beforeEach(async () => {
  bridge = await startBridge({ prefix: 'fz-issuance-', demo: true });
});
test.afterEach(() => bridge?.stop());

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `issuance-${name}.png`), fullPage: true });
}

async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

const stored = async () => (await contractCall(bridge, 'report.get', { year: 2024 })).issuance;

async function openSubmit(page: Page) {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '导出' }).click();
  await page.getByText(/^报送件（红头/).click();
  await expect(page.getByRole('textbox', { name: '发文字号' })).toBeVisible();
}

/** The text fields: label → key in the stored 报送件. */
const TEXT = { 发文字号: 'docNumber', 抄送机关: 'cc', 印发机关: 'printer', 附注: 'contact', 份号: 'copyNumber' } as const;

/** Every text field as it shows once the cursor has left it, against what is stored. */
async function savedAsShown(page: Page) {
  const shown = Object.fromEntries(await Promise.all(Object.entries(TEXT).map(async ([label, key]) => [key, await page.getByRole('textbox', { name: label, exact: true }).inputValue()])));
  await expect
    .poll(async () => {
      const s = await stored();
      return Object.fromEntries(Object.values(TEXT).map((k) => [k, s?.[k] ?? '']));
    })
    .toEqual(shown);
}

/** The 签发人 tags as the field shows them. */
const shownSigners = async (page: Page) =>
  (await page.locator('.ant-form-item').filter({ has: page.getByRole('combobox', { name: '签发人' }) }).locator('.ant-select-selection-item').allInnerTexts()).map((t) => t.trim());

test('text fields and 签发人: Tab in and type, click into the filled field and edit, paste; saved = shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openSubmit(page);
  const field = (label: string) => page.getByRole('textbox', { name: label, exact: true });

  // 发文字号: a click into the empty field and typing
  await field('发文字号').click();
  await page.keyboard.type('横街府〔2025〕3号');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await stored())?.docNumber).toBe('横街府〔2025〕3号');

  // 签发人: Tab in and type a name; Tab on takes it as typed (no name is dropped on leaving)
  const signers = page.getByRole('combobox', { name: '签发人' });
  await signers.focus();
  await page.keyboard.type('王建国');
  await page.keyboard.press('Tab');
  await expect.poll(() => shownSigners(page)).toEqual(['王建国']);
  await expect.poll(async () => (await stored())?.signers).toEqual(['王建国']);
  // a pasted list, as written in a 公文 (顿号): one name each
  await signers.click();
  await paste(page, '李卫东、张华');
  await page.keyboard.press('Enter');
  await expect.poll(() => shownSigners(page)).toEqual(['王建国', '李卫东', '张华']);
  await expect.poll(async () => (await stored())?.signers).toEqual(await shownSigners(page));

  // 抄送机关 by Tab from the field before it in the form order, typed
  await field('抄送机关').focus();
  await page.keyboard.type('县委依法治县办，县司法局。');
  // Tab on into 印发机关 and paste, with the spaces a copy brings along: kept trimmed, shown trimmed
  await page.keyboard.press('Tab');
  const printer = field('印发机关');
  if (!(await printer.evaluate((el) => el === document.activeElement))) await printer.focus();
  await paste(page, '  横街镇党政办公室 ');
  await page.keyboard.press('Tab');
  await expect(printer).toHaveValue('横街镇党政办公室');

  // 附注: Tab in, type
  await field('附注').focus();
  await page.keyboard.type('联系人：张明，电话：0571-12345678');
  // 份号 by Tab, typed in full-width digits (an input method's): read as digits, shown as saved
  await page.keyboard.press('Tab');
  await expect(field('份号')).toBeFocused();
  await page.keyboard.type('００００１２');
  await page.keyboard.press('Tab');
  await expect(field('份号')).toHaveValue('000012');
  await savedAsShown(page);

  // a click into the filled 发文字号, the serial edited where the caret is
  await field('发文字号').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('5号');
  await page.keyboard.press('Enter');
  await expect(field('发文字号')).toHaveValue('横街府〔2025〕5号');
  // a click into the full 6-digit 份号 and a digit typed: it shows (the box does not drop it) and is refused there
  await field('份号').click();
  await page.keyboard.press('End');
  await page.keyboard.type('3');
  await expect(field('份号')).toHaveValue('0000123');
  await page.keyboard.press('Tab');
  await expect(field('份号')).toBeFocused();
  await expect(field('份号')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('issuance-refused-copyNumber')).toHaveText('份号只能是1至6位数字');
  await shot(page, 'copy-number-refused');
  expect((await stored())?.copyNumber).toBe('000012');
  // the 附注 changed meanwhile is saved all the same (a refused field does not hold back the others)
  await field('附注').click();
  await page.keyboard.press('End');
  await page.keyboard.type('（值班）');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await stored())?.contact).toBe('联系人：张明，电话：0571-12345678（值班）');
  // leaving asks while the refused value is on screen
  await page.getByRole('menuitem', { name: '概览' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '有输入尚未保存' });
  await expect(ask).toContainText('份号');
  await ask.getByRole('button', { name: '留下继续填写' }).click();
  await field('份号').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('issuance-refused-copyNumber')).toHaveCount(0);
  await savedAsShown(page);
  expect((await stored())?.copyNumber).toBe('12');

  // 紧急程度 chosen by keyboard
  await page.getByRole('combobox', { name: '紧急程度' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const urgency = (await page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '紧急程度' }) }).innerText()).trim();
  expect(['特急', '加急']).toContain(urgency);
  await expect.poll(async () => (await stored())?.urgency).toBe(urgency);

  // everything read again from the file shows as it was left
  await page.reload();
  await page.getByRole('menuitem', { name: '导出' }).click();
  await page.getByText(/^报送件（红头/).click();
  await savedAsShown(page);
  expect(await shownSigners(page)).toEqual((await stored())?.signers);
  await shot(page, 'fields');
});

/** Download count from 导出 Word (the history records each file written). */
const exportsMade = async () => (await contractCall(bridge, 'export.history', { year: 2024 })).length;

test('印发日期: every form the README lists, by click and by Tab; another year named under the field; a bad date refused there and the export with it', async ({ page }) => {
  await openSubmit(page);
  const date = page.getByRole('textbox', { name: '印发日期', exact: true });
  const contact = page.getByRole('textbox', { name: '附注', exact: true });
  const forms: Array<[string, string, string, 'click' | 'tab']> = [
    ['3-15', '2025年3月15日', '2025-03-15', 'click'],
    ['2025.3.5', '2025年3月5日', '2025-03-05', 'tab'],
    ['3月8日', '2025年3月8日', '2025-03-08', 'click'],
    ['２０２５－３－２０', '2025年3月20日', '2025-03-20', 'tab'],
  ];
  for (const [typed, shownAs, iso, how] of forms) {
    if (how === 'click') await date.click(); // the first click selects what the filled field shows
    else {
      await page.getByRole('textbox', { name: '印发机关', exact: true }).focus();
      await page.keyboard.press('Tab');
      await expect(date).toBeFocused();
    }
    await page.keyboard.type(typed);
    await page.keyboard.press('Tab');
    await expect(date).toHaveValue(shownAs);
    await expect.poll(async () => (await stored())?.printDate).toBe(iso);
  }

  // another year's date: kept and shown as typed, and named under the field with its fix
  await date.click();
  await page.keyboard.type('2023-07-01');
  await page.keyboard.press('Enter');
  await expect(date).toHaveValue('2023年7月1日');
  await expect.poll(async () => (await stored())?.printDate).toBe('2023-07-01');
  await expect(page.getByTestId('issuance-check-print-date')).toContainText('早于2024年度结束');
  await shot(page, 'print-date-other-year');
  await page.getByTestId('issuance-check-print-date').getByRole('button', { name: '改为导出当天' }).click();
  await expect(date).toHaveValue('');
  await expect.poll(async () => (await stored())?.printDate).toBe('');
  await date.click();
  await page.keyboard.type('2025-3-20');
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await stored())?.printDate).toBe('2025-03-20');

  // a date that is not one: the reason at the field, what was typed kept, nothing saved
  await date.click();
  await page.keyboard.type('2025-2-30');
  await page.keyboard.press('Tab');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveValue('2025-2-30');
  await expect(page.locator('.fz-cn-date').filter({ has: date }).getByRole('alert')).toContainText('不是有效的日期');
  expect((await stored())?.printDate).toBe('2025-03-20');
  // and the export: refused with the field named, the cursor back in it, no file made
  const before = await exportsMade();
  let downloads = 0;
  page.on('download', () => void (downloads += 1));
  await contact.click();
  await page.getByRole('button', { name: '导出征求意见稿' }).click();
  await expect(page.getByText('报送件“印发日期”：')).toBeVisible();
  await expect(date).toBeFocused();
  await shot(page, 'print-date-refused');
  expect(downloads).toBe(0);
  expect(await exportsMade()).toBe(before);
  // typed right, the export goes ahead with the date the field shows
  await page.keyboard.type('2025年3月22日');
  await page.keyboard.press('Tab');
  await expect(date).toHaveValue('2025年3月22日');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出征求意见稿' }).click();
  await downloading;
  expect((await stored())?.printDate).toBe('2025-03-22');
  await expect.poll(exportsMade).toBe(before + 1);
});
