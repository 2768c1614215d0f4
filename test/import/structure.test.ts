import iconv from 'iconv-lite';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Call } from '../../src-shared/contract';
import type { Part, Report } from '../../src-shared/domain/report';
import { flattenParts } from '../../src-shared/text/walk';
import { servicesClient } from '../support/services';
import { snapshotDir, tempDir } from '../support/tmp';
import { libreOfficeConvert, styledDocx, writeBytes } from './files';
import { HALF_WIDTH, NO_HEADING, PLAIN, RESPONSIBLE_FIRST, RUN_IN, TWO_LINE_TITLE } from './samples';

let dir: string;
let cleanup: () => Promise<void>;
let call: Call;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('fazhi-import-'));
  await mkdir(path.join(dir, 'data'));
  ({ call } = await servicesClient(path.join(dir, 'data')));
});
afterAll(() => cleanup());

const utf8 = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));

/** "level heading [run-in] <item>" per part, indented by level: what the clerk sees in the preview. */
function outline(parts: Part[], level = 1): string[] {
  return parts.flatMap((p) => [
    `${level}${'  '.repeat(level - 1)} ${p.heading}${p.runIn ? ' [接排]' : ''}${level === 1 ? ` <${p.contentItem}>` : ''}`,
    ...outline(p.children, level + 1),
  ]);
}

const TYPED_NUMBER = /^([（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、，,．.]|\d{1,2}[.．、](?!\d))/;

/**
 * Every character of the source, back from the report: title, 主送机关, preamble, each heading
 * (a run-in heading gets back the 。 it was split at) and paragraphs, the 落款. Typed numbers are
 * the only thing removed; whitespace is ignored.
 */
function textBack(r: Report): string {
  const parts = (ps: Part[]): string[] =>
    ps.flatMap((p) => [p.runIn && !/[：:！？；]$/.test(p.heading) ? `${p.heading}。` : p.heading, ...p.paragraphs, ...parts(p.children)]);
  return [r.title, r.recipient ? `${r.recipient}：` : '', ...r.preamble, ...parts(r.parts), r.signature.name].join('').replace(/\s/g, '');
}
function sourceText(lines: string[], dateLast: boolean): string {
  return (dateLast ? lines.slice(0, -1) : lines).map((l) => l.trim().replace(TYPED_NUMBER, '')).join('').replace(/\s/g, '');
}

