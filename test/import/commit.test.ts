import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { flattenParts } from '../../src-shared/text/walk';
import { servicesPerTest } from '../support/services';
import { snapshotDir } from '../support/tmp';
import { encryptedOfficeContainer } from './files';
import { HALF_WIDTH, PLAIN, RESPONSIBLE_FIRST } from './samples';

const utf8 = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

const svc = servicesPerTest({ prefix: 'fazhi-import-commit-' });
const call = svc.call;

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    expect((e as AppError).message).not.toMatch(/ENOENT|Error:|at \w+ \(|undefined/);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('bad files: a Chinese message, nothing written', () => {
  const cases: Array<[string, string, () => Uint8Array, RegExp]> = [
    ['an empty file', '报告.docx', () => new Uint8Array(0), /空的/],
    ['an empty text file', '报告.txt', () => new Uint8Array(0), /空的/],
    ['a text file of blank lines', '报告.txt', () => utf8(['', '   ', '\u3000']), /没有文字/],
    ['a .zip renamed .docx', '报告.docx', () => zipSync({ 'a.txt': strToU8('hello') }), /不是 Word 文档.*压缩包/],
    ['a PNG renamed .docx', '报告.docx', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), /PNG 图片/],
    ['a JPEG renamed .doc', '报告.doc', () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), /JPEG 图片/],
    ['a file over 50 MB', '报告.docx', () => new Uint8Array(50 * 1024 * 1024 + 1), /50 MB/],
    ['a password-protected .docx', '报告.docx', encryptedOfficeContainer, /密码/],
    ['a .wps file', '报告.wps', () => utf8(['一、标题']), /另存为.*docx/],
    ['an .et file', '表格.et', () => utf8(['x']), /另存为.*docx/],
    ['a .pdf', '报告.pdf', () => new Uint8Array([0x25, 0x50, 0x44, 0x46]), /只能导入 \.docx、\.doc 或 \.txt/],
    ['a binary .txt', '报告.txt', () => new Uint8Array([1, 0, 2, 0, 3]), /二进制/],
    ['random bytes named .doc', '报告.doc', () => new Uint8Array(2000).fill(7), /不是有效的 Word 文档/],
  ];
  for (const [name, fileName, make, message] of cases)
    it(name, async () => {
      const before = await snapshotDir(svc.dir);
      const e = await refused(call('import.preview', { fileName, data: new Uint8Array(make()) }));
      expect(e.message).toMatch(message);
      expect(await snapshotDir(svc.dir)).toEqual(before);
    });
});

