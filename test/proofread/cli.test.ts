import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { servicesClient } from '../support/services';
import type { Finding } from '../../src-shared/proofread/finding';
import { fazhi, requireBuiltCli } from '../support/fazhi';

let dir: string;
let cleanup: () => Promise<void>;
let data: string;

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-check-'));
  data = path.join(dir, 'data');
  expect((await fazhi('demo', '--data', data)).code).toBe(0);
});
afterAll(() => cleanup());

describe('fazhi check', () => {
  it('exits 0 on the clean demo report and says so', async () => {
    const r = await fazhi('check', '--data', data, '--year', '2024');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe('2024年度报告未发现问题');
    expect(JSON.parse((await fazhi('check', '--data', data, '--year', '2024', '--json')).stdout)).toEqual([]);
  });

  it('exits 1 when a 错误 is open; --json prints the findings, the plain form one line each', async () => {
    const { call } = await servicesClient(data);
    const report = await call('report.get', { year: 2024 });
    report.parts[1]!.paragraphs = ['全年开展各类普法宣传活动20次,依法依法行政。'];
    await call('report.save', { year: 2024, report });

    const j = await fazhi('check', '--data', data, '--year', '2024', '--json');
    expect(j.code).toBe(1);
    const fs = JSON.parse(j.stdout) as Finding[];
    expect(fs.map((f) => f.code).sort()).toEqual(['duplicate-phrase', 'half-width', 'text-vs-data']);
    expect(fs.find((f) => f.code === 'duplicate-phrase')).toMatchObject({ severity: '错误', excerpt: '依法依法', where: '存在的不足和原因' });

    const t = await fazhi('check', '--data', data, '--year', '2024');
    expect(t.code).toBe(1);
    const lines = t.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines).toContain('[错误] 存在的不足和原因\t“依法”连写了两遍\t“依法依法”');
    expect(lines.at(-1)).toBe('共3项：错误2项，提醒1项');
  });

  it('exits 0 when only 提醒 are open', async () => {
    const { call } = await servicesClient(data);
    const report = await call('report.get', { year: 2024 });
    report.parts[1]!.paragraphs = ['推进法治建设,加强培训。'];
    await call('report.save', { year: 2024, report });
    const r = await fazhi('check', '--data', data, '--year', '2024');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[提醒]');
  });

  it('bad input exits 2 with one Chinese line', async () => {
    const r = await fazhi('check', '--data', data, '--year', '24');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('年度格式无效：24（应为四位数字，如 2024）');
    const missing = await fazhi('check', '--data', path.join(dir, 'nope'), '--year', '2024');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/数据文件夹不存在/);
    const noYear = await fazhi('check', '--data', data, '--year', '2030');
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toMatch(/没有2030年度的数据/);
  });
});
