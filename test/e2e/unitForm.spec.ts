/**
 * Issue 17, 单位设置: one incomplete row does not hold back the rest of the form — it stays on the
 * screen marked and is stored as a draft beside the unit (it survives leaving and a reload, and
 * never reaches the report), everything else autosaves; lists are typed as in Excel
 * (Enter starts the next row, 添加 puts the cursor in the new row, a pasted column becomes rows).
 * What is saved is read back through the contract and compared with what the fields show.
 * Browser version against the built app and a temp data folder seeded with `fazhi demo`.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import type { Unit } from '../../src-shared/domain/unit';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;

test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-unitform-', demo: true });
});
test.afterAll(() => bridge?.stop());

const stored = async (): Promise<Unit> => (await contractCall(bridge, 'unit.get', {}))!;

async function openUnit(page: Page) {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '单位设置' }).click();
  await expect(page.getByRole('heading', { name: '单位设置' })).toBeVisible();
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `unitform-${name}.png`) });
}

const villageName = (page: Page, n: number) => page.getByRole('textbox', { name: `第${n}个村（社区）名称` });
/** the kind a village row shows (the select's chosen label) */
const villageKind = (page: Page, n: number) => page.locator('.village-row').nth(n - 1).locator('.ant-select');

/** Every village row as the screen shows it: [name, kind]. */
async function shownVillages(page: Page): Promise<Array<[string, string]>> {
  const n = await page.getByRole('textbox', { name: /个村（社区）名称$/ }).count();
  const out: Array<[string, string]> = [];
  for (let i = 1; i <= n; i++) {
    const kind = await villageKind(page, i).innerText();
    out.push([await villageName(page, i).inputValue(), kind.trim()]);
  }
  return out;
}

test('a 负责人 row without a name is kept as a marked draft; villages and the font preset set around it are saved; leaving keeps it', async ({ page }) => {
  await openUnit(page);
  const before = await stored();
  const count = before.villages.length;

  // the font preset first, then villages typed as a list: 添加 puts the cursor in the new row, Enter starts the next
  await page.getByRole('radio', { name: /Windows 自带/ }).check();
  await page.getByRole('button', { name: '添加村（社区）' }).click();
  await expect(villageName(page, count + 1)).toBeFocused();
  await page.keyboard.type('桥头新村');
  await page.keyboard.press('Enter');
  await expect(villageName(page, count + 2)).toBeFocused();
  await page.keyboard.type('河西新村');
  await page.keyboard.press('Enter');
  await expect(villageName(page, count + 3)).toBeFocused();
  await page.keyboard.type('下洋新社区');
  // an Enter on a blank last row does not pile up empty rows
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: /个村（社区）名称$/ })).toHaveCount(count + 4);
  await expect(villageName(page, count + 4)).toBeFocused();
  await expect(villageKind(page, count + 3)).toHaveText('社区'); // a new row follows its name's kind

  // 负责人: 添加 puts the cursor in the new row's 职务; only the 职务 is typed
  await page.getByRole('button', { name: '添加负责人' }).click();
  const role3 = page.getByRole('textbox', { name: '第3位负责人职务' });
  await expect(role3).toBeFocused();
  await page.keyboard.type('副镇长');
  const note = page.getByRole('note').filter({ hasText: '未填姓名' });
  await expect(note).toContainText('这一行存为草稿（不计入报告）');
  await expect(role3).toHaveAttribute('aria-describedby', /leader-held-2/);
  await expect(page.getByRole('status')).toContainText('已保存');
  await shot(page, 'leader-held');

  // what was set around the incomplete row is stored as shown, without the row
  await expect.poll(async () => (await stored()).villages.length).toBe(count + 3);
  const u = await stored();
  expect(u.fontPreset).toBe('windows');
  const shown = await shownVillages(page);
  expect(u.villages.map((v) => [v.name, v.kind])).toEqual(shown.filter(([name]) => name));
  expect(u.villages.slice(-3).map((v) => [v.name, v.kind])).toEqual([
    ['桥头新村', '村'],
    ['河西新村', '村'],
    ['下洋新社区', '社区'],
  ]);
  expect(u.leaders).toEqual(before.leaders);

  // the row is stored as a draft beside the unit (never in it): leaving does not ask, coming back shows it marked
  await expect.poll(async () => (await contractCall(bridge, 'unit.drafts', {})).leaders).toEqual([{ at: 2, role: '副镇长', name: '' }]);
  await page.getByRole('menuitem', { name: '概览' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '有输入尚未保存' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '单位设置' })).toBeHidden();
  await page.getByRole('menuitem', { name: '单位设置' }).click();
  await expect(role3).toHaveValue('副镇长');
  await expect(note).toContainText('这一行存为草稿（不计入报告）');
  await shot(page, 'leader-draft-back');

  // Enter in 职务 goes to 姓名; the name completes the row and it is saved
  await role3.press('Enter');
  await expect(page.getByRole('textbox', { name: '第3位负责人姓名' })).toBeFocused();
  await page.keyboard.type('王强');
  await expect(note).toHaveCount(0);
  await expect.poll(async () => (await stored()).leaders).toEqual([...before.leaders, { role: '副镇长', name: '王强' }]);
  // saved as a real row, the draft gone
  expect((await contractCall(bridge, 'unit.drafts', {})).leaders).toEqual([]);
  // Enter after a complete last row starts the next row
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '第4位负责人职务' })).toBeFocused();

  // leaving now does not ask (a blank row holds nothing), and nothing set here is lost
  await page.getByRole('menuitem', { name: '概览' }).click();
  await expect(page.getByRole('heading', { name: '单位设置' })).toBeHidden();
  await page.getByRole('menuitem', { name: '单位设置' }).click();
  await expect(page.getByRole('radio', { name: /Windows 自带/ })).toBeChecked();
  await expect(villageName(page, count + 3)).toHaveValue('下洋新社区');
  await expect(page.getByRole('textbox', { name: '第3位负责人姓名' })).toHaveValue('王强');
});