describe('import.preview finds the structure of reports in every shape', () => {
  it('plain numbered paragraphs: title, 主送机关, preamble, three levels, content items by meaning, 落款', async () => {
    const before = await snapshotDir(path.join(dir, 'data'));
    const p = await call('import.preview', { fileName: '青石镇.txt', data: utf8(PLAIN) });
    expect(p.report.title).toBe('青石镇2024年法治政府建设年度报告');
    expect(p.report.recipient).toBe('区人民政府');
    expect(p.report.preamble).toEqual([PLAIN[2]]);
    expect(outline(p.report.parts)).toEqual([
      '1 2024年法治政府建设基本情况 <measures>',
      '2   健全依法决策机制',
      '2   规范行政执法行为',
      '2   深化矛盾纠纷调解',
      '1 存在的问题和不足 <shortcomings>',
      '1 主要负责人履行推进法治建设第一责任人职责情况 <firstResponsible>',
      '1 2025年工作打算 <nextYear>',
    ]);
    // 一是/二是 stay body text
    expect(p.report.parts[3]!.paragraphs).toEqual(['一是继续完善法律顾问制度；二是加大执法人员培训力度；三是推进普法阵地建设。']);
    expect(p.report.signature).toMatchObject({ name: '青石镇人民政府', date: '2025-01-10' });
    expect(p.year).toBe(2024);
    expect(p.unit).toEqual({ shortName: '青石镇', fullName: '青石镇人民政府', kind: '镇' });
    expect(p.findings).toEqual([]);
    expect(textBack(p.report)).toBe(sourceText(PLAIN, true));
    // figures offered as indicator values, by meaning
    const sug = Object.fromEntries(p.suggestions.map((s) => [s.indicatorId, s]));
    expect(sug['normative-docs-reviewed']).toMatchObject({ value: 8, text: '8件', computed: false });
    expect(sug['contracts-reviewed']).toMatchObject({ value: 15, text: '15件' });
    expect(sug['mediation-cases']).toMatchObject({ value: 96, text: '96起', computed: true });
    expect(sug['mediation-success']).toMatchObject({ value: 90 });
    expect(sug['enf-exam-takers']).toMatchObject({ value: 12 });
    expect(sug['leader-lectures']).toMatchObject({ value: 2 });
    // a preview writes nothing
    expect(await snapshotDir(path.join(dir, 'data'))).toEqual(before);
  });

  it('run-in sub-parts: heading up to the first 。/：, the rest is its paragraph; nested 1. items', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(RUN_IN) });
    expect(outline(p.report.parts)).toEqual([
      '1 主要举措和成效 <measures>',
      '2   坚持依法决策 [接排]',
      '2   推进政务公开： [接排]',
      '2   加强普法宣传 [接排]',
      '3     开展主题宣传 [接排]',
      '3     送法进村 [接排]',
      '1 存在的不足 <shortcomings>',
      '1 党政主要负责人履职情况 <firstResponsible>',
      '1 下一年度工作计划 <nextYear>',
    ]);
    expect(p.report.parts[0]!.children[0]!.paragraphs).toEqual(['一是制定决策事项目录，二是重大决策前开展合法性审查，全年审查事项6件。']);
    expect(p.unit?.kind).toBe('乡');
    expect(textBack(p.report)).toBe(sourceText(RUN_IN, false));
  });

  it('half-width brackets and a numbering gap become findings; half-width marks listed with their fix; no preamble', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(HALF_WIDTH) });
    expect(p.report.preamble).toEqual([]);
    expect(outline(p.report.parts)).toEqual(['1 推进情况 <measures>', '2   完善制度', '2   强化监督', '1 困难和问题 <shortcomings>', '1 2025年工作思路 <nextYear>']);
    expect(p.findings.map((f) => [f.code, f.message])).toEqual([
      ['numbering', '编号“(一)”用了半角括号，应为全角“（一）”'],
      ['numbering', '编号“(三)”用了半角括号，应为全角“（三）”'],
      ['numbering', '编号不连续：应为第2个，这里是“(三)”'],
    ]);
    expect(p.findings[2]!.partId).toBe(p.report.parts[0]!.children[1]!.id);
    expect(p.halfWidth.map((f) => [f.code, f.excerpt.includes(f.fix!.replacement) ? 'converted?' : f.fix!.replacement])).toEqual([
      ['half-width', '，'],
      ['half-width', '（'],
      ['half-width', '）'],
      ['half-width', '；'],
    ]);
    expect(p.unit).toEqual({ shortName: '枫林街道', fullName: '枫林街道办事处', kind: '街道' });
    expect(textBack(p.report)).toBe(sourceText(HALF_WIDTH, false));
  });

  it('第一责任人 first, a district report titled 关于…的报告: items follow meaning, not order; unit kind 区', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(RESPONSIBLE_FIRST) });
    expect(p.report.parts.map((x) => x.contentItem)).toEqual(['firstResponsible', 'measures', 'shortcomings', 'nextYear']);
    expect(p.unit).toEqual({ shortName: '东湖区', fullName: '东湖区人民政府', kind: '区' });
    expect(p.year).toBe(2024);
    expect(p.report.recipient).toBe('市人民政府');
    expect(p.report.signature).toMatchObject({ name: '东湖区人民政府', date: '2025-02-01' });
    expect(textBack(p.report)).toBe(sourceText(RESPONSIBLE_FIRST, true));
  });

  it('a title on two lines is one title, broken where its author broke it', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(TWO_LINE_TITLE) });
    expect(p.report.title).toBe('北门街道办事处关于2024年度\n法治政府建设情况的报告');
    expect(p.report.parts.map((x) => x.contentItem)).toEqual(['measures', 'shortcomings', 'nextYear']);
    expect(p.unit?.shortName).toBe('北门街道');
    expect(textBack(p.report)).toBe(sourceText(TWO_LINE_TITLE, false));
  });

  it('no recognisable heading: one part with every line, and a warning', async () => {
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(NO_HEADING), year: 2024 });
    expect(p.report.parts).toHaveLength(1);
    expect(p.report.parts[0]!.paragraphs).toEqual(NO_HEADING.slice(1));
    expect(p.warnings.join('')).toContain('未识别到任何标题');
    expect(p.year).toBe(2024);
  });

  it('GB18030 and UTF-8-with-BOM text files read the same as UTF-8', async () => {
    const gb = new Uint8Array(iconv.encode(RUN_IN.join('\r\n'), 'gb18030'));
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(RUN_IN)]);
    const a = await call('import.preview', { fileName: 'r.txt', data: utf8(RUN_IN) });
    const b = await call('import.preview', { fileName: 'gb.txt', data: gb });
    const c = await call('import.preview', { fileName: 'bom.txt', data: bom });
    expect(b.encoding).toBe('gb18030');
    expect(c.encoding).toBe('utf-8');
    for (const x of [b, c]) {
      expect(outline(x.report.parts)).toEqual(outline(a.report.parts));
      expect(textBack(x.report)).toBe(textBack(a.report));
    }
  });

  it('a .docx with Word heading styles and no typed numbers: levels from the styles', async () => {
    const data = await styledDocx([
      { text: '南岭镇2024年法治政府建设年度报告', heading: 'title' },
      { text: '2024年，南岭镇持续推进法治政府建设。' },
      { text: '2024年法治政府建设推进情况', heading: 1 },
      { text: '依法决策', heading: 2 },
      { text: '完善重大行政决策程序，聘请专业法律顾问3名。' },
      { text: '普法宣传', heading: 2 },
      { text: '开展各类普法宣传活动42次。' },
      { text: '存在的不足', heading: 1 },
      { text: '普法针对性不强。' },
      { text: '2025年工作安排', heading: 1 },
      { text: '（一）抓好学法用法。组织干部集中学法。' },
      { text: '南岭镇人民政府', center: false },
      { text: '2025年1月5日' },
    ]);
    const p = await call('import.preview', { fileName: '南岭镇.docx', data: new Uint8Array(data) });
    expect(p.format).toBe('docx');
    expect(p.styled).toBe(true);
    expect(outline(p.report.parts)).toEqual([
      '1 2024年法治政府建设推进情况 <measures>',
      '2   依法决策',
      '2   普法宣传',
      '1 存在的不足 <shortcomings>',
      '1 2025年工作安排 <nextYear>',
      '2   抓好学法用法 [接排]',
    ]);
    expect(p.report.signature).toMatchObject({ name: '南岭镇人民政府', date: '2025-01-05' });
    expect(p.suggestions.find((s) => s.indicatorId === 'adviser-hired')).toMatchObject({ value: 3, text: '3名' });
  });

  it('a WPS-style .docx (style named 标题 1) with typed numbers', async () => {
    const data = await styledDocx([
      { text: '西坪乡2024年法治政府建设年度报告', center: true },
      { text: '一、主要举措', styleName: '标题 1' },
      { text: '建立法律顾问制度。' },
      { text: '二、问题', styleName: '标题 1' },
      { text: '力量不足。' },
    ]);
    const p = await call('import.preview', { fileName: 'x.docx', data });
    expect(outline(p.report.parts)).toEqual(['1 主要举措 <measures>', '1 问题 <shortcomings>']);
  });

  it('a .docx numbered by Word itself (automatic 一、 and （一）, no heading styles): levels from the numbering', async () => {
    const data = await styledDocx([
      { text: '山前镇2024年法治政府建设年度报告', center: true },
      { text: '主要举措和成效', list: 0 },
      { text: '规范执法。全年开展执法检查6次，发现问题当场整改，执法案卷全部归档。', list: 1 },
      { text: '开展普法', list: 1 },
      { text: '围绕民法典开展宣传。' },
      { text: '存在的不足', list: 0 },
      { text: '基层法治力量不足。' },
    ]);
    const p = await call('import.preview', { fileName: 'x.docx', data });
    expect(outline(p.report.parts)).toEqual(['1 主要举措和成效 <measures>', '2   规范执法 [接排]', '2   开展普法', '1 存在的不足 <shortcomings>']);
    expect(p.report.parts[0]!.children[0]!.paragraphs).toEqual(['全年开展执法检查6次，发现问题当场整改，执法案卷全部归档。']);
  });

  it('a Word 97–2003 .doc (made here by LibreOffice) reads like the .docx it came from', async () => {
    const docx = await writeBytes(path.join(dir, 'plain.docx'), await styledDocx(PLAIN.map((text) => ({ text }))));
    const doc = await libreOfficeConvert(docx, 'doc', dir);
    expect([...doc.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const p = await call('import.preview', { fileName: 'plain.doc', data: doc });
    expect(p.format).toBe('doc');
    const q = await call('import.preview', { fileName: 'plain.txt', data: utf8(PLAIN) });
    expect(outline(p.report.parts)).toEqual(outline(q.report.parts));
    expect(textBack(p.report)).toBe(sourceText(PLAIN, true));
  }, 120_000);
});

