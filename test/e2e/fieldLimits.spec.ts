/**
 * Issue 17 §2 at a text field's length bound: a key typed into a full field, or a paste longer than
 * the room left, is not dropped without a word. The field counts as the text nears its bound, names
 * what did not go in, and what it shows is what is saved (read back through the contract).
 * Browser version against the built app on demo data.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { LIMITS } from '../../src-shared/domain/limits';
import { ISSUANCE_LIMITS } from '../../src-shared/domain/issuanceVocabulary';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;
test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-limits-', demo: true });
});
test.afterAll(() => bridge?.stop());

async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

/** The count/sign antd shows inside the field's frame. */
const countOf = (page: Page, label: string) =>
  page.locator('.ant-input-affix-wrapper').filter({ has: page.getByRole('textbox', { name: label, exact: true }) }).locator('.ant-input-show-count-suffix');

test('抄送机关 and 发文字号: a paste longer than the room and a key into a full field are named at the field; saved = shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '导出' }).click();
  await page.getByText(/^报送件（红头/).click();

  // a list of 34 offices pasted from a Word table: 441 characters for a field of 400
  const offices = Array.from({ length: 34 }, (_, i) => `县第${String(i + 1).padStart(2, '0')}号派出机构办公室`).join('，');
  expect(offices.length).toBeGreaterThan(ISSUANCE_LIMITS.cc);
  const cc = page.getByRole('textbox', { name: '抄送机关', exact: true });
  await cc.click();
  await paste(page, offices);
  const cut = offices.length - ISSUANCE_LIMITS.cc;
  await expect(countOf(page, '抄送机关')).toHaveText(`已满${ISSUANCE_LIMITS.cc}字，${cut}字未能输入`);
  await expect(cc).toHaveValue(offices.slice(0, ISSUANCE_LIMITS.cc));
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, 'limits-cc.png') });
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await contractCall(bridge, 'report.get', { year: 2024 })).issuance?.cc).toBe(offices.slice(0, ISSUANCE_LIMITS.cc));
  // the sign stays after leaving: it goes once the text no longer fills the field
  await expect(countOf(page, '抄送机关')).toContainText('字未能输入');
  await cc.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(countOf(page, '抄送机关')).toHaveText(`${ISSUANCE_LIMITS.cc - 1}/${ISSUANCE_LIMITS.cc}`);

  // 发文字号: the count shows as the text nears the bound; the key that does not fit is named
  const number = page.getByRole('textbox', { name: '发文字号', exact: true });
  await number.click();
  await number.fill('');
  await expect(countOf(page, '发文字号')).toHaveText('');
  const long = '横街镇人民政府办公室关于印发法治政府建设年度报告的通知第'; // 28 characters
  await page.keyboard.type(long);
  await expect(countOf(page, '发文字号')).toHaveText('');
  await page.keyboard.type('二〇二五年度第一二三号文件');
  const typed = `${long}二〇二五年度第一二三号文件`;
  const kept = typed.slice(0, ISSUANCE_LIMITS.docNumber);
  await expect(number).toHaveValue(kept);
  await expect(countOf(page, '发文字号')).toHaveText(`已满${ISSUANCE_LIMITS.docNumber}字，1字未能输入`);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await contractCall(bridge, 'report.get', { year: 2024 })).issuance?.docNumber).toBe(kept);
});

test('活动名称: typed past its bound, the field says so; the entry is saved with the name it shows', async ({ page }) => {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  const form = page.getByRole('form', { name: '新增记录' });
  await form.getByRole('textbox', { name: '日期' }).fill('6-18');
  const category = form.getByRole('combobox', { name: '类别' });
  await category.focus();
  await page.keyboard.type('普法宣传');
  await page.keyboard.press('Enter');
  const title = form.getByRole('textbox', { name: '活动名称' });
  const name = '“民法典进村居”'.padEnd(LIMITS.ledgerTitle - 2, '宣传');
  await title.fill(name);
  await title.press('End');
  await page.keyboard.type('讲座');
  await expect(countOf(page, '活动名称')).toHaveText(`${LIMITS.ledgerTitle}/${LIMITS.ledgerTitle}`);
  await page.keyboard.type('一场');
  await expect(countOf(page, '活动名称')).toHaveText(`已满${LIMITS.ledgerTitle}字，1字未能输入`);
  const shown = await title.inputValue();
  expect(shown).toBe(`${name}讲座`);
  await form.getByRole('button', { name: /保存/ }).click();
  await expect.poll(async () => (await contractCall(bridge, 'ledger.list', { year: 2024 })).some((e) => e.title === shown)).toBe(true);
  // the form is empty for the next entry, and so is its sign
  await expect(title).toHaveValue('');
  await expect(countOf(page, '活动名称')).toHaveText('');
});
