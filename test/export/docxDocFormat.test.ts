/**
 * What a real report needs beyond the body (issue 11), checked in the file and on LibreOffice's pages:
 * the title's lines, 附件 pages, a joint 落款 and a 征求意见稿 — in both font presets, with the
 * GB/T 9704 page checks (22 lines of at most 28 characters, "— N —") still holding.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../src-main/export';
import type { RenderedReport } from '../../src-shared/domain/rendered';
import { titleLines, titleWidth, TITLE_LINE_UNITS } from '../../src-shared/report/titleLines';
import { paragraphsOf, unzipDocx } from './docxParts';
import { fixtureReport } from './fixture';
import { hasCommand, libreOfficeMissing } from '../support/tools';

const missing = libreOfficeMissing;
const FONTS_CONF = resolve(__dirname, '../fonts/fonts.conf');

/** Titles of 10–40 characters as township, district and county offices write them. */
export const TITLES = [
  '青溪镇法治政府建设年度报告',
  '青溪镇2025年法治政府建设年度报告',
  '青溪镇人民政府2025年法治政府建设年度报告',
  '青溪镇人民政府关于2025年度法治政府建设工作情况的报告',
  '城关街道办事处2024年度法治政府建设情况报告',
  '北京市朝阳区人民政府关于2024年法治政府建设情况的报告',
  '长安县人民政府2025年法治政府建设工作年度报告',
  '青溪镇2025年度法治政府建设和依法行政工作报告',
  '梅花乡人民政府关于2025年度推进法治政府建设和党政主要负责人履行职责情况的报告',
  '中共青溪镇委员会青溪镇人民政府关于2025年度法治政府建设工作情况的报告',
];

const squeeze = (s: string) => s.replace(/\s+/g, '');

function pageText(pdf: string, page: number): string[] {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.trim() !== '');
}

function pages(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** Words of one page with their boxes (pdftotext -bbox), in reading order. */
function words(pdf: string, page: number): Array<{ text: string; xMin: number; yMin: number }> {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    text: m[3]!,
  }));
}

/** The report with 附件, a joint signature and (for the draft) an unfinished part and a missing figure. */
function fullReport(): RenderedReport {
  const r = fixtureReport();
  r.title = '青溪镇人民政府关于2025年度法治政府建设工作情况的报告';
  r.signature = { name: '青溪镇人民政府', date: '2026年1月20日', jointName: '中共青溪镇委员会' };
  r.attachments = [
    { title: '青溪镇2025年度法治政府建设主要指标完成情况统计表和相关说明材料汇编', paragraphs: ['本表数据截至2025年12月31日。'] },
    { title: '青溪镇法律顾问名单', paragraphs: ['张明，青溪律师事务所律师。'] },
  ];
  return r;
}

/** A part with a 40-row figures table after its first paragraph. */
function tableReport(): RenderedReport {
  const r = fixtureReport();
  const rows = [['序号', '村（社区）', '普法活动（场）', '调解纠纷（起）', '备注']];
  for (let i = 1; i <= 40; i++) rows.push([String(i), `第${i}村`, String(i * 3), String(i % 7), i === 12 ? '【待填：备注】' : '']);
  r.blocks[1]!.tables = [{ after: 1, rows, headerRows: 1, size: '四号' }];
  return r;
}

function draftReport(): RenderedReport {
  const r = fullReport();
  r.blocks[1]!.status = '草稿';
  r.blocks[2]!.status = '待审';
  r.blocks[1]!.paragraphs = [...r.blocks[1]!.paragraphs, '全年办理行政复议案件【待填：行政复议案件数】。'];
  return r;
}