test('an incomplete row survives leaving at once and a reload: kept as a draft, marked, never in the unit; completed, it is a real row', async ({ page }) => {
  await openUnit(page);
  const before = await stored();
  await page.getByRole('textbox', { name: '主送机关' }).fill('区委全面依法治区委员会办公室');
  await page.getByRole('button', { name: '添加负责人' }).click();
  const n = before.leaders.length + 1;
  await page.keyboard.type('武装部长');
  // a new village that repeats a name is held too
  const villages = before.villages.length;
  await page.getByRole('button', { name: '添加村（社区）' }).click();
  await page.keyboard.type(before.villages[0]!.name);
  // leave at once, within the autosave's pause: nothing asks, nothing is lost
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '有输入尚未保存' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^活动台账/ })).toBeVisible();
  await expect.poll(async () => (await stored()).recipient).toBe('区委全面依法治区委员会办公室');
  await expect.poll(async () => (await contractCall(bridge, 'unit.drafts', {})).leaders.map((l) => l.role)).toEqual(['武装部长']);
  // the unit the report and the export read has neither held row
  expect((await stored()).leaders).toEqual(before.leaders);
  expect((await stored()).villages).toHaveLength(villages);

  // a reload (a restart of the app reads the same folder): the form as it was left, held rows marked
  await page.reload();
  await page.getByRole('menuitem', { name: '单位设置' }).click();
  await expect(page.getByRole('textbox', { name: '主送机关' })).toHaveValue('区委全面依法治区委员会办公室');
  const role = page.getByRole('textbox', { name: `第${n}位负责人职务` });
  await expect(role).toHaveValue('武装部长');
  await expect(page.getByRole('textbox', { name: `第${n}位负责人姓名` })).toHaveValue('');
  await expect(page.getByRole('note').filter({ hasText: '未填姓名' })).toBeVisible();
  await expect(villageName(page, villages + 1)).toHaveValue(before.villages[0]!.name);
  await expect(page.getByRole('note').filter({ hasText: '与第1个重名' })).toBeVisible();
  await role.scrollIntoViewIfNeeded();
  await shot(page, 'drafts-after-reload');

  // completed: real rows, drafts gone
  await page.getByRole('textbox', { name: `第${n}位负责人姓名` }).click();
  await page.keyboard.type('陈刚');
  await villageName(page, villages + 1).fill('新园村');
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect.poll(async () => (await stored()).leaders).toEqual([...before.leaders, { role: '武装部长', name: '陈刚' }]);
  await expect.poll(async () => (await stored()).villages.map((v) => v.name)).toEqual([...before.villages.map((v) => v.name), '新园村']);
  await expect.poll(() => contractCall(bridge, 'unit.drafts', {})).toEqual({ leaders: [], villages: [], fields: {} });
  await page.reload();
  await page.getByRole('menuitem', { name: '单位设置' }).click();
  await expect(page.getByRole('textbox', { name: `第${n}位负责人姓名` })).toHaveValue('陈刚');
  await expect(page.getByRole('note')).toHaveCount(0);
  // put the unit back for the other tests
  await page.getByRole('button', { name: '删除负责人' }).nth(n - 1).click();
  await expect.poll(async () => (await stored()).leaders).toEqual(before.leaders);
  await page.getByRole('button', { name: '删除新园村' }).click();
  const dialog = page.getByRole('dialog', { name: '删除“新园村”' });
  await dialog.getByRole('button', { name: /^删\s*除$/ }).click();
  // the dialog closes once the village is gone; a refusal would stay in it, with its reason
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await stored()).villages).toHaveLength(villages);
});

