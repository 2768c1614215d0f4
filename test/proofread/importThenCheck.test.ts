/**
 * Last year's report brought in with `fazhi import`, then `fazhi check`: what the import met on the
 * way (a numbering gap) and the slips in the text are findings; the figures of a year that has no
 * data of its own raise nothing.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src-shared/proofread/finding';
import { fazhi, requireBuiltCli } from '../support/fazhi';
import { tempDir } from '../support/tmp';

// written for this test; the slips are the kind a reader notices and Word never flags
const OLD_REPORT = [
  '石桥镇2024年法治政府建设年度报告',
  '一、2024年法治政府建设主要举措和成效',
  '（一）依法决策',
  '全年审查规范性文件6件，审查重大合同11件，做到应审尽审。',
  '（三）执法规范化',
  '组织20名机关干部参加执法资格考试，通过17人，通过率95%。推进依法依法行政。',
  '二、存在的不足和原因',
  '基层法治力量仍然薄弱,队伍专业化程度不高。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党委书记主持召开法治建设专题会议4次，带头讲授法治课。',
  '四、2026年工作安排',
  '一是完善合法性审查机制；二是加强执法队伍培训。',
  '石桥镇人民政府',
  '2025年1月12日',
].join('\n');

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-import-check-'));
});
afterAll(() => cleanup());

describe('fazhi import, then fazhi check', () => {
  it('lists the import’s numbering finding and the text’s slips, and no figure of an empty year', async () => {
    const file = path.join(dir, '2024年报告.txt');
    await writeFile(file, OLD_REPORT, 'utf8');
    const data = path.join(dir, 'data');
    const imp = await fazhi('import', file, '--data', data);
    expect(imp).toMatchObject({ code: 0, stderr: '' });

    const r = await fazhi('check', '--data', data, '--year', '2024', '--json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as Finding[];
    const codes = new Set(findings.map((f) => f.code));
    // （一）→（三）: met by the import and kept with the year
    expect(codes).toContain('numbering');
    expect(codes).toContain('duplicate-phrase');
    expect(codes).toContain('rate-arithmetic');
    expect(codes).toContain('half-width');
    // the plan part of a 2024 report plans 2025, not 2026
    expect(findings.some((f) => f.code === 'year-mismatch' && f.excerpt.includes('2026'))).toBe(true);
    // an imported report in an empty year must not light up every number
    expect(codes).not.toContain('text-vs-data');
    const dup = findings.find((f) => f.code === 'duplicate-phrase')!;
    expect(dup.excerpt).toBe('依法依法');

    // the plain form: a line per finding, then the count
    const plain = await fazhi('check', '--data', data, '--year', '2024');
    expect(plain.code).toBe(1);
    const lines = plain.stdout.trim().split('\n');
    expect(lines.length).toBe(findings.length + 1);
    expect(lines.at(-1)).toContain(`共${findings.length}项`);
  });
});
