import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDir, tempDir } from '../support/tmp';
import { mediationSheet, realLedgerSheet } from './sheets';
import { fazhi, requireBuiltCli } from '../support/fazhi';

let dir: string;
let cleanup: () => Promise<void>;
let data: string;
let ledgerFile: string;
let casesFile: string;

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-sheet-cli-'));
  data = path.join(dir, 'data');
  expect((await fazhi('demo', '--data', data)).code).toBe(0);
  ledgerFile = path.join(dir, '台账.xlsx');
  casesFile = path.join(dir, '调解.xlsx');
  await writeFile(ledgerFile, await realLedgerSheet());
  await writeFile(casesFile, await mediationSheet());
}, 60_000);
afterAll(() => cleanup());

const count = async (what: 'ledger') => JSON.parse((await fazhi(what, 'list', '--data', data, '--year', '2024', '--json')).stdout).length as number;

describe('fazhi ledger/mediation import and fazhi xlsx', () => {
  it('--dry-run reports the rows and their problems and writes nothing', async () => {
    const before = await snapshotDir(data);
    const r = await fazhi('ledger', 'import', ledgerFile, '--data', data, '--year', '2024', '--dry-run');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('可导入 5 条；有问题 5 条');
    expect(r.stdout).toContain('第12行：C列“类别”：类别“广场舞比赛”不是已有的台账类别');
    // a bad date and another year's date name the column as Excel shows it
    expect(r.stdout).toContain('第11行：B列“日期”：“2023-12-30”是2023年的日期，不在2024年度内');
    expect(r.stdout).toContain('第15行是合计行，已跳过');
    expect(r.stdout).toContain('试运行：将导入 5 条，未写入任何数据');
    expect(await snapshotDir(data)).toEqual(before);
  });

  it('imports the good rows with --mapping, and --json says what happened', async () => {
    const n = await count('ledger');
    const r = await fazhi('ledger', 'import', ledgerFile, '--data', data, '--year', '2024', '--mapping', '{"序号":"备注","备注":null}', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.added).toBe(5);
    expect(out.mapping['序号']).toBe('note');
    expect(out.problems).toHaveLength(5);
    expect(await count('ledger')).toBe(n + 5);
    // again: all duplicates, nothing to import, exit code 1 and a Chinese reason
    const again = await fazhi('ledger', 'import', ledgerFile, '--data', data, '--year', '2024');
    expect(again.code).not.toBe(0);
    expect(again.stdout).toContain('重复 5 条');
    expect(again.stderr).toContain('没有可导入的记录');
    expect(await count('ledger')).toBe(n + 5);
  });

  it('mediation import leaves the parties out; a bad mapping is refused in Chinese', async () => {
    const r = await fazhi('mediation', 'import', casesFile, '--data', data, '--year', '2024');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('不导入的列：当事人、联系电话、简要情况');
    expect(r.stdout).toContain('已导入 3 条');
    const bad = await fazhi('mediation', 'import', casesFile, '--data', data, '--year', '2024', '--mapping', '{"当事人":"title"}');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/字段“title”无效/);
    const notJson = await fazhi('ledger', 'import', ledgerFile, '--data', data, '--year', '2024', '--mapping', '{oops');
    expect(notJson.stderr).toMatch(/--mapping 应为 JSON/);
  });

  it('xlsx writes the whole year as a workbook', async () => {
    const out = path.join(dir, 'year.xlsx');
    const r = await fazhi('xlsx', '--data', data, '--year', '2024', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['活动台账', '调解案件', '指标']);
    expect(wb.getWorksheet('活动台账')!.rowCount).toBe((await count('ledger')) + 2);
  });
});
