/**
 * Issue 17 §2/§3, the 附件 list of 报告编辑: typed as a list in Word or Excel — 添加附件 puts the
 * cursor in the new name, Enter goes on to the next name (a new one after the last, none after a
 * blank one), a column of names pasted becomes one attachment each, removing one leaves the cursor
 * in a neighbour; names and bodies reached by click into the filled field and by Tab, typed and
 * pasted; then the report read back through the contract: saved = what the fields show, also
 * after a reload. Browser version against the built app and a temp data folder seeded with `fazhi demo`.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;
test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-attachments-', demo: true });
});
test.afterAll(() => bridge?.stop());

async function paste(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

async function openFront(page: Page) {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  await page.getByRole('tree').getByRole('treeitem').first().click();
  await expect(page.getByRole('button', { name: '添加附件' })).toBeVisible();
}

const title = (page: Page, n: number) => page.getByRole('textbox', { name: `附件${n}名称` });
const body = (page: Page, n: number) => page.getByRole('textbox', { name: `附件${n}正文` });
const titles = (page: Page) => page.getByRole('textbox', { name: /^附件\d+名称$/ });

/** Every attachment as the fields show it: [name, paragraphs]. */
async function shown(page: Page): Promise<Array<[string, string[]]>> {
  const n = await titles(page).count();
  const out: Array<[string, string[]]> = [];
  for (let i = 1; i <= n; i++) out.push([await title(page, i).inputValue(), (await body(page, i).inputValue()).split('\n')]);
  return out;
}
const stored = async (): Promise<Array<[string, string[]]>> =>
  ((await contractCall(bridge, 'report.get', { year: 2024 })).attachments ?? []).map((a) => [a.title, a.paragraphs.length ? a.paragraphs : ['']]);

test('附件: 添加 and Enter put the cursor in the new name, a pasted column becomes rows, removal keeps the cursor near; saved = shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFront(page);
  await expect(titles(page)).toHaveCount(0);

  // 添加附件: the cursor is in the new name; typed with stray spaces, kept trimmed on leaving
  await page.getByRole('button', { name: '添加附件' }).click();
  await expect(title(page, 1)).toBeFocused();
  await page.keyboard.type(' 2024年度普法活动一览 ');
  // Enter: a new attachment after the last, the cursor in its name
  await page.keyboard.press('Enter');
  await expect(title(page, 2)).toBeFocused();
  await expect(title(page, 1)).toHaveValue('2024年度普法活动一览');
  await page.keyboard.type('调解案件统计表');
  await page.keyboard.press('Enter');
  await expect(title(page, 3)).toBeFocused();
  // Enter on a blank name adds no blank attachments
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(titles(page)).toHaveCount(3);
  await expect(title(page, 3)).toBeFocused();
  // the blank one removed: the cursor goes to the name before it
  await page.getByRole('button', { name: '删除附件3' }).click();
  await expect(titles(page)).toHaveCount(2);
  await expect(title(page, 2)).toBeFocused();

  // a column of names pasted over the selected name: one attachment per line, the cursor in the last
  await page.keyboard.press('Control+a');
  await paste(page, '调解案件统计表\r\n法律顾问服务记录\r\n\r\n行政执法案卷评查表\r\n');
  await expect(titles(page)).toHaveCount(4);
  await expect(title(page, 4)).toBeFocused();
  await expect(title(page, 2)).toHaveValue('调解案件统计表');
  await expect(title(page, 3)).toHaveValue('法律顾问服务记录');
  await expect(title(page, 4)).toHaveValue('行政执法案卷评查表');
  // Enter in a name that has a next one goes to it (no new attachment in the middle)
  await title(page, 2).click();
  await page.keyboard.press('Enter');
  await expect(title(page, 3)).toBeFocused();
  await expect(titles(page)).toHaveCount(4);

  // a click into a filled name and typing edits it where the caret is
  await title(page, 1).click();
  await page.keyboard.press('End');
  await page.keyboard.type('（摘要）');
  // Tab on (past its 删除 button) into its body, typed as paragraphs
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(body(page, 1)).toBeFocused();
  await page.keyboard.type('一、宪法宣传周活动3场。');
  await page.keyboard.press('Enter');
  await page.keyboard.type('二、民法典进村居12场。');
  // a body pasted
  await body(page, 3).click();
  await paste(page, '全年法律顾问服务48次。\n其中合同审查15件。');
  await page.keyboard.press('Tab');

  await expect.poll(stored).toEqual(await shown(page));
  const now = await shown(page);
  expect(now.map(([t]) => t)).toEqual(['2024年度普法活动一览（摘要）', '调解案件统计表', '法律顾问服务记录', '行政执法案卷评查表']);
  expect(now[0]![1]).toEqual(['一、宪法宣传周活动3场。', '二、民法典进村居12场。']);
  expect(now[2]![1]).toEqual(['全年法律顾问服务48次。', '其中合同审查15件。']);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'attachments-list.png'), fullPage: true });

  // a removal in the middle: the cursor goes to the one that took its place; saved = shown
  await page.getByRole('button', { name: '删除附件2' }).click();
  await expect(titles(page)).toHaveCount(3);
  await expect(title(page, 2)).toBeFocused();
  await expect(title(page, 2)).toHaveValue('法律顾问服务记录');
  await expect.poll(stored).toEqual(await shown(page));

  // read again from the file, the fields show what was saved
  const before = await shown(page);
  await page.reload();
  await page.getByRole('tree').getByRole('treeitem').first().click();
  await expect(titles(page)).toHaveCount(3);
  expect(await shown(page)).toEqual(before);
});
