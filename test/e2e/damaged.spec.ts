/**
 * One damaged data file (no automatic backup left) must not lock the clerk out: in the browser
 * version, against the built bridge, the healthy years still open, the damaged file is shown with
 * its path and the two ways on, and starting afresh keeps the damaged copy. One put back from its
 * automatic backup opens as usual, and the overview's 提醒 says what the backup lacks.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliMain, shots, startBridge, type Bridge } from './bridge';

let bridge: Bridge | undefined;
let dataDir = '';

/** The demo (2024) plus a 2023 copy, then `damage` applied, backups removed. */
function prepare(damage: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fz-damaged-'));
  execFileSync(process.execPath, [cliMain, 'demo', '--data', dir]);
  const y2024 = JSON.parse(readFileSync(path.join(dir, 'year-2024.json'), 'utf8')) as { year: number };
  writeFileSync(path.join(dir, 'year-2023.json'), JSON.stringify({ ...y2024, year: 2023 }));
  rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  damage(dir);
  return dir;
}

async function open(page: Page, dir: string): Promise<string[]> {
  // the folder is this spec's (prepared above): the harness starts the bridge on it and leaves it
  bridge = await startBridge({ prefix: 'fz-damaged-', dataDir: dir });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(bridge.url);
  return problems;
}

test.afterEach(() => {
  bridge?.stop();
  bridge = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  dataDir = '';
});

test('a corrupt year with no backup: the other year opens, the damaged one is shown with its path and can start afresh', async ({ page }) => {
  dataDir = prepare((dir) => writeFileSync(path.join(dir, 'year-2024.json'), '{"version":1,"year":2024,"ledger":[{"id":'));
  const problems = await open(page, dataDir);

  const banner = page.getByTestId('damaged-files');
  await expect(banner).toContainText('2024年度的数据文件已损坏');
  await expect(banner).toContainText(path.join(dataDir, 'year-2024.json'));
  await expect(banner.getByRole('button', { name: '从备份文件恢复…' })).toBeVisible();
  await expect(page.getByText('无法载入数据')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'damaged-year.png') });

  // the healthy year opens: the year picker offers it and its ledger is there
  await expect(page.getByTestId('year-picker')).toContainText('2023年');
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  await expect(page.getByRole('row').nth(3)).toBeVisible();

  await banner.getByRole('button', { name: /以空白的2024年度重新开始/ }).click();
  await page.getByRole('button', { name: '重新开始', exact: true }).click();
  await expect(page.getByTestId('damaged-files')).toHaveCount(0);
  const kept = readdirSync(dataDir).filter((n) => /^year-2024\.damaged-\d{8}T\d{6}\.json$/.test(n));
  expect(kept).toHaveLength(1);
  expect(readFileSync(path.join(dataDir, kept[0]!), 'utf8')).toBe('{"version":1,"year":2024,"ledger":[{"id":');
  await page.getByTestId('year-picker').click();
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('2024年');
  expect(problems).toEqual([]);
});

test('a corrupt unit.json with no backup: shown with its path and choices instead of 无法载入数据; starting afresh asks for the unit', async ({ page }) => {
  dataDir = prepare((dir) => writeFileSync(path.join(dir, 'unit.json'), 'not json at all'));
  const problems = await open(page, dataDir);

  const banner = page.getByTestId('damaged-files');
  await expect(banner).toContainText('单位信息文件已损坏');
  await expect(banner).toContainText(path.join(dataDir, 'unit.json'));
  await expect(banner.getByRole('button', { name: '从备份文件恢复…' })).toBeVisible();
  await expect(page.getByText('无法载入数据')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'damaged-unit.png') });

  await banner.getByRole('button', { name: /重新填写单位信息/ }).click();
  await page.getByRole('button', { name: '重新开始', exact: true }).click();
  await expect(page.getByTestId('damaged-files')).toHaveCount(0);
  // the welcome form: the years on disk are untouched
  await expect(page.getByRole('button', { name: /创建单位|载入示例数据/ }).first()).toBeVisible();
  expect(readdirSync(dataDir).filter((n) => /^unit\.damaged-/.test(n))).toHaveLength(1);
  expect(existsSync(path.join(dataDir, 'year-2023.json'))).toBe(true);
  expect(problems).toEqual([]);
});

test('a corrupt year put back from its automatic backup: the app opens as usual and the overview says what was lost', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fz-recovered-'));
  dataDir = dir;
  execFileSync(process.execPath, [cliMain, 'demo', '--data', dir]);
  // the day's first change copies the year file into backups/ before writing; this entry is after that copy
  execFileSync(process.execPath, [cliMain, 'ledger', 'add', '--data', dir, '--year', '2024', '--date', '2024-06-01', '--category', '普法宣传', '--title', '备份之后录入的活动']);
  const file = path.join(dir, 'year-2024.json');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(0, text.length / 2));
  const problems = await open(page, dir);

  const told = page.getByTestId('warnings');
  await expect(told).toContainText('年度数据文件 year-2024.json 已损坏');
  await expect(told).toContainText('该备份之后所做的修改未能恢复，请核对');
  await expect(page.getByTestId('damaged-files')).toHaveCount(0);
  await expect(page.getByText('无法载入数据')).toHaveCount(0);
  await told.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'recovered-year.png') });
  expect(readdirSync(dir).filter((n) => /^year-2024\.corrupt-\d{8}T\d{6}\.json$/.test(n))).toHaveLength(1);
  expect(problems).toEqual([]);
});
