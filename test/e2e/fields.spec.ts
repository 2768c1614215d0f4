/**
 * Issue 17 §2/§3 on the forms forms.spec.ts does not cover (指标录入, 自定义指标, 单位设置's text
 * fields, 落款): every way a person gets into a field — a click into a filled field, Tab, Shift+Tab,
 * Enter, a paste — then what is saved, read back through the contract, equals what the field shows.
 * A value that cannot be read is refused at its field, the cursor stays there, and leaving asks.
 * Browser version against the built app and a temp data folder seeded with `fazhi demo`.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;

test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-fields-', demo: true });
});
test.afterAll(() => bridge?.stop());

async function open(page: Page, screen: string) {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: screen }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^${screen}`) })).toBeVisible();
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `fields-${name}.png`) });
}

async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

const indicators = () => contractCall(bridge, 'indicators.list', { year: 2024 });

test('指标录入: click, Tab, Shift+Tab, Enter and paste into filled figures and wordings; saved = shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '指标录入');
  const manual = (await indicators()).filter((r) => !r.computed && r.value !== null);
  expect(manual.length).toBeGreaterThanOrEqual(3);
  const [a, b, c] = manual as [(typeof manual)[0], (typeof manual)[0], (typeof manual)[0]];
  const value = (id: string) => page.getByTestId(`indicator-${id}`).getByRole('textbox', { name: manual.find((r) => r.def.id === id)!.def.name, exact: true });
  const wording = (id: string) => page.getByTestId(`indicator-${id}`).getByRole('textbox', { name: /的表述$/ });

  /** each field as it shows once the cursor has left it, against the stored row */
  async function savedAsShown(id: string) {
    const shownValue = (await value(id).inputValue()).replace(/,/g, '');
    const shownWording = await wording(id).inputValue();
    await expect
      .poll(async () => {
        const row = (await indicators()).find((r) => r.def.id === id)!;
        return [row.value === null ? '' : String(row.value), row.wording];
      })
      .toEqual([shownValue, shownWording]);
    // and the fields still show it (an earlier save's late answer does not overwrite them)
    await expect(wording(id)).toHaveValue(shownWording);
    expect((await value(id).inputValue()).replace(/,/g, '')).toBe(shownValue);
  }

  // a click into a filled figure puts the caret at the end: the typed digit is added, as shown
  await value(a.def.id).click();
  await page.keyboard.press('End');
  await page.keyboard.type('0');
  await expect(value(a.def.id)).toHaveValue(`${a.value}0`);
  // Tab on to its wording (Tab selects what is there): typing replaces it
  await page.keyboard.press('Tab');
  await expect(wording(a.def.id)).toBeFocused();
  await page.keyboard.type(' 近百 ');
  await page.keyboard.press('Tab');
  await expect(wording(a.def.id)).toHaveValue('近百'); // the field shows what is stored: trimmed
  await savedAsShown(a.def.id);

  // Shift+Tab from a wording back into the figure selects it; typing replaces; Enter saves and moves on
  await wording(b.def.id).click();
  await page.keyboard.press('Shift+Tab');
  await expect(value(b.def.id)).toBeFocused();
  await page.keyboard.type('１２'); // full-width, as an input method types it
  await page.keyboard.press('Enter');
  await expect(value(b.def.id)).toHaveValue('12');
  await savedAsShown(b.def.id);

  // a paste over the selected figure
  await value(c.def.id).focus();
  await value(c.def.id).selectText();
  await paste(page, '3６');
  await page.keyboard.press('Tab');
  await expect(value(c.def.id)).toHaveValue('36');
  await savedAsShown(c.def.id);

  // a figure that does not read: refused at the field, the cursor stays, nothing saved, leaving asks
  const before = (await indicators()).find((r) => r.def.id === c.def.id)!.value;
  await value(c.def.id).click();
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await expect(value(c.def.id)).toBeFocused();
  await expect(value(c.def.id)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId(`indicator-${c.def.id}`).getByRole('alert')).toBeVisible();
  await shot(page, 'indicator-refused');
  expect((await indicators()).find((r) => r.def.id === c.def.id)!.value).toBe(before);
  await page.getByRole('menuitem', { name: '概览' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '有输入尚未保存' });
  await expect(ask).toContainText(c.def.name);
  await ask.getByRole('button', { name: '留下继续填写' }).click();
  await expect(ask).toBeHidden();
  await value(c.def.id).fill('37');
  await value(c.def.id).press('Tab');
  await savedAsShown(c.def.id);
});

