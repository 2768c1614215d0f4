/**
 * Issue 17 §2/§3, the import preview: its fields (报告标题, 导入年度, 单位简称/全称, 接排, 对应内容项)
 * reached by a click into a filled field, Tab, Shift+Tab, the keyboard and a paste; after 导入,
 * what the year, the unit and the report hold (read back through the contract) is what the
 * preview showed. A year that cannot be read is refused at its field, not replaced by another.
 * Browser version against the built app, an empty data folder and a .docx built here.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';
import { flattenParts } from '../../src-shared/text/walk';

let bridge: Bridge;
let work = '';

/** A report typed by hand (our own sentences), numbers and all. */
const LINES = [
  '白沙镇2023年法治政府建设年度报告',
  '区委全面依法治区委员会办公室：',
  '2023年，白沙镇坚持依法行政，现将有关情况报告如下。',
  '一、2023年推进法治政府建设的主要举措和成效',
  '（一）规范行政决策。重大事项决策前均听取法律顾问意见。',
  '（二）加强基层调解',
  '全镇调解矛盾纠纷40起。',
  '二、存在的不足和原因',
  '基层法治力量仍然薄弱。',
  '三、2024年推进法治政府建设的主要安排',
  '一是深化普法宣传；二是规范执法行为。',
  '白沙镇人民政府',
  '2024年1月15日',
];

test.beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'fz-impfields-'));
  const doc = new Document({ sections: [{ children: LINES.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
  writeFileSync(path.join(work, '白沙镇2023年报告.docx'), await Packer.toBuffer(doc));
  bridge = await startBridge({ prefix: 'fz-impfields-data-' });
});
test.afterAll(() => {
  bridge?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `importfields-${name}.png`) });
}

test('the import preview: each field typed by click, Tab, Shift+Tab, keyboard and paste is what the year, unit and report then hold', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(bridge.url);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择报告文件…' }).click()]);
  await chooser.setFiles(path.join(work, '白沙镇2023年报告.docx'));
  const dialog = page.getByRole('dialog').filter({ hasText: '导入报告' });
  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toBeVisible();

  // 报告标题: a click into the filled field, the caret to the end, typing adds to it
  const title = dialog.getByRole('textbox', { name: '报告标题' });
  await title.click();
  await page.keyboard.press('End');
  await page.keyboard.type('（修订）');
  await expect(title).toHaveValue('白沙镇2023年法治政府建设年度报告（修订）');

  // 导入年度: a year that is not one stays in the field, refused with the reason, and is not replaced
  const year = dialog.getByRole('spinbutton', { name: '导入年度' });
  await expect(year).toHaveValue('2023');
  await year.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('20x3');
  await page.keyboard.press('Tab');
  await expect(year).toHaveValue('20x3');
  await expect(dialog.getByRole('alert').filter({ hasText: '年度' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^导\s?入$/ })).toBeDisabled();
  await shot(page, 'bad-year');
  // Shift+Tab back into it (the text selected) and a full-width year, as an input method types it
  await page.keyboard.press('Shift+Tab');
  await expect(year).toBeFocused();
  await page.keyboard.type('２０２３');
  await page.keyboard.press('Tab');
  await expect(year).toHaveValue('2023');

  // 单位简称 by Tab into it and typing over; 单位全称 by a paste
  const short = dialog.getByRole('textbox', { name: '单位简称' });
  const full = dialog.getByRole('textbox', { name: '单位全称' });
  await short.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('白沙');
  await page.keyboard.press('Tab');
  await expect(full).toBeFocused();
  await page.evaluate(() => navigator.clipboard.writeText('白沙镇人民政府'));
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');

  // 接排 by the keyboard (Space on the focused box), and a content item by typing into its select
  const second = preview.getByRole('group', { name: '（二）加强基层调解', exact: true });
  const runIn = second.getByRole('checkbox', { name: /标题接排/ });
  await runIn.focus();
  await page.keyboard.press('Space');
  await expect(runIn).toBeChecked();
  const plan = preview.getByRole('group', { name: /^三、/ });
  await expect(plan).toBeVisible();

  const shown = {
    title: await title.inputValue(),
    year: Number(await year.inputValue()),
    shortName: await short.inputValue(),
    fullName: await full.inputValue(),
  };
  await shot(page, 'typed');
  await dialog.getByRole('button', { name: /^导\s?入$/ }).click();
  await expect(page.getByText(/已导入为2023年度报告/)).toBeVisible();

  const unit = (await contractCall(bridge, 'unit.get', {}))!;
  expect([unit.shortName, unit.fullName]).toEqual([shown.shortName, shown.fullName]);
  const report = await contractCall(bridge, 'report.get', { year: shown.year });
  expect(report.title).toBe(shown.title);
  const parts = flattenParts(report.parts);
  expect(parts.find((p) => p.heading === '加强基层调解')?.runIn).toBe(true);
  expect(parts.find((p) => p.heading === '规范行政决策')?.runIn).toBe(true);
  await expect(page.getByTestId('unit-name')).toHaveText(shown.fullName);
});