describe('what a published copy carries besides the report', () => {
  it('附件, the red header and the document number above the title are left out with a warning; the year may come from the file name', async () => {
    const lines = ['附件1', '青石镇人民政府文件', '青政〔2025〕3号', '青石镇法治政府建设年度报告', '一、主要举措', '做了工作。'];
    const p = await call('import.preview', { fileName: '2024年报告.txt', data: utf8(lines) });
    expect(p.report.title).toBe('青石镇法治政府建设年度报告');
    expect(p.warnings.join('')).toContain('“附件1”“青石镇人民政府文件”“青政〔2025〕3号”不属于报告正文');
    expect(p.year).toBe(2024);
    expect(p.report.parts.map((x) => x.heading)).toEqual(['主要举措']);
  });

  it('（此件公开发布） below the 落款 is left out with a warning; the 落款 is still found', async () => {
    const lines = ['青石镇2024年法治政府建设年度报告', '一、主要举措', '做了工作。', '青石镇人民政府', '2025年1月10日', '（此件公开发布）'];
    const p = await call('import.preview', { fileName: 'r.txt', data: utf8(lines) });
    expect(p.report.signature).toMatchObject({ name: '青石镇人民政府', date: '2025-01-10' });
    expect(p.report.parts[0]!.paragraphs).toEqual(['做了工作。']);
    expect(p.warnings.join('')).toContain('“（此件公开发布）”不属于报告正文');
  });
});

