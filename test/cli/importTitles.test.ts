/**
 * `fazhi import` into an empty folder for every title form real reports take (issue 18 §3): the
 * year and unit are read from the title, or given with --unit/--kind; joint titles sign with both
 * issuers. Report text written for this test.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { fazhi, requireBuiltCli } from '../support/fazhi';

let dir = '';
let cleanup: () => Promise<void>;
beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-cli-titles-'));
});
afterAll(() => cleanup?.());

const BODY = ['一、主要举措和成效', '坚持依法决策，全年审查规范性文件8件。', '二、存在的不足', '执法力量偏弱。', '三、党政主要负责人履行推进法治建设第一责任人职责情况', '主要负责人带头学法。', '四、2025年工作安排', '继续加强队伍建设。'];

let n = 0;
async function importText(head: string[], ...args: string[]) {
  const data = path.join(dir, `d${++n}`);
  const file = path.join(dir, `r${n}.txt`);
  await writeFile(file, [...head, ...BODY].join('\n'));
  const r = await fazhi('import', file, '--data', data, ...args);
  const unit = r.code === 0 ? JSON.parse(await readFile(path.join(data, 'unit.json'), 'utf8')) : null;
  const year = r.code === 0 ? JSON.parse(await readFile(path.join(data, 'year-2024.json'), 'utf8')) : null;
  return { r, unit: unit?.data?.unit ?? unit?.unit, report: (year?.data ?? year)?.report };
}

describe('fazhi import into an empty folder, every title form', () => {
  it.each([
    [['某某街2024年法治政府建设年度报告'], '某某街道'],
    [['某某路街道2024法治政府建设年度报告'], '某某路街道'],
    [['×府〔2025〕12号', '某某镇2024年法治政府建设年度报告'], '某某镇'],
    [['区委全面依法治区委员会办公室：', '某某镇2024年法治政府建设年度报告'], '某某镇'],
    [['中共某某乡委员会', '某某乡人民政府', '关于2024年法治政府建设情况的报告'], '某某乡'],
  ])('%j → unit %s, year 2024', async (head, shortName) => {
    const { r, unit, report } = await importText(head);
    expect(r.code, r.stderr).toBe(0);
    expect(unit.shortName).toBe(shortName);
    expect(report.parts).toHaveLength(4);
  });

  it('a joint title signs with both issuers; a title after the addressee keeps the addressee', async () => {
    const joint = await importText(['中共某某乡委员会', '某某乡人民政府', '关于2024年法治政府建设情况的报告']);
    expect(joint.report.signature).toMatchObject({ name: '中共某某乡委员会', jointName: '某某乡人民政府' });
    const after = await importText(['区委全面依法治区委员会办公室：', '某某镇2024年法治政府建设年度报告']);
    expect(after.report).toMatchObject({ title: '某某镇2024年法治政府建设年度报告', recipient: '区委全面依法治区委员会办公室' });
  });

  it('no title: the error names --unit, and --unit/--kind create the unit', async () => {
    const none = await importText([], '--year', '2024');
    expect(none.r.code).not.toBe(0);
    expect(none.r.stderr).toContain('--unit 名称 [--kind 镇|乡|街道|区|县]');
    const given = await importText([], '--year', '2024', '--unit', '某某', '--kind', '街道');
    expect(given.r.code, given.r.stderr).toBe(0);
    expect(given.unit).toMatchObject({ shortName: '某某', fullName: '某某办事处', kind: '街道' });
  });

  it('a whole report on one line: title, year and unit read from its opening words', async () => {
    const data = path.join(dir, 'oneline');
    const file = path.join(dir, 'oneline.txt');
    await writeFile(file, '某某镇2024年法治政府建设年度报告 一、主要举措和成效。全年审查规范性文件8件，审查政府合同15件。');
    const r = await fazhi('import', file, '--data', data);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await readFile(path.join(data, 'unit.json'), 'utf8')).unit ?? {}).toBeDefined();
  });
});
