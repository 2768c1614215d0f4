/**
 * The entry screens at the keyboard, in the browser version against the built app and the real
 * loopback bridge (dist/main/web.cjs on a temp data folder seeded with `fazhi demo`): what the
 * clerk confirmed is what is kept. Each test checks what reached the data folder (through the
 * CLI, a separate process reading the files), not only what the screen shows.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cliMain, shots, startBridge, type Bridge } from './bridge';
import { pickOption } from './selects';

let bridge: Bridge;
let url = '';
let dataDir = '';

test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-entry-', demo: true });
  ({ url, dataDir } = bridge);
});

test.afterAll(() => bridge?.stop());

interface StoredEntry {
  id: string;
  date: string;
  category: string;
  title: string;
  villageId?: string;
  participants?: number;
  materials?: number;
  note?: string;
}

/** The ledger as the data folder holds it, read by another process. */
function storedLedger(): StoredEntry[] {
  return JSON.parse(execFileSync(process.execPath, [cliMain, 'ledger', 'list', '--data', dataDir, '--year', '2024', '--json'], { encoding: 'utf8' })) as StoredEntry[];
}

function storedUnit(): { shortName: string; villages: Array<{ id: string; name: string }> } {
  const raw = JSON.parse(readFileSync(path.join(dataDir, 'unit.json'), 'utf8')) as { unit: { shortName: string; villages: Array<{ id: string; name: string }> } };
  return raw.unit;
}

function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `entry-${name}.png`) });
}

async function nav(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label }).click();
}