describe('the app’s own export, saved again by another word processor', () => {
  it('demo export → LibreOffice .doc and .docx → the same outline, run-in marks and content items as the demo report', async () => {
    const { dir: demoDir, cleanup: done } = await tempDir('fazhi-import-lo-');
    try {
      const { call: demo } = await servicesClient(path.join(demoDir, 'data'));
      await demo('demo.create', {});
      const original = await demo('report.get', { year: 2024 });
      const { rendered } = await demo('report.render', { year: 2024 });
      const exported = await demo('export.docx', { year: 2024 });
      const src = await writeBytes(path.join(demoDir, 'demo.docx'), exported.data);
      await mkdir(path.join(demoDir, 'lo'));
      const doc = await libreOfficeConvert(src, 'doc', path.join(demoDir, 'lo'));
      const docx = await libreOfficeConvert(src, 'docx:MS Word 2007 XML', path.join(demoDir, 'lo'));
      for (const [fileName, data] of [['demo.doc', doc], ['demo.docx', docx]] as const) {
        const p = await call('import.preview', { fileName, data });
        expect(outline(p.report.parts), fileName).toEqual(outline(original.parts));
        expect(p.report.title).toBe(original.title);
        expect(p.report.preamble).toEqual(original.preamble);
        expect(p.report.signature).toMatchObject({ name: '横街镇人民政府', date: '2025-01-20' });
        // every paragraph as printed, curly quotes (“坐诊”) included
        expect(flattenParts(p.report.parts).flatMap((x) => x.paragraphs), fileName).toEqual(rendered.blocks.flatMap((b) => b.paragraphs));
      }
    } finally {
      await done();
    }
  }, 180_000);
});

describe('titles typed in a heading style', () => {
  it('a title in 标题 1 (one or two lines) is the title, not a part', async () => {
    for (const title of [[{ text: '石门镇2024年法治政府建设年度报告', heading: 1 as const }], [{ text: '石门镇人民政府关于2024年度', heading: 1 as const }, { text: '法治政府建设情况的报告', heading: 1 as const }]]) {
      const data = await styledDocx([...title, { text: '一、主要举措', heading: 1 }, { text: '开展工作。' }, { text: '二、存在的问题', heading: 1 }, { text: '还有差距。' }]);
      const p = await call('import.preview', { fileName: 'x.docx', data });
      expect(p.report.title).toBe(title.map((t) => t.text).join('\n'));
      expect(outline(p.report.parts)).toEqual(['1 主要举措 <measures>', '1 存在的问题 <shortcomings>']);
      expect(p.unit?.shortName).toBe('石门镇');
    }
  });
});