test('a village emptied or named like another keeps its stored name, and the row says so; the rest saves', async ({ page }) => {
  await openUnit(page);
  const before = await stored();
  const first = before.villages[0]!;
  const second = before.villages[1]!;
  await villageName(page, 2).fill(first.name);
  const held = page.getByRole('note').filter({ hasText: '与第1个重名' });
  await expect(held).toContainText(`仍保存为“${second.name}”`);
  await villageName(page, 1).fill('');
  await expect(page.getByRole('note').filter({ hasText: '名称不能为空' })).toContainText(`仍保存为“${first.name}”`);
  await page.getByRole('textbox', { name: '落款单位' }).fill('横街镇人民政府办公室');
  await shot(page, 'village-held');
  await expect.poll(async () => (await stored()).signatureName).toBe('横街镇人民政府办公室');
  // both rows are still stored under their old names (a village's records point at it)
  expect((await stored()).villages.slice(0, 2).map((v) => v.name)).toEqual([first.name, second.name]);
  await villageName(page, 1).fill(second.name); // the swap completes
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect.poll(async () => (await stored()).villages.slice(0, 2).map((v) => v.name)).toEqual([second.name, first.name]);
  // put them back for the other tests
  await villageName(page, 1).fill('临时');
  await villageName(page, 2).fill(second.name);
  await villageName(page, 1).fill(first.name);
  await expect.poll(async () => (await stored()).villages.slice(0, 2).map((v) => v.name)).toEqual([first.name, second.name]);
});

test('a column of names pasted from Excel becomes one row each; a one-line paste into a filled name edits it as shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openUnit(page);
  const count = (await stored()).villages.length;
  await page.getByRole('button', { name: '添加村（社区）' }).click();
  await expect(villageName(page, count + 1)).toBeFocused();
  await page.evaluate(() => navigator.clipboard.writeText('东岭村\r\n西岭社区\r\n南岭村\r\n'));
  await page.keyboard.press('Control+v');
  await expect(villageName(page, count + 3)).toBeFocused();
  expect((await shownVillages(page)).slice(count)).toEqual([
    ['东岭村', '村'],
    ['西岭社区', '社区'],
    ['南岭村', '村'],
  ]);
  // one line pasted into the middle of a filled name: the field edits as a text box does
  await page.evaluate(() => navigator.clipboard.writeText('大'));
  await villageName(page, count + 3).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+v');
  await expect(villageName(page, count + 3)).toHaveValue('大南岭村');
  await expect
    .poll(async () => (await stored()).villages.slice(count).map((v) => [v.name, v.kind]))
    .toEqual((await shownVillages(page)).slice(count));
  await shot(page, 'pasted-column');
});