test('自定义指标: typed and chosen by keyboard; a refusal puts the cursor on the refused field; saved = shown', async ({ page }) => {
  await open(page, '指标录入');
  await page.getByRole('button', { name: '新增自定义指标' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新增自定义指标' });
  const name = dialog.getByRole('textbox', { name: '指标名称' });
  await expect(name).toBeFocused();
  await page.keyboard.type('  法律明白人入户走访  ');
  // Enter before a measure is chosen: the service refuses, the cursor goes to 计量单位
  await page.keyboard.press('Enter');
  const measure = dialog.getByRole('radiogroup', { name: '计量单位' });
  await expect(measure.locator('input').first()).toBeFocused();
  // the message at the field asks for a choice; it does not refuse a value nobody typed
  await expect(dialog.getByText('计量单位尚未选择', { exact: true })).toBeVisible();
  await shot(page, 'custom-refused');
  // the arrow keys choose within the group
  await page.keyboard.press('ArrowRight');
  const chosen = await measure.locator('.ant-radio-button-wrapper-checked').innerText();
  // back to the name with Shift+Tab and Enter adds it
  await name.click();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const unit = (await contractCall(bridge, 'unit.get', {}))!;
  const def = unit.customIndicators.at(-1)!;
  expect([def.name, def.measure]).toEqual(['法律明白人入户走访', chosen.trim()]);
  await expect(page.getByTestId(`indicator-${def.id}`)).toContainText('法律明白人入户走访');
});

test('单位设置 text fields: click, Tab, Shift+Tab and paste; what is stored is what each field shows', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '单位设置');
  const field = (name: string) => page.getByRole('textbox', { name, exact: true });
  // a click into a filled field and typing edits it where the caret is
  await field('单位全称').click();
  await page.keyboard.press('End');
  await page.keyboard.type('（试）');
  // Tab on into 主送机关 and type
  await page.keyboard.press('Tab');
  await expect(field('主送机关')).toBeFocused();
  await page.keyboard.type('区委依法治区办');
  // Tab on into 落款单位 and paste
  await page.keyboard.press('Tab');
  await expect(field('落款单位')).toBeFocused();
  await paste(page, '横街镇人民政府\n办公室');
  // Shift+Tab twice back to 单位全称 selects it; typing replaces
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(field('单位全称')).toBeFocused();
  await page.keyboard.type('横街镇人民政府');
  await expect(page.getByRole('status')).toContainText('已保存');
  const fields: Array<[string, 'fullName' | 'recipient' | 'signatureName' | 'shortName']> = [
    ['单位全称', 'fullName'],
    ['主送机关', 'recipient'],
    ['落款单位', 'signatureName'],
    ['单位简称', 'shortName'],
  ];
  const shown = await Promise.all(fields.map(([label]) => field(label).inputValue()));
  const storedFields = async () => {
    const u = (await contractCall(bridge, 'unit.get', {}))!;
    return fields.map(([, k]) => u[k]);
  };
  await expect.poll(storedFields).toEqual(shown.map((s) => s.trim()));
  const stored = (await contractCall(bridge, 'unit.get', {}))!;
  expect(stored.fullName).toBe('横街镇人民政府');
  expect(stored.recipient).toBe('区委依法治区办');
  await shot(page, 'unit-fields');
});

test('落款: the unit typed by click, the date by Tab in any form the README lists; a bad date refused at the field; saved = shown', async ({ page }) => {
  await open(page, '报告编辑');
  await page.getByRole('tree').getByRole('treeitem').first().click();
  const name = page.getByRole('textbox', { name: '落款单位', exact: true });
  const date = page.getByRole('textbox', { name: '落款日期', exact: true });
  await name.click();
  await page.keyboard.type('横街镇人民政府');
  const report = () => contractCall(bridge, 'report.get', { year: 2024 });
  for (const [typed, shownAs, iso] of [
    ['2025年1月20日', '2025年1月20日', '2025-01-20'],
    ['1-22', '2025年1月22日', '2025-01-22'],
    ['2025.2.3', '2025年2月3日', '2025-02-03'],
    ['２０２５－１－２５', '2025年1月25日', '2025-01-25'],
  ] as const) {
    await name.click();
    await page.keyboard.press('Tab');
    await expect(date).toBeFocused();
    await page.keyboard.type(typed);
    await page.keyboard.press('Tab');
    await expect(date).toHaveValue(shownAs);
    await expect.poll(async () => (await report()).signature.date).toBe(iso);
  }
  expect((await report()).signature.name).toBe(await name.inputValue());
  // a date that is not one: the reason at the field, what was typed kept, the stored date unchanged
  await date.click();
  await page.keyboard.type('2025-2-30');
  await page.keyboard.press('Enter');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveValue('2025-2-30');
  await shot(page, 'signature-bad-date');
  expect((await report()).signature.date).toBe('2025-01-25');
  await page.getByRole('menuitem', { name: '概览' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '有输入尚未保存' })).toContainText('落款日期');
});
