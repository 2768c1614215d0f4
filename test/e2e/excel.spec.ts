/**
 * 从Excel导入 in the browser version, against the built app and the real loopback bridge on a demo
 * data folder: pick a sheet, map the one column the app could not guess, commit, and see the new
 * entries in 活动台账 and the counted indicator go up. Then 导出Excel hands back a workbook.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startBridge, type Bridge, cliMain, shots } from './bridge';
import { pickOption } from './selects';

let bridge: Bridge | undefined;
let url = '';
let dataDir = '';
let sheetFile = '';

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(path.join(tmpdir(), 'fz-e2e-excel-'));
  execFileSync(process.execPath, [cliMain, 'demo', '--data', dataDir]);

  // the clerk's own sheet: a title row, and "活动" for the activity (not a header the app maps by itself)
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['横街镇2024年普法台账（下半年）']);
  ws.mergeCells('A1:E1');
  ws.addRow(['日期', '类别', '活动', '村（社区）', '参与人数']);
  const rows: Array<[string, string, string, string, number]> = [
    ['2024.9.1', '普法宣传', '秋季开学法治第一课', '桥头村', 120],
    ['2024年9月15日', '普法宣传', '中秋法治灯谜会', '河西村', 80],
    ['10月8日', '普法宣传', '重阳敬老普法', '东岙村', 45],
  ];
  for (const r of rows) ws.addRow(r);
  ws.addRow(['合计', '', '', '', 245]);
  sheetFile = path.join(dataDir, '..', `fz-e2e-下半年台账-${process.pid}.xlsx`);
  writeFileSync(sheetFile, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

  bridge = await startBridge({ prefix: 'fz-e2e-', dataDir });
  url = bridge.url;
});

test.afterAll(() => {
  bridge?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  if (sheetFile) rmSync(sheetFile, { force: true });
});

async function pufaFigure(page: Page): Promise<number> {
  await page.getByRole('menuitem', { name: '指标录入' }).click();
  const cell = page.getByTestId('indicator-pufa-events').getByLabel('各类普法宣传活动（自动计算）');
  await expect(cell).toBeVisible();
  return Number((await cell.locator('b').innerText()).replace(/,/g, ''));
}

test('import a sheet into 活动台账: map one column, commit, see the entries and the indicator', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);

  const before = await pufaFigure(page);
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  const countText = page.locator('h2.screen-title');
  // the demo year has entries: wait until they are loaded, not the "共 0 条" shown while loading
  await expect(countText).toContainText(/共 [1-9]\d* 条/);
  const n0 = Number(/共 (\d+) 条/.exec(await countText.innerText())![1]);

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '从Excel导入' }).click()]);
  await chooser.setFiles(sheetFile);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('表头在第 2 行');
  // "活动" was not recognised: 活动名称 is missing and nothing can be imported yet
  await expect(dialog).toContainText('请为“活动名称”选择对应的列');
  await expect(page.getByTestId('sheet-commit')).toBeDisabled();

  const box = dialog.getByRole('combobox', { name: '“活动”导入为' });
  await box.click();
  await pickOption(page, box, '活动名称');
  await expect(page.getByTestId('sheet-counts')).toContainText('可导入 3');
  await expect(dialog).toContainText('第6行是合计行，已跳过');
  await expect(page.getByTestId('sheet-commit')).toHaveText(/导入 3 条/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shots, 'excel-import-mapping.png') });

  await page.getByTestId('sheet-commit').click();
  await expect(page.getByTestId('sheet-imported')).toContainText('已导入 3 条');
  await expect(countText).toContainText(`共 ${n0 + 3} 条`);
  await page.getByRole('searchbox', { name: '搜索' }).fill('中秋法治灯谜会');
  await expect(page.getByRole('cell', { name: '中秋法治灯谜会', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '2024-09-15', exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'excel-import-done.png') });

  expect(await pufaFigure(page)).toBe(before + 3);

  // the same sheet again: the mapping is remembered and every row is a duplicate, skipped
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '从Excel导入' }).click()]);
  await again.setFiles(sheetFile);
  await expect(page.getByTestId('sheet-counts')).toContainText('与已有记录重复 3');
  await expect(page.getByRole('dialog')).toContainText('沿用上次导入同样表头时的选择');
  await expect(page.getByTestId('sheet-commit')).toBeDisabled();
  await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();

  // 导出Excel hands back a workbook with the imported rows in it
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toBe('横街镇2024年度活动台账.xlsx');
  const kept = path.join(shots, 'excel-export.xlsx');
  await download.saveAs(kept);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(kept);
  const titles: string[] = [];
  wb.getWorksheet('活动台账')!.eachRow((r) => titles.push(String(r.getCell(4).value)));
  expect(titles).toContain('中秋法治灯谜会');
  expect(problems).toEqual([]);
});

test('调解案件: parties left out, an unknown kind mapped, and 导出 → 全年数据表', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调解');
  ws.addRow(['受理日期', '当事人', '联系电话', '所在村', '纠纷类型', '调解结果']);
  ws.addRow(['2024-12-29', '王某某、李某某', '13800000000', '桥头村', '邻里纠纷', '调解成功']);
  ws.addRow(['2024-12-30', '赵某', '13900000000', '和平社区', '宠物纠纷', '调解中']);
  ws.addRow(['2024-12-31', '钱某', '', '火星村', '婚姻家庭纠纷', '成功']);
  const file = path.join(dataDir, '..', `fz-e2e-调解-${process.pid}.xlsx`);
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  try {
    await page.goto(url);
    await page.getByRole('menuitem', { name: '调解案件' }).click();
    const title = page.locator('h2.screen-title');
    await expect(title).toContainText(/共 [1-9]\d* 起/);
    const n0 = Number(/共 (\d+) 起/.exec(await title.innerText())![1]);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '从Excel导入' }).click()]);
    await chooser.setFiles(file);
    const dialog = page.getByRole('dialog');
    await expect(page.getByTestId('sheet-left-out')).toContainText('当事人、联系电话是个人信息，不会保存到本软件');
    await expect(dialog).not.toContainText('13800000000');
    await expect(page.getByTestId('sheet-counts')).toContainText('可导入 1');
    // 宠物纠纷 → 其他; 火星村 → 梅林村
    await pickOption(page, dialog.getByRole('combobox', { name: '纠纷类型“宠物纠纷”对应到' }), /^其他$/);
    await expect(page.getByTestId('sheet-counts')).toContainText('可导入 2');
    const village = dialog.getByRole('combobox', { name: '村（社区）“火星村”对应到' });
    await village.click();
    await village.fill('梅林');
    await pickOption(page, village, '梅林村');
    await expect(page.getByTestId('sheet-counts')).toContainText('可导入 3');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shots, 'excel-import-cases.png') });
    await page.getByTestId('sheet-commit').click();
    await expect(page.getByTestId('sheet-imported')).toContainText('已导入 3 起');
    await expect(title).toContainText(`共 ${n0 + 3} 起`);

    // undo the whole import with one click
    await page.getByTestId('sheet-imported').getByRole('button', { name: '撤销导入' }).click();
    await expect(title).toContainText(`共 ${n0} 起`);

    await page.getByRole('menuitem', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出全年数据表' }).click()]);
    expect(download.suggestedFilename()).toBe('横街镇2024年度全年数据表.xlsx');
    const kept = path.join(shots, 'excel-year.xlsx');
    await download.saveAs(kept);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(kept);
    expect(book.worksheets.map((w) => w.name)).toEqual(['活动台账', '调解案件', '指标']);
    await page.screenshot({ path: path.join(shots, 'excel-export-screen.png') });
    expect(problems).toEqual([]);
  } finally {
    rmSync(file, { force: true });
  }
});

test('a sheet over 30 MB is refused by its size before it is read, in Chinese; nothing is imported', async ({ page }) => {
  const big = path.join(dataDir, '..', `fz-e2e-全年台账扫描-${process.pid}.xlsx`);
  writeFileSync(big, '');
  truncateSync(big, 31 * 1024 * 1024); // sparse: costs no disk
  try {
    await page.goto(url);
    await page.getByRole('menuitem', { name: '活动台账' }).click();
    const countText = page.locator('h2.screen-title');
    await expect(countText).toContainText(/共 [1-9]\d* 条/);
    const shown = /共 \d+ 条/.exec(await countText.innerText())![0];
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '从Excel导入' }).click()]);
    await chooser.setFiles(big);
    await expect(page.getByText('文件太大（31.0 MB），一次导入的文件不能超过 30 MB；请分成几个文件导入')).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(countText).toContainText(shown);
  } finally {
    rmSync(big, { force: true });
  }
});
