/**
 * Issue 17: what a field shows is what is saved, on every form and by every path a person takes
 * into a field — a click into a filled field and typing, Tab into it and typing, the cursor that
 * comes back after a save. Each saved record is read back through the service contract (the
 * bridge's /api, as the screens call it) and compared with what the field showed.
 * Browser version against the built app and a temp data folder seeded with `fazhi demo`.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';
import { dropdownOf } from './selects';

let bridge: Bridge;

test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-forms-', demo: true });
});
test.afterAll(() => bridge?.stop());

interface Entry {
  id: string;
  date: string;
  title?: string;
  note?: string;
}

/** What the year holds, read back through the contract (the same door the screens use). */
const list = async (method: 'ledger.list' | 'mediation.list'): Promise<Entry[]> => (await contractCall(bridge, method, { year: 2024 })) as Entry[];

async function open(page: Page, screen: string) {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: screen }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^${screen}`) })).toBeVisible();
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `forms-${name}.png`) });
}

/** A select filled from the keyboard: type the option's name, Tab takes it and moves on. */
async function choose(page: Page, select: Locator, option: string) {
  await select.focus();
  await page.keyboard.type(option);
  await expect((await dropdownOf(page, select)).locator('.ant-select-item-option-active').filter({ hasText: option })).toHaveCount(1);
  await page.keyboard.press('Tab');
}

/** The README's ways of writing a date, typed into a filled field; each must save as the field then shows it. */
const README_DATES: Array<[string, string]> = [
  ['3-15', '2024-03-15'],
  ['2024.3.5', '2024-03-05'],
  ['3月5日', '2024-03-05'],
  ['３－１５', '2024-03-15'],
  ['2024-03-05', '2024-03-05'],
  ['2024年7月1日', '2024-07-01'],
  ['8-8', '2024-08-08'],
];

/** How the cursor reaches the filled date field before the typing. */
type Path = 'click' | 'tab' | 'after-save';

for (const screen of ['活动台账', '调解案件'] as const) {
  const ledger = screen === '活动台账';
  const listMethod = ledger ? ('ledger.list' as const) : ('mediation.list' as const);
  const textField = ledger ? '活动名称' : '简要情况';
  const noteOf = (e: Entry) => (ledger ? e.title : e.note);
  /** the fields besides 日期 (活动台账 keeps its 类别 for the next row; 调解案件 keeps only the date) */
  const fillRest = async (page: Page, form: Locator, title: string, first = false) => {
    if (ledger && first) await choose(page, form.getByRole('combobox', { name: '类别' }), '普法宣传');
    if (!ledger) {
      await choose(page, form.getByRole('combobox', { name: '纠纷类型' }), '婚姻家庭');
      await choose(page, form.getByRole('combobox', { name: '调解结果' }), '成功');
    }
    await form.getByRole('textbox', { name: textField }).fill(title);
  };

  test(`${screen}: a date typed into the filled 日期 field is saved as shown, by click, by Tab and after a save`, async ({ page }) => {
    await open(page, screen);
    const form = page.getByRole('form', { name: '新增记录' });
    const date = form.getByRole('textbox', { name: '日期' });
    const text = form.getByRole('textbox', { name: textField });
    // a first entry, so the date field is filled (it keeps the last date for the next row)
    await date.fill('6-1');
    await fillRest(page, form, `${screen}日期核对-起始`, true);
    await text.press('Enter');
    await expect(form.getByRole('status')).toContainText('已添加 1');
    await expect(date).toHaveValue('2024-06-01');

    let saved = 1;
    const paths: Path[] = ['click', 'tab', 'after-save'];
    for (const [i, [typed, want]] of README_DATES.entries()) {
      const way = paths[i % paths.length]!;
      await expect(date).not.toHaveValue(''); // the field is filled with the last date
      if (way === 'click') await date.click();
      else if (way === 'tab') {
        await text.focus();
        // back through the selects to the first field, as a person does with Shift+Tab
        for (let k = 0; k < 8 && !(await date.evaluate((el) => el === document.activeElement)); k++) await page.keyboard.press('Shift+Tab');
      } // after-save: the cursor is already back in 日期 with its text selected
      await expect(date).toBeFocused();
      await page.keyboard.type(typed);
      await page.keyboard.press('Tab');
      // what the field shows once the cursor has left it
      const shown = await date.inputValue();
      expect(shown, `${way}: ${typed}`).toBe(want);
      const title = `${screen}日期核对-${i}`;
      await fillRest(page, form, title);
      await text.press('Enter');
      saved++;
      await expect(form.getByRole('status')).toContainText(`已添加 ${saved}`);
      const rows = await list(listMethod);
      const row = rows.find((r) => noteOf(r) === title);
      expect(row?.date, `${way}: ${typed}`).toBe(shown);
      if (way !== 'after-save') await expect(date).toBeFocused();
    }
    await shot(page, `${ledger ? 'ledger' : 'case'}-dates`);
  });

  test(`${screen}: a date that is not one, or of another year, is refused at the field and the cursor goes there`, async ({ page }) => {
    await open(page, screen);
    const before = (await list(listMethod)).length;
    const form = page.getByRole('form', { name: '新增记录' });
    const date = form.getByRole('textbox', { name: '日期' });
    await date.fill('6-1');
    await fillRest(page, form, `${screen}错误日期核对`, true);
    const last = form.getByRole('textbox', { name: ledger ? '备注' : textField });
    for (const [typed, message] of [
      ['8-8x', '不是日期'],
      ['2-30', '这个月没有这一天'],
      ['2023-07-01', '2023年的日期不在2024年度内'],
    ] as const) {
      await date.click();
      await page.keyboard.type(typed);
      await last.click();
      await page.keyboard.press('Enter');
      // the reason under 日期 (antd ties it to the field: aria-invalid, #date_help)
      await expect(form.locator('#date_help')).toContainText(message);
      await expect(date).toHaveAttribute('aria-invalid', 'true');
      await expect(date).toBeFocused();
      await expect(date).toHaveValue(typed); // what was typed is kept, not swapped for the old date
      if (typed === '2023-07-01') await shot(page, `${ledger ? 'ledger' : 'case'}-other-year`);
      expect(await list(listMethod)).toHaveLength(before);
    }
    // typed over once more (the refused text is selected), it saves
    await page.keyboard.type('7-1');
    await last.press('Enter');
    await expect(form.getByRole('status')).toContainText('已添加 1');
    const rows = await list(listMethod);
    expect(rows.find((r) => noteOf(r) === `${screen}错误日期核对`)?.date).toBe('2024-07-01');
  });
}

test('a new entry among many is brought into view and marked', async ({ page }) => {
  await open(page, '活动台账');
  const count = (await list('ledger.list')).length;
  expect(count).toBeGreaterThan(40); // the demo's year: far more rows than the table shows at once
  const form = page.getByRole('form', { name: '新增记录' });
  // the earliest date of the year sorts it to the end of the newest-first table
  await form.getByRole('textbox', { name: '日期' }).fill('1-1');
  await choose(page, form.getByRole('combobox', { name: '类别' }), '普法宣传');
  await form.getByRole('textbox', { name: '活动名称' }).fill('年初第一场普法活动');
  await form.getByRole('textbox', { name: '活动名称' }).press('Enter');
  const row = page.getByRole('table', { name: '活动台账' }).getByRole('row').filter({ hasText: '年初第一场普法活动' });
  await expect(row).toBeInViewport();
  await expect(row).toHaveClass(/row-just-saved/);
  await shot(page, 'new-row-revealed');
});

test('leaving a screen with a row typed and not saved asks first; staying keeps it', async ({ page }) => {
  await open(page, '活动台账');
  const form = page.getByRole('form', { name: '新增记录' });
  await form.getByRole('textbox', { name: '活动名称' }).fill('还没保存的活动');
  await page.getByRole('menuitem', { name: '概览' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '有输入尚未保存' });
  await expect(ask).toContainText('正在录入的一条台账记录');
  await shot(page, 'leave-asks');
  await ask.getByRole('button', { name: '留下继续填写' }).click();
  await expect(ask).toBeHidden();
  await expect(form.getByRole('textbox', { name: '活动名称' })).toHaveValue('还没保存的活动');
  await expect(page.getByRole('heading', { name: /^活动台账/ })).toBeVisible();
  // saying leave, it leaves
  await page.getByRole('menuitem', { name: '概览' }).click();
  await page.getByRole('dialog').filter({ hasText: '有输入尚未保存' }).getByRole('button', { name: '不保存，离开' }).click();
  await expect(page.getByRole('heading', { name: /^活动台账/ })).toBeHidden();
});