describe('title lines (pure)', () => {
  it('keeps every title of 10–40 characters in lines that fit, of four characters or more, in order', () => {
    for (const t of TITLES) {
      const lines = titleLines(t);
      expect(lines.join(''), t).toBe(t);
      for (const l of lines) {
        expect(titleWidth(l), l).toBeLessThanOrEqual(TITLE_LINE_UNITS);
        expect([...l].length, l).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('cuts at word boundaries: unit | year + subject, never inside 法治政府 or 报告', () => {
    expect(titleLines('青溪镇人民政府关于2025年度法治政府建设工作情况的报告')).toEqual(['青溪镇人民政府关于2025年度', '法治政府建设工作情况的报告']);
    expect(titleLines('北京市朝阳区人民政府关于2024年法治政府建设情况的报告')).toEqual(['北京市朝阳区人民政府关于', '2024年法治政府建设情况的报告']);
    expect(titleLines('青溪镇2025年法治政府建设年度报告')).toEqual(['青溪镇2025年法治政府建设年度报告']);
    for (const t of TITLES) for (const l of titleLines(t)) expect(l, t).not.toMatch(/^(报告|告|府|设|度|于|政府建设)|(关|法|年度报)$/);
  });

  it('keeps the lines the clerk typed', () => {
    expect(titleLines('青溪镇人民政府\n2025年法治政府建设年度报告')).toEqual(['青溪镇人民政府', '2025年法治政府建设年度报告']);
  });
});

describe.skipIf(!!missing)('LibreOffice pages', () => {
  let dir = '';
  const pdf = (name: string) => join(dir, `${name}.pdf`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fz-docfmt-'));
    const files: string[] = [];
    const write = async (name: string, r: RenderedReport, fontPreset: 'standard' | 'windows', draft = false) => {
      const f = join(dir, `${name}.docx`);
      writeFileSync(f, await buildDocx(r, { fontPreset, draft }));
      files.push(f);
    };
    for (const [i, t] of TITLES.entries()) {
      await write(`title${i}`, { ...fixtureReport(), title: t, blocks: fixtureReport().blocks.slice(0, 2) }, i % 2 ? 'windows' : 'standard');
    }
    await write('full-standard', fullReport(), 'standard');
    await write('full-windows', fullReport(), 'windows');
    await write('draft', draftReport(), 'standard', true);
    await write('table-standard', tableReport(), 'standard');
    await write('table-windows', tableReport(), 'windows');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
      { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, timeout: 300_000, stdio: 'ignore' },
    );
  }, 320_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints each title on the lines chosen, none under four characters, in both font presets', () => {
    for (const [i, t] of TITLES.entries()) {
      const expected = titleLines(t);
      const printed = pageText(pdf(`title${i}`), 1).slice(0, expected.length).map(squeeze);
      expect(printed, `${t} (${i % 2 ? 'windows' : 'standard'})`).toEqual(expected);
      for (const l of printed) expect([...l].length).toBeGreaterThanOrEqual(4);
      // the line after the title (and its blank line) is the body, not a wrapped piece of the title
      expect(squeeze(pageText(pdf(`title${i}`), 1)[expected.length]!)).toMatch(/^2025年，青溪镇/);
    }
  });

  for (const preset of ['standard', 'windows'] as const) {
    it(`keeps the GB/T 9704 page with 附件 and a joint 落款 (${preset} fonts)`, () => {
      const file = pdf(`full-${preset}`);
      const n = pages(file);
      // the body's pages: full pages of 22 lines, at most 28 characters, numbered
      const sigPage = [...Array(n).keys()].map((i) => i + 1).find((p) => pageText(file, p).some((l) => squeeze(l).includes('中共青溪镇委员会')))!;
      expect(sigPage).toBeGreaterThan(2);
      for (let p = 1; p <= n; p++) {
        const lines = pageText(file, p);
        expect(squeeze(lines.at(-1)!), `page ${p} number`).toBe(`—${p}—`);
        if (p === 1 || p >= sigPage) continue;
        expect(lines.length - 1, `lines on page ${p}`).toBe(22);
        for (const l of lines.slice(0, -1)) if (!/[\x21-\x7e]/.test(l)) expect(squeeze(l).length, l).toBeLessThanOrEqual(28);
      }
      // 附件说明 after the body, numbered, a long name wrapping under its first character
      const sig = pageText(file, sigPage).map(squeeze);
      const note = sig.findIndex((l) => l.startsWith('附件：1.青溪镇2025年度'));
      expect(note).toBeGreaterThanOrEqual(0);
      expect(sig[note + 2]).toBe('2.青溪镇法律顾问名单');
      // (pdftotext gives a line of Chinese as one word: compare where the lines start)
      const ws = words(file, sigPage);
      const first = ws.find((w) => w.text.startsWith('附件：1.'))!;
      const wrapped = ws.find((w) => w.text.startsWith(sig[note + 1]!.slice(0, 3)))!;
      const second = ws.find((w) => w.text.startsWith('2.'))!;
      expect(Math.abs(first.xMin - (79.4 + 32))).toBeLessThan(3); // 左空二字
      expect(Math.abs(second.xMin - first.xMin - 3 * 15.75)).toBeLessThan(3); // 2. under 1.
      expect(wrapped.xMin - second.xMin).toBeGreaterThan(10); // the wrapped name under the name, not under 1.
      expect(wrapped.xMin - second.xMin).toBeLessThan(20);
      // joint 落款: both units on one line, the date on the next
      const names = sig.findIndex((l) => l === '青溪镇人民政府中共青溪镇委员会');
      expect(names).toBeGreaterThan(note);
      expect(sig[names + 1]).toBe('2026年1月20日');
      // each 附件 on a page of its own: "附件N" first, at the top left of the text block, then its title
      const att = [sigPage + 1, sigPage + 2];
      expect(n).toBe(sigPage + 2);
      for (const [k, p] of att.entries()) {
        const lines = pageText(file, p).map(squeeze);
        expect(lines[0]).toBe(`附件${k + 1}`);
        const label = words(file, p)[0]!;
        expect(label.text).toMatch(/^附件/);
        expect(Math.abs(label.xMin - 79.4)).toBeLessThan(3); // left margin 28 mm
        expect(Math.abs(label.yMin - 104.9)).toBeLessThan(8); // top margin 37 mm
        const title = k === 0 ? titleLines('青溪镇2025年度法治政府建设主要指标完成情况统计表和相关说明材料汇编') : ['青溪镇法律顾问名单'];
        expect(lines.slice(1, 1 + title.length)).toEqual(title);
      }
    });
  }

  for (const preset of ['standard', 'windows'] as const) {
    it(`runs a 40-row table over pages with the header row repeated, inside the text block (${preset} fonts)`, () => {
      const file = pdf(`table-${preset}`);
      const n = pages(file);
      const withRows = [...Array(n).keys()].map((i) => i + 1).filter((p) => pageText(file, p).some((l) => /第\d+村/.test(squeeze(l))));
      expect(withRows.length).toBeGreaterThanOrEqual(2);
      const seen = new Set<number>();
      for (const p of withRows) {
        const lines = pageText(file, p).map(squeeze);
        const head = lines.findIndex((l) => l.startsWith('序号'));
        const firstRow = lines.findIndex((l) => /^\d+第\d+村/.test(l));
        // the header on every page the table touches, above its rows
        expect(head, `header on page ${p}`).toBeGreaterThanOrEqual(0);
        expect(head).toBeLessThan(firstRow);
        for (const l of lines) {
          const m = /^(\d+)第\1村/.exec(l);
          if (m) seen.add(Number(m[1]));
        }
        // nothing of the table outside the text block (28 mm … 184 mm from the left edge)
        for (const w of words(file, p)) {
          expect(w.xMin).toBeGreaterThanOrEqual(79);
        }
      }
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      // the body's pages keep the GB/T 9704 grid around the table: page numbers in place
      for (let p = 1; p <= n; p++) expect(squeeze(pageText(file, p).at(-1)!)).toBe(`—${p}—`);
    });
  }

  it('prints a draft: 征求意见稿 in the header of every page and the missing figure as 【待填：…】', () => {
    const file = pdf('draft');
    for (let p = 1; p <= pages(file); p++) expect(squeeze(pageText(file, p)[0]!), `page ${p}`).toBe('征求意见稿');
    expect(squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }))).toContain('全年办理行政复议案件【待填：行政复议案件数】。');
  });
});

