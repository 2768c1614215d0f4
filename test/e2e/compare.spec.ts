/**
 * Issue 17, 对比 逐处: the leader's revision compared with the year's report takes or leaves each
 * change on its own (not a whole part), Ctrl+Z takes back the last choice, and what 采纳后 shows
 * is what the report then holds — read back through the contract and printed as the report prints.
 * Browser version against the built app, demo data; the revision is our own export edited in its XML.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cliMain, shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;
let work = '';

/** The leader's edits: two in the 政务公开 paragraph, one in the 决策 paragraph. */
const EDITS: Array<[string, string]> = [
  ['主动公开政务信息55条', '主动公开政务信息60条'],
  ['公开内容做到及时、准确、完整', '公开内容及时准确完整'],
  ['每项决策均经过公众参与', '每项决策都严格经过公众参与'],
];

test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-compare-', demo: true });
  work = mkdtempSync(path.join(tmpdir(), 'fz-compare-work-'));
  const exported = path.join(work, 'report.docx');
  execFileSync(process.execPath, [cliMain, 'export', '--data', bridge.dataDir, '--year', '2024', '--out', exported]);
  const files = unzipSync(new Uint8Array(readFileSync(exported)));
  let xml = strFromU8(files['word/document.xml']!);
  for (const [from, to] of EDITS) {
    expect(xml).toContain(from);
    xml = xml.replace(from, to);
  }
  files['word/document.xml'] = strToU8(xml);
  writeFileSync(path.join(work, '领导修改稿.docx'), zipSync(files));
});
test.afterAll(() => {
  bridge?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `compare-${name}.png`) });
}

async function openCompare(page: Page): Promise<Locator> {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入' }).click()]);
  await chooser.setFiles(path.join(work, '领导修改稿.docx'));
  const dialog = page.getByRole('dialog').filter({ hasText: '领导修改稿.docx' });
  await dialog.getByRole('button', { name: '对比…' }).click();
  const view = dialog.getByTestId('compare-view');
  await expect(view).toBeVisible();
  return view;
}

/** The report's paragraphs of a part as printed (placeholders filled in), through the contract. */
async function printedPart(heading: RegExp): Promise<string[]> {
  const { rendered } = await contractCall(bridge, 'report.render', { year: 2024 });
  return rendered.blocks.find((b) => heading.test(b.heading))!.paragraphs;
}

/** What 采纳后 shows for a part: its paragraphs. */
const shownResult = async (part: Locator) => part.getByTestId('compare-result').locator('p').allInnerTexts();

test('each change is taken or left on its own; Ctrl+Z takes back the last choice; the report then reads as 采纳后 showed', async ({ page }) => {
  const view = await openCompare(page);
  await expect(view.getByRole('status')).toContainText('2 个部分有修改');
  const open = view.getByRole('region', { name: /深化政务公开和法律服务/ });
  const decide = view.getByRole('region', { name: /坚持依法科学民主决策/ });
  const changes = open.getByRole('list', { name: /各处修改/ }).getByRole('listitem');
  expect(await changes.count()).toBeGreaterThanOrEqual(2);
  const figure = changes.filter({ hasText: '“55”改为“60”' });
  const wording = changes.filter({ hasText: '删去“做到”' });
  await expect(figure).toHaveCount(1);
  await expect(wording).toHaveCount(1);
  // every change starts taken: 采纳后 reads as the leader wrote it
  let shown = await shownResult(open);
  expect(shown.join('')).toContain('主动公开政务信息60条');
  expect(shown.join('')).toContain('公开内容及时准确完整');

  // leave the figure (click), keep the wording
  await figure.getByText('不采纳', { exact: true }).click();
  await expect(open.getByRole('checkbox', { name: /采纳/ })).not.toBeChecked(); // part now partly taken
  shown = await shownResult(open);
  expect(shown.join('')).toContain('主动公开政务信息55条');
  expect(shown.join('')).toContain('公开内容及时准确完整');
  // leave the decision part's change too, with the keyboard: Tab to its choice, arrow to 不采纳
  await decide.getByRole('radio', { name: '采纳', exact: true }).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(decide.getByRole('radio', { name: '不采纳' }).first()).toBeChecked();
  await expect(decide.getByTestId('compare-result')).toContainText('每项决策均经过公众参与');
  await shot(page, 'each-change');

  // Ctrl+Z takes back the last choice (the decision part's change is taken again), then the one before
  await view.getByRole('status').click(); // focus off the radios: Ctrl+Z is the comparison's, not a text box's
  await page.keyboard.press('Control+z');
  await expect(decide.getByRole('radio', { name: '采纳', exact: true }).first()).toBeChecked();
  await expect(decide.getByTestId('compare-result')).toContainText('每项决策都严格经过公众参与');
  await expect(figure.getByRole('radio', { name: '不采纳' })).toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(figure.getByRole('radio', { name: '采纳', exact: true })).toBeChecked();
  // and once more the figure is left, by the keyboard this time
  await figure.getByRole('radio', { name: '采纳', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(figure.getByRole('radio', { name: '不采纳' })).toBeChecked();

  const openShown = await shownResult(open);
  const decideShown = await shownResult(decide);
  const taken = await view.getByRole('button', { name: /采纳所选修改/ }).innerText();
  const n = Number(/（(\d+) 处）/.exec(taken)![1]);
  await view.getByRole('button', { name: /采纳所选修改/ }).click();
  await expect(page.getByText(`已采纳 ${n} 处修改`)).toBeVisible();

  // what the report holds now, printed as the report prints it, is what 采纳后 showed
  expect(await printedPart(/深化政务公开和法律服务/)).toEqual(openShown);
  expect(await printedPart(/坚持依法科学民主决策/)).toEqual(decideShown);
  // the figure left as it was still follows the data: it is a placeholder, not the text "55条"
  const report = await contractCall(bridge, 'report.get', { year: 2024 });
  const stored = JSON.stringify(report);
  expect(stored).toContain('主动公开政务信息{{open-total}}');
  expect(stored).toContain('公开内容及时准确完整');
  await expect(page.getByRole('article', { name: '报告预览' })).toContainText('公开内容及时准确完整');
});
