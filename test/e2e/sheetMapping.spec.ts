/**
 * Issue 17 §3, 从Excel导入: every column's 导入为 chosen by mouse or keyboard, dates in every form
 * the README lists (3-15, 2024.3.5, 3月5日, full-width, a real Excel date), a date that is none
 * and one of another year. What the dialog shows — the mapping, the rows as they will be stored,
 * the refused rows with the row and the column as Excel names them — is what the year then holds,
 * read back through the contract. Browser version against the built app on demo data.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { LEDGER_CATEGORIES } from '../../src-shared/catalog/ledgerCategories';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';
import { pickOption } from './selects';

let bridge: Bridge;
let work = '';
let sheetFile = '';

/** The clerk's own sheet: headers the app does not all guess, a personal column, dates as people write them. */
const HEADER = ['时间', '类型', '内容', '地点', '人数', '联系人', '说明'];
const ROWS: Array<Array<string | number | Date>> = [
  ['3-15', '普法宣传', '三月法治讲座', '桥头村', 30, '张三 13800000000', '春季第一讲'],
  ['2024.3.5', '普法宣传', '妇女节普法咨询', '河西村', '２５', '', ''],
  ['3月5日', '普法宣传', '学雷锋法律服务', '', '', '', ''],
  ['２０２４．４．８', '普法宣传', '全角日期的讲座', '东岙村', '40人', '李四', ''],
  [new Date(Date.UTC(2024, 4, 20)), '普法宣传', '日期格式单元格的活动', '', 12, '', ''],
  ['2024.13.5', '普法宣传', '日期写错的活动', '', '', '', ''],
  ['2023-07-01', '普法宣传', '去年的活动', '', '', '', ''],
  ['３－１６', '普法宣传', '全角短日期的活动', '', '', '', ''],
];

test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-sheetmap-', demo: true });
  work = mkdtempSync(path.join(tmpdir(), 'fz-sheetmap-work-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(HEADER);
  for (const r of ROWS) ws.addRow(r);
  ws.getColumn(1).eachCell((c, n) => {
    if (n === 6) c.numFmt = 'yyyy/m/d';
  });
  sheetFile = path.join(work, '三月以来台账.xlsx');
  writeFileSync(sheetFile, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
});
test.afterAll(() => {
  bridge?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `sheetmap-${name}.png`) });
}

/** Each row of a table inside `testId` as its cells' texts. */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator('tbody tr.ant-table-row')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

test('every column mapped by mouse or keyboard; the rows as shown are the entries stored; bad and other-year dates named by row and column', async ({ page }) => {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  const before = await contractCall(bridge, 'ledger.list', { year: 2024 });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '从Excel导入' }).click()]);
  await chooser.setFiles(sheetFile);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('表头在第 1 行');

  // every column, one after another: 时间 and 类型 by mouse, the rest by keyboard (type, Enter)
  const choose = async (header: string, label: string, how: 'mouse' | 'keyboard') => {
    const box = dialog.getByRole('combobox', { name: `“${header}”导入为` });
    if (how === 'mouse') {
      await box.click();
      await pickOption(page, box, new RegExp(`^${label}`));
    } else {
      await box.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.type(label);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => box.evaluate((b) => b.closest('.ant-select')?.textContent?.trim())).toMatch(new RegExp(`^${label}`));
  };
  await choose('时间', '日期', 'mouse');
  await choose('类型', '类别', 'mouse');
  await choose('内容', '活动名称', 'keyboard');
  await choose('地点', '村（社区）', 'keyboard');
  await choose('人数', '参与人数', 'keyboard');
  await choose('说明', '备注', 'keyboard');
  await expect(page.getByTestId('sheet-counts')).toContainText('可导入 6');
  await expect(page.getByTestId('sheet-counts')).toContainText('有问题 2');
  // the personal column is not imported and its values are not even shown
  await expect(page.getByTestId('sheet-left-out')).toContainText('联系人');
  await expect(dialog).not.toContainText('13800000000');

  // what the mapping shows: each column's choice as the select displays it
  const shownMapping = await dialog.getByRole('combobox', { name: /导入为$/ }).evaluateAll((boxes) =>
    boxes.map((b) => [b.getAttribute('aria-label'), b.closest('.ant-select')?.textContent?.trim()]),
  );
  expect(Object.fromEntries(shownMapping)).toEqual({
    '“时间”导入为': '日期（必填）',
    '“类型”导入为': '类别（必填）',
    '“内容”导入为': '活动名称（必填）',
    '“地点”导入为': '村（社区）',
    '“人数”导入为': '参与人数',
    '“联系人”导入为': '不导入',
    '“说明”导入为': '备注',
  });

  // the refused rows: the row and the column as Excel shows them, and why, in Chinese
  const refused = page.getByRole('table').filter({ hasText: '原因' });
  await expect(refused).toContainText('第7行');
  await expect(refused).toContainText('A列“时间”：日期“2024.13.5”不是有效的日期');
  await expect(refused).toContainText('第8行');
  await expect(refused).toContainText('A列“时间”：“2023-07-01”是2023年的日期，不在2024年度内');

  // the rows as they will be stored: every written date read into this year
  const shownRows = await tableRows(page, 'sheet-chosen');
  expect(shownRows.map((r) => [r[0], r[1]])).toEqual([
    ['第2行', '2024-03-15'],
    ['第3行', '2024-03-05'],
    ['第4行', '2024-03-05'],
    ['第5行', '2024-04-08'],
    ['第6行', '2024-05-20'],
    ['第9行', '2024-03-16'],
  ]);
  await page.getByTestId('sheet-chosen').scrollIntoViewIfNeeded();
  await shot(page, 'dialog');

  await page.getByTestId('sheet-commit').click();
  await expect(page.getByTestId('sheet-imported')).toContainText('已导入 6 条');

  // read back through the contract: each new entry is the row the dialog showed, field by field
  const unit = (await contractCall(bridge, 'unit.get', {}))!;
  const known = new Set(before.map((e) => e.id));
  const added = (await contractCall(bridge, 'ledger.list', { year: 2024 })).filter((e) => !known.has(e.id));
  const asShown = (e: (typeof added)[number]) => [
    e.date,
    LEDGER_CATEGORIES.find((c) => c.id === e.category)!.name,
    e.title,
    unit.villages.find((v) => v.id === e.villageId)?.name ?? '',
    e.participants === undefined ? '' : String(e.participants),
    e.note ?? '',
  ];
  const byTitle = (rows: string[][]) => [...rows].sort((a, b) => a[2]!.localeCompare(b[2]!));
  expect(byTitle(added.map(asShown))).toEqual(byTitle(shownRows.map((r) => r.slice(1))));
  expect(added.map((e) => e.title)).not.toContain('日期写错的活动');
  expect(added.map((e) => e.title)).not.toContain('去年的活动');
  expect(JSON.stringify(added)).not.toContain('13800000000');
});