async function open(page: Page, screen: string) {
  await page.goto(url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await nav(page, screen);
}

const ledgerCount = (page: Page) => page.getByText(/2024年度，共 \d+ 条/);

test('the ledger form goes field to field with Tab: every typed value lands in its own field', async ({ page }) => {
  const problems = watchErrors(page);
  await open(page, '活动台账');
  const form = page.getByRole('form', { name: '新增记录' });
  await form.getByRole('textbox', { name: '日期' }).click();
  // Tab only: a select takes what was typed into it (the first match) and Tab moves on
  await page.keyboard.type('6-1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('普法宣传');
  await page.keyboard.press('Tab');
  await page.keyboard.type('键盘录入的普法活动');
  await page.keyboard.press('Tab');
  await page.keyboard.type('桥头村');
  await page.keyboard.press('Tab');
  await page.keyboard.type('120');
  await page.keyboard.press('Tab');
  await page.keyboard.type('300');
  await page.keyboard.press('Tab');
  await page.keyboard.type('只用Tab键');
  await shot(page, 'tab-filled');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已添加 1 条' })).toBeVisible();

  const saved = storedLedger().filter((e) => e.title === '键盘录入的普法活动');
  expect(saved).toHaveLength(1);
  const unit = storedUnit();
  expect(saved[0]).toMatchObject({
    date: '2024-06-01',
    category: 'pufa',
    villageId: unit.villages.find((v) => v.name === '桥头村')!.id,
    participants: 120,
    materials: 300,
    note: '只用Tab键',
  });

  // a village chosen with the mouse: the next Tab goes to 参与人数, not to the select's clear button
  const village = form.getByRole('combobox', { name: '村（社区）' });
  await village.click();
  await pickOption(page, village, '河西村');
  await expect(form.locator('.ant-select-clear')).toHaveCount(1); // the clear button is there for the mouse
  await village.focus();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('textbox', { name: '参与人数' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(village).toBeFocused();
  expect(problems).toEqual([]);
});

test('the case form goes field to field with Tab too', async ({ page }) => {
  await open(page, '调解案件');
  const form = page.getByRole('form', { name: '新增记录' });
  await form.getByRole('textbox', { name: '日期' }).click();
  await page.keyboard.type('５-２０'); // a full-width date as an input method types it
  for (const typed of ['婚姻家庭', '河西村', '未成功', '键盘录入的调解案件']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(typed);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已添加 1 起' })).toBeVisible();
  // what the data folder holds, shown after a reload
  await page.reload();
  await nav(page, '调解案件');
  await page.getByPlaceholder('搜索日期、村名、纠纷类型、结果、简要情况').fill('键盘录入的调解案件');
  const row = page.getByRole('table', { name: '调解案件' }).getByRole('row').filter({ hasText: '键盘录入的调解案件' });
  await expect(row.getByRole('cell')).toHaveText(['2024-05-20', '婚姻家庭', '河西村', '未成功', '键盘录入的调解案件', /编辑/]);
  await shot(page, 'case-tab');
});

test('number fields refuse letters, negatives and fractions in Chinese; full-width digits are taken', async ({ page }) => {
  await open(page, '活动台账');
  const before = storedLedger().length;
  const form = page.getByRole('form', { name: '新增记录' });
  await form.getByRole('textbox', { name: '日期' }).fill('7-1');
  const category = form.getByRole('combobox', { name: '类别' });
  await category.click();
  await category.fill('普法宣传');
  await pickOption(page, category, '普法宣传');
  await form.getByRole('textbox', { name: '活动名称' }).fill('人数核对的活动');
  const people = form.getByRole('textbox', { name: '参与人数' });
  for (const [typed, msg] of [
    ['abc', '请输入数字'],
    ['-5', '不能为负数'],
    ['2.5', '应为整数'],
  ] as const) {
    await people.fill(typed);
    await form.getByRole('textbox', { name: '活动名称' }).press('Enter');
    await expect(form.getByText(msg)).toBeVisible();
    if (typed === '-5') await shot(page, 'number-refused');
    // nothing saved: the value the clerk sees is not silently changed into another one
    expect(storedLedger()).toHaveLength(before);
    await expect(people).toHaveValue(typed);
  }
  await people.fill('３');
  await form.getByRole('textbox', { name: '资料份数' }).fill('１２０');
  await form.getByRole('textbox', { name: '活动名称' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已添加 1 条' })).toBeVisible();
  const saved = storedLedger().filter((e) => e.title === '人数核对的活动');
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ participants: 3, materials: 120 });

  // editing the row shows the saved counts as typed text and keeps what is not changed
  await page.getByPlaceholder('搜索标题、备注、村名').fill('人数核对的活动');
  await page.getByRole('table', { name: '活动台账' }).getByRole('cell', { name: '人数核对的活动', exact: true }).dblclick();
  const edit = page.getByRole('form', { name: '修改记录' });
  await expect(edit.getByRole('textbox', { name: '资料份数' })).toHaveValue('120');
  await edit.getByRole('textbox', { name: '参与人数' }).fill('４０');
  await edit.getByRole('textbox', { name: '参与人数' }).press('Enter');
  await expect(page.getByRole('form', { name: '新增记录' })).toBeVisible();
  expect(storedLedger().find((e) => e.id === saved[0]!.id)).toMatchObject({ participants: 40, materials: 120 });
});

test('指标录入 takes full-width digits too, and flags a rate above 100%', async ({ page }) => {
  await open(page, '指标录入');
  const takers = page.getByRole('textbox', { name: '机关干部参加执法人员认证考试', exact: true });
  const passed = page.getByRole('textbox', { name: '执法人员认证考试通过人数', exact: true });
  await takers.fill('２０');
  await takers.press('Enter');
  await expect(page.getByTestId('indicator-enf-exam-takers').getByText('已保存')).toBeVisible();
  await expect(takers).toHaveValue('20');
  await passed.fill('25');
  await passed.press('Enter');
  await expect(page.getByTestId('indicator-enf-exam-passed').getByText('已保存')).toBeVisible();
  const rate = page.getByTestId('indicator-enf-exam-pass-rate');
  await expect(rate).toContainText('超过100%');
  await expect(rate.getByLabel(/自动计算/)).not.toContainText('125');
  await expect(page.getByTestId('indicator-enf-exam-passed')).toContainText('超过100%');
  await rate.scrollIntoViewIfNeeded();
  await shot(page, 'rate-over-100');
  // the report never prints the impossible figure
  const ind = execFileSync(process.execPath, [cliMain, 'indicators', '--data', dataDir, '--year', '2024', '--json'], { encoding: 'utf8' });
  const row = (JSON.parse(ind) as Array<{ id: string; value: number | null }>).find((r) => r.id === 'enf-exam-pass-rate')!;
  expect(row.value).toBeNull();
  // put it right again: the flag goes
  await passed.fill('18');
  await passed.press('Enter');
  await expect(rate.getByLabel(/自动计算/)).toContainText('90');
  await expect(rate).not.toContainText('超过100%');
});

test('单位设置 keeps a rename when the clerk navigates away without pressing save', async ({ page }) => {
  await open(page, '单位设置');
  const shortName = page.getByRole('textbox', { name: '单位简称' });
  await shortName.fill('横街');
  const v1 = page.getByRole('textbox', { name: '第1个村（社区）名称' });
  await v1.fill('桥头村（改）');
  await shot(page, 'unit-typed');
  await nav(page, '活动台账');
  await expect(page.getByRole('heading', { name: /活动台账/ })).toBeVisible();
  await nav(page, '单位设置');
  await expect(page.getByRole('textbox', { name: '单位简称' })).toHaveValue('横街');
  await expect(page.getByRole('textbox', { name: '第1个村（社区）名称' })).toHaveValue('桥头村（改）');
  // on disk, and after a reload too
  await expect.poll(() => storedUnit().shortName).toBe('横街');
  expect(storedUnit().villages[0]!.name).toBe('桥头村（改）');
  await page.reload();
  await expect(page.getByRole('textbox', { name: '第1个村（社区）名称' })).toHaveValue('桥头村（改）');
  await shot(page, 'unit-kept');
  // a row deleted with the mouse is saved at once, and Ctrl+Z brings it back (saved too)
  const leaders = () => (JSON.parse(readFileSync(path.join(dataDir, 'unit.json'), 'utf8')) as { unit: { leaders: Array<{ name: string }> } }).unit.leaders.map((l) => l.name);
  const before = leaders();
  expect(before).toHaveLength(2);
  await page.getByRole('button', { name: '删除负责人' }).nth(1).click();
  await expect.poll(leaders).toEqual(before.slice(0, 1));
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('textbox', { name: '第2位负责人姓名' })).toHaveValue(before[1]!);
  await expect.poll(leaders).toEqual(before);
  await page.getByRole('button', { name: '保存单位设置' }).scrollIntoViewIfNeeded();
  await shot(page, 'unit-undo');
  // moving a village is a step too
  await page.getByRole('button', { name: '下移' }).first().click();
  await expect(page.getByRole('textbox', { name: '第2个村（社区）名称' })).toHaveValue('桥头村（改）');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('textbox', { name: '第1个村（社区）名称' })).toHaveValue('桥头村（改）');

  // put the name back for the other tests (the village select searches by name)
  await page.getByRole('textbox', { name: '第1个村（社区）名称' }).fill('桥头村');
  await page.getByRole('button', { name: '保存单位设置' }).click();
  await expect.poll(() => storedUnit().villages[0]!.name).toBe('桥头村');
});

test('Ctrl+Z after deleting a ledger entry brings it back', async ({ page }) => {
  await open(page, '活动台账');
  const before = storedLedger();
  // an entry whose title is its own, so the row can be named
  const victim = before.find((e) => e.participants !== undefined && before.filter((x) => x.title === e.title).length === 1)!;
  await page.getByPlaceholder('搜索标题、备注、村名').fill(victim.title);
  await page.getByRole('button', { name: `删除 ${victim.title}` }).click();
  await page.locator('.ant-popover').filter({ hasText: '删除这条台账记录？' }).getByRole('button', { name: /^删\s?除$/ }).click();
  await expect(ledgerCount(page)).toHaveText(`2024年度，共 ${before.length - 1} 条`);
  expect(storedLedger().some((e) => e.id === victim.id)).toBe(false);
  await page.keyboard.press('Control+z');
  await expect(ledgerCount(page)).toHaveText(`2024年度，共 ${before.length} 条`);
  await expect(page.getByRole('table', { name: '活动台账' }).getByRole('cell', { name: victim.title, exact: true })).toBeVisible();
  await shot(page, 'ledger-undo');
  expect(storedLedger().find((e) => e.id === victim.id)).toEqual(victim);
});

test('a search shows the rows it leaves, and a delete question goes with its row', async ({ page }) => {
  await open(page, '活动台账');
  const table = page.getByRole('table', { name: '活动台账' });
  const stored = storedLedger();
  const own = stored.filter((e) => stored.filter((x) => x.title === e.title).length === 1);
  const [a, b] = [own[0]!, own[1]!];
  const search = page.getByPlaceholder('搜索标题、备注、村名');
  // typed on letter by letter (each keystroke narrows the rows shown before), then widened
  await search.pressSequentially(b.title);
  await expect(table.getByRole('cell', { name: b.title, exact: true })).toBeVisible();
  await search.fill(a.title);
  await expect(table.getByRole('cell', { name: a.title, exact: true })).toBeVisible();
  await page.getByRole('button', { name: `删除 ${a.title}` }).click();
  const question = page.locator('.ant-popover').filter({ hasText: '删除这条台账记录？' });
  await expect(question).toBeVisible();
  // another row takes the place of the one asked about: nothing is asked about it, and nothing is deleted
  await search.fill(b.title);
  await expect(table.getByRole('cell', { name: b.title, exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: a.title, exact: true })).toHaveCount(0);
  await expect(question).toBeHidden();
  await search.fill(a.title);
  await expect(table.getByRole('cell', { name: a.title, exact: true })).toBeVisible();
  await expect(question).toBeHidden();
  expect(storedLedger().length).toBe(stored.length);
});

const outlineHeadings = (tree: Locator) => tree.locator('.fz-outline-heading').allInnerTexts();

test('Ctrl+Z in 报告编辑 undoes an outline move and a deleted heading, and the undo is saved', async ({ page }) => {
  await open(page, '报告编辑');
  const tree = page.getByRole('tree');
  await expect(tree.getByRole('treeitem').nth(1)).toBeVisible();
  const original = await outlineHeadings(tree);
  const first = tree.getByRole('treeitem').nth(1); // 0 is the front matter
  const firstHeading = original[1]!;
  // the first heading's first sub-heading, whose body goes and comes back with it
  const child = original[2]!;
  const body = page.locator('.fz-editor-slot:visible .fz-body-editor');
  await tree.getByRole('treeitem').filter({ hasText: child }).click();
  const childBody = (await body.textContent()) ?? '';
  expect(childBody.length).toBeGreaterThan(10);
  await first.click();
  const outline = page.getByRole('navigation', { name: '报告提纲' });
  await outline.getByRole('button', { name: '下移' }).click();
  const moved = await outlineHeadings(tree);
  expect(moved).not.toEqual(original);
  expect(moved.indexOf(firstHeading)).toBeGreaterThan(1);
  await page.keyboard.press('Control+z');
  await expect.poll(() => outlineHeadings(tree)).toEqual(original);
  await shot(page, 'outline-undo-move');

  // delete a heading with its body, then Ctrl+Z
  await tree.getByRole('treeitem').filter({ hasText: firstHeading }).click();
  await outline.getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popover').filter({ hasText: '删除这个标题？' }).getByRole('button', { name: /^删\s?除$/ }).click();
  await expect(tree).not.toContainText(firstHeading);
  await page.keyboard.press('Control+z');
  await expect.poll(() => outlineHeadings(tree)).toEqual(original);
  await expect(page.getByText('已保存').first()).toBeVisible();
  await shot(page, 'outline-undo-delete');
  // what was saved is the restored outline, body text included (were a save still pending, the
  // browser would ask before leaving; the clerk leaves)
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect.poll(() => outlineHeadings(page.getByRole('tree'))).toEqual(original);
  await page.getByRole('tree').getByRole('treeitem').filter({ hasText: child }).click();
  await expect(body).toHaveText(childBody);
});

test('a new unit: the year typed in full-width digits is taken', async ({ page }) => {
  const fresh = await startBridge({ prefix: 'fz-entry-new-' });
  try {
    await page.goto(fresh.url);
    await expect(page.getByText('欢迎使用法治年报')).toBeVisible();
    await page.getByRole('textbox', { name: '单位简称' }).fill('青石镇');
    await page.getByRole('textbox', { name: '单位全称' }).fill('青石镇人民政府');
    await page.getByRole('spinbutton', { name: '报告年度' }).fill('２０２５');
    await page.getByRole('textbox', { name: '村（社区）' }).fill('东村');
    await page.getByRole('button', { name: '创建单位' }).click();
    await expect(page.getByRole('heading', { name: '2025年度概览' })).toBeVisible();
    await shot(page, 'new-unit-full-width-year');
  } finally {
    fresh.stop();
  }
});
