import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src-shared/proofread/finding';
import type { Part, Report } from '../../src-shared/domain/report';
import { snapshotDir, tempDir } from '../support/tmp';
import { fazhi, requireBuiltCli } from '../support/fazhi';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-cli-import-'));
});
afterAll(() => cleanup());

const outline = (parts: Part[], level = 1): string[] =>
  parts.flatMap((p) => [`${level}:${p.heading}:${p.runIn}:${p.contentItem ?? ''}`, ...outline(p.children, level + 1)]);
const docText = async (file: string) => (await mammoth.extractRawText({ path: file })).value.replace(/\s+/g, '');

describe('fazhi import and fazhi report show', () => {
  it('round trip: demo → export → import into a new folder → same outline and text; export again → same document text', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    expect((await fazhi('demo', '--data', a)).code).toBe(0);
    const first = path.join(dir, 'first.docx');
    expect((await fazhi('export', '--data', a, '--year', '2024', '--out', first)).code).toBe(0);

    const imp = await fazhi('import', first, '--data', b);
    expect(imp.code, imp.stderr).toBe(0);
    // the tree, with numbers, indented by level
    expect(imp.stdout).toContain('一、2024年法治政府建设主要举措和成效 ［主要举措和成效］');
    expect(imp.stdout).toContain('\n  （一）坚持依法科学民主决策 ［接排］');
    expect(imp.stdout).toContain('四、2025年推进法治政府建设的主要安排 ［下一年度主要安排］');

    const original = JSON.parse((await fazhi('report', 'show', '--data', a, '--year', '2024', '--json')).stdout) as Report;
    const shown = await fazhi('report', 'show', '--data', b, '--year', '2024', '--json');
    expect(shown.code).toBe(0);
    const imported = JSON.parse(shown.stdout) as Report;
    expect(outline(imported.parts)).toEqual(outline(original.parts));
    expect(imported.title).toBe(original.title);
    expect(imported.preamble).toEqual(original.preamble);
    // headings without their numbers
    expect(imported.parts.map((p) => p.heading).join('')).not.toMatch(/^[一二三四]、|（[一二三四五]）/);

    const tree = await fazhi('report', 'show', '--data', b, '--year', '2024');
    expect(tree.stdout.split('\n').slice(0, 4)).toEqual(['横街镇2024年法治政府建设年度报告', '（导语 1 段）', '一、2024年法治政府建设主要举措和成效 ［主要举措和成效］', '  （一）坚持依法科学民主决策 ［接排］（1 段）']);

    const second = path.join(dir, 'second.docx');
    const ex = await fazhi('export', '--data', b, '--year', '2024', '--out', second);
    expect(ex.code, ex.stderr).toBe(0);
    expect(await docText(second)).toBe(await docText(first));
  });

  it('--json prints what was saved and the findings met on the way, which stay with the year', async () => {
    const data = path.join(dir, 'c');
    const file = path.join(dir, '枫林.txt');
    await writeFile(file, ['枫林街道2024年法治政府建设年度报告', '一、推进情况', '(一)完善制度', '制定了决策规则,并严格执行。', '(三)强化监督', '接受监督。'].join('\n'));
    const r = await fazhi('import', file, '--data', data, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { year: number; report: Report; findings: Finding[]; unitCreated: boolean };
    expect(out.year).toBe(2024);
    expect(out.unitCreated).toBe(true);
    expect(out.findings.map((f) => f.code).sort()).toEqual(['half-width', 'numbering', 'numbering', 'numbering']);
    expect(out.findings.find((f) => f.code === 'half-width')).toMatchObject({ field: 'body', excerpt: expect.stringContaining(','), fix: { replacement: '，' } });
    expect(out.report.parts[0]!.children.map((p) => p.heading)).toEqual(['完善制度', '强化监督']);
  });

  it('a year that has a report is not replaced without --replace; nothing written', async () => {
    const data = path.join(dir, 'd');
    const file = path.join(dir, 'x.txt');
    await writeFile(file, ['青石镇2024年法治政府建设年度报告', '一、主要举措', '开展工作。'].join('\n'));
    expect((await fazhi('import', file, '--data', data)).code).toBe(0);
    const before = await snapshotDir(data);
    const again = await fazhi('import', file, '--data', data);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有报告');
    expect(again.stderr).toContain('--replace');
    expect(await snapshotDir(data)).toEqual(before);
    expect((await fazhi('import', file, '--data', data, '--replace')).code).toBe(0);
  });

  it('bad files: one Chinese line, exit code 2, no data folder created', async () => {
    const data = path.join(dir, 'e');
    const bad = path.join(dir, 'empty.docx');
    await writeFile(bad, '');
    const r = await fazhi('import', bad, '--data', data);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^[^\n]*空的[^\n]*$/);
    const wps = path.join(dir, 'old.wps');
    await writeFile(wps, 'x');
    expect((await fazhi('import', wps, '--data', data)).stderr).toContain('另存为');
    expect((await fazhi('import', path.join(dir, 'missing.docx'), '--data', data)).stderr).toContain('文件不存在');
    expect((await fazhi('import', '--data', data)).stderr).toContain('缺少要导入的文件');
    expect(existsSync(data)).toBe(false);
  });
});