describe('import.commit', () => {
  it('into an empty folder: creates the unit (区) and the year in one step; findings kept with the year', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(RESPONSIBLE_FIRST) });
    expect(p.unitExists).toBe(false);
    const r = await call('import.commit', { year: p.year!, report: p.report, findings: p.findings, unit: p.unit! });
    expect(r).toMatchObject({ year: 2024, unitCreated: true, yearCreated: true, replaced: false });
    expect(await call('unit.get', {})).toMatchObject({ shortName: '东湖区', fullName: '东湖区人民政府', kind: '区', villages: [] });
    const saved = await call('report.get', { year: 2024 });
    expect(saved.parts.map((x) => x.heading)).toEqual(p.report.parts.map((x) => x.heading));
    const file = JSON.parse(await readFile(path.join(svc.dir, 'year-2024.json'), 'utf8'));
    expect(file.data?.report?.title ?? file.report?.title).toBe('东湖区人民政府关于2024年度法治政府建设情况的报告');
  });

  it('into an empty folder where the year cannot be written: a Chinese message and no unit left behind', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(RESPONSIBLE_FIRST) });
    // a folder where the year file goes: the year write fails after every check has passed
    await mkdir(path.join(svc.dir, 'year-2024.json'));
    const e = await refused(call('import.commit', { year: p.year!, report: p.report, findings: p.findings, unit: p.unit! }));
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.message).not.toMatch(/EISDIR|EEXIST|Error:/);
    expect(await call('unit.get', {})).toBeNull();
    expect(await readdir(svc.dir)).not.toContain('unit.json');
  });

  it('half-width marks: kept and recorded as findings, or converted with one choice; numbering findings stay with the year', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(HALF_WIDTH) });
    const keep = await call('import.commit', { year: 2024, report: p.report, findings: p.findings });
    expect(keep.converted).toBe(0);
    // the preview lists each mark; the year keeps them as the proofreader shows them: one per part, all places kept
    expect(p.halfWidth).toHaveLength(4);
    const grouped = keep.findings.filter((f) => f.code === 'half-width');
    expect(grouped.reduce((n, f) => n + (f.spots?.length ?? 1), 0)).toBe(4);
    expect(new Set(grouped.map((f) => `${f.partId}|${f.field}`)).size).toBe(grouped.length);
    expect(keep.findings.filter((f) => f.code === 'numbering')).toHaveLength(3);
    const stored = JSON.parse(await readFile(path.join(svc.dir, 'year-2024.json'), 'utf8'));
    const proof = (stored.data ?? stored).proofreading;
    expect(proof.imported).toHaveLength(3 + grouped.length);

    const conv = await call('import.commit', { year: 2024, report: p.report, findings: p.findings, convertHalfWidth: true, mode: 'replace' });
    expect(conv.converted).toBe(4);
    expect(conv.findings.map((f) => f.code)).toEqual(['numbering', 'numbering', 'numbering']);
    const body = flattenParts(conv.report.parts).flatMap((x) => x.paragraphs);
    expect(body).toContain('制定了街道重大事项集体决策规则，并严格执行。');
    expect(body).toContain('接受人大监督（含专项视察）和群众监督；整改问题4项。');
  });

  it('ticked figures become indicator values and, when asked, placeholders that print the same text', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(PLAIN) });
    const pick = (id: string) => p.suggestions.find((s) => s.indicatorId === id)!;
    const docs = pick('normative-docs-reviewed');
    const contracts = pick('contracts-reviewed');
    const r = await call('import.commit', {
      year: 2024,
      report: p.report,
      take: [
        { ...docs, placeholder: true },
        { ...contracts, placeholder: false },
      ],
    });
    expect(r.values).toEqual([
      { indicatorId: 'normative-docs-reviewed', value: 8 },
      { indicatorId: 'contracts-reviewed', value: 15 },
    ]);
    expect(r.placeholders).toBe(1);
    const para = flattenParts(r.report.parts).find((x) => x.id === docs.partId)!.paragraphs[0]!;
    expect(para).toBe('镇党委会议研究重大事项前均听取法律顾问意见，全年审查规范性文件{{normative-docs-reviewed}}，审查政府合同15件。');
    const rows = await call('indicators.list', { year: 2024 });
    expect(rows.find((x) => x.def.id === 'normative-docs-reviewed')!.value).toBe(8);
    expect(rows.find((x) => x.def.id === 'contracts-reviewed')!.value).toBe(15);
    const rendered = await call('report.render', { year: 2024 });
    expect(rendered.rendered.blocks.flatMap((b) => b.paragraphs)).toContain('镇党委会议研究重大事项前均听取法律顾问意见，全年审查规范性文件8件，审查政府合同15件。');
    // a computed indicator cannot take an imported figure
    const before = await snapshotDir(svc.dir);
    const e = await refused(call('import.commit', { year: 2024, report: p.report, mode: 'replace', take: [{ ...pick('mediation-cases'), placeholder: false }] }));
    expect(e.message).toContain('由系统计算');
    expect(await snapshotDir(svc.dir)).toEqual(before);
  });

  it('a year that already has a report: refused without replace (nothing written), replaced with it', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(PLAIN) });
    await call('import.commit', { year: 2024, report: p.report });
    const again = await call('import.preview', { fileName: 'r.txt', data: utf8(HALF_WIDTH) });
    expect(again.existing).toEqual({ yearExists: true, hasReport: true });
    const before = await snapshotDir(svc.dir);
    const e = await refused(call('import.commit', { year: 2024, report: again.report }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain('替换');
    expect(await snapshotDir(svc.dir)).toEqual(before);
    const r = await call('import.commit', { year: 2024, report: again.report, mode: 'replace' });
    expect(r.replaced).toBe(true);
    expect((await call('report.get', { year: 2024 })).title).toBe('枫林街道2024年法治政府建设年度报告');
  });

  it('an empty template year is filled without asking', async () => {
    await call('unit.save', { unit: { shortName: '青石镇', fullName: '青石镇人民政府', kind: '镇', villages: [] } });
    await call('years.create', { year: 2024 });
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(PLAIN) });
    expect(p.existing).toEqual({ yearExists: true, hasReport: false });
    const r = await call('import.commit', { year: 2024, report: p.report });
    expect(r).toMatchObject({ yearCreated: false, unitCreated: false, replaced: false });
  });

  it('no unit in the folder and none in the title: refused with a Chinese message, nothing written', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(['工作报告', '一、情况', '做了工作。']), year: 2024 });
    expect(p.unit).toBeNull();
    const before = await snapshotDir(svc.dir);
    const e = await refused(call('import.commit', { year: 2024, report: p.report }));
    expect(e.message).toContain('单位');
    expect(await snapshotDir(svc.dir)).toEqual(before);
    const ok = await call('import.commit', { year: 2024, report: p.report, unit: { shortName: '云溪县', fullName: '云溪县人民政府', kind: '县' } });
    expect(ok.unitCreated).toBe(true);
  });
});