describe('table .docx', () => {
  it('repeats the header row, spans exactly the text block, 仿宋 四号 cells with 黑体 header', async () => {
    const doc = unzipDocx(await buildDocx(tableReport(), { fontPreset: 'standard' }))['word/document.xml']!;
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
    expect(tbl).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(tbl.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(tbl.match(/<w:tr>/g)).toHaveLength(41);
    const cells = [...tbl.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells[0]).toContain('w:eastAsia="黑体"');
    expect(cells[6]).toContain('w:eastAsia="仿宋_GB2312"');
    expect(cells[6]).toContain('<w:sz w:val="28"/>');
    for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) expect(tbl).toMatch(new RegExp(`<w:${side} w:val="single"`));
  });
});

describe.skipIf(!hasCommand('/usr/bin/python3'))('python-docx', () => {
  it('opens the draft (header, comments) and the table document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fz-docfmt-py-'));
    try {
      writeFileSync(join(dir, 'draft.docx'), await buildDocx(draftReport(), { fontPreset: 'windows', draft: true }));
      writeFileSync(join(dir, 'table.docx'), await buildDocx(tableReport(), { fontPreset: 'standard' }));
      const script = [
        'import docx, json, sys',
        'out = {}',
        'for name in ("draft", "table"):',
        '    d = docx.Document(sys.argv[1] + "/" + name + ".docx")',
        '    out[name] = {"header": [p.text for p in d.sections[0].header.paragraphs],',
        '                 "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],',
        '                 "last": [p.text for p in d.paragraphs if p.text][-1]}',
        'print(json.dumps(out, ensure_ascii=False))',
      ].join('\n');
      const out = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, dir], { encoding: 'utf8' }));
      expect(out.draft.header).toEqual(['征求意见稿']);
      expect(out.draft.last).toBe('张明，青溪律师事务所律师。');
      expect(out.table.tables).toHaveLength(1);
      expect(out.table.tables[0]).toHaveLength(41);
      expect(out.table.tables[0][0]).toEqual(['序号', '村（社区）', '普法活动（场）', '调解纠纷（起）', '备注']);
      expect(out.table.tables[0][12][4]).toBe('【待填：备注】');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('draft .docx', () => {
  it('comments every part not 定稿 with its status and colours the missing figure', async () => {
    const files = unzipDocx(await buildDocx(draftReport(), { fontPreset: 'standard', draft: true }));
    const comments = files['word/comments.xml']!;
    const texts = [...comments.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      '本部分状态：草稿（未定稿）——（一）健全依法决策机制。',
      '本部分状态：待审（未定稿）——1.合法性审查全覆盖',
    ]);
    const doc = files['word/document.xml']!;
    expect(doc.match(/<w:commentRangeStart /g)).toHaveLength(2);
    const mark = paragraphsOf(doc).flatMap((p) => p.runs).find((r) => r.text === '【待填：行政复议案件数】')!;
    expect(mark).toBeTruthy();
    const markRun = /<w:r>((?:(?!<\/w:r>)[\s\S])*)【待填：行政复议案件数】/.exec(doc)![1]!;
    expect(markRun).toContain('<w:color w:val="C00000"/>');
    const header = Object.entries(files).find(([k]) => /^word\/header\d*\.xml$/.test(k))![1];
    expect(header).toContain('征求意见稿');
  });

  it('a final export has no comments, no header and no draft mark', async () => {
    const files = unzipDocx(await buildDocx(fullReport(), { fontPreset: 'standard' }));
    expect(files['word/comments.xml'] ?? '').not.toContain('未定稿');
    expect(Object.keys(files).some((k) => /^word\/header\d*\.xml$/.test(k) && files[k]!.includes('征求意见稿'))).toBe(false);
  });
});
