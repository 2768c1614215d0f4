/**
 * python-docx reads the 报送件's elements back as Word's object model sees them (GB/T 9704-2012 §7.2
 * 版头, §7.3.7 附注, §7.4 版记, §7.5 页码, §10 联合行文), for both font presets, one issuer and two:
 * colours, fonts and sizes of every run, the separators (colour and thickness), indents, tab stops,
 * sections and footers. And the 公开件 of the same report has none of them. (test/export/
 * docxSubmit.test.ts measures the same files as LibreOffice prints them.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../src-main/export';
import type { FontPreset } from '../../src-shared/domain/vocabulary';
import { reportOfPages } from './issuedFixture';

const PYTHON = '/usr/bin/python3';
const pyMissing = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import docx'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'python-docx (/usr/bin/python3 -c "import docx") is not available';
  }
})();
if (pyMissing) console.log(`skipping python-docx checks of the 报送件 elements: ${pyMissing}`);

// lengths in twips, sizes in points, borders as written (sz in eighths of a point)
const READER = String.raw`
import json, sys, docx
from docx.oxml.ns import qn
def tw(x): return None if x is None else x.twips
def ea(r):
    f = r._element.rPr.rFonts if r._element.rPr is not None else None
    return f.get(qn('w:eastAsia')) if f is not None else None
def runs(p):
    return [{'text': r.text, 'color': str(r.font.color.rgb) if r.font.color is not None and r.font.color.type is not None else None,
             'size': r.font.size.pt if r.font.size else None, 'font': ea(r), 'bold': bool(r.font.bold)} for r in p.runs]
def border(p, side):
    b = p._element.find('.//' + qn('w:pBdr') + '/' + qn('w:' + side))
    return None if b is None else {'val': b.get(qn('w:val')), 'color': b.get(qn('w:color')), 'sz': int(b.get(qn('w:sz')))}
def para(p):
    f = p.paragraph_format
    return {'text': p.text, 'runs': runs(p), 'bottom': border(p, 'bottom'), 'align': str(p.alignment),
            'left': tw(f.left_indent), 'right': tw(f.right_indent), 'first': tw(f.first_line_indent),
            'tabs': [[str(t.alignment), t.position.twips] for t in f.tab_stops],
            'field': 'PAGE' in p._element.xml}
d = docx.Document(sys.argv[1])
out = {'sections': [], 'paragraphs': [para(p) for p in d.paragraphs], 'tables': []}
for s in d.sections:
    out['sections'].append({'start': str(s.start_type), 'footer': [para(p) for p in s.footer.paragraphs], 'footerLinked': s.footer.is_linked_to_previous,
        'even': [para(p) for p in s.even_page_footer.paragraphs], 'evenLinked': s.even_page_footer.is_linked_to_previous})
for t in d.tables:
    b = t._element.find('.//' + qn('w:tblBorders'))
    sides = {}
    for side in ['top', 'bottom', 'insideH', 'left', 'right', 'insideV']:
        e = None if b is None else b.find(qn('w:' + side))
        sides[side] = None if e is None else {'val': e.get(qn('w:val')), 'color': e.get(qn('w:color')), 'sz': int(e.get(qn('w:sz')))}
    out['tables'].append({'borders': sides, 'rows': [[[para(p) for p in c.paragraphs] for c in row.cells] for row in t.rows]})
print(json.dumps(out, ensure_ascii=False))
`;

interface Run {
  text: string;
  color: string | null;
  size: number | null;
  font: string | null;
  bold: boolean;
}
interface Para {
  text: string;
  runs: Run[];
  bottom: { val: string; color: string; sz: number } | null;
  align: string;
  left: number | null;
  right: number | null;
  first: number | null;
  tabs: [string, number][];
  field: boolean;
}
type Border = { val: string; color: string; sz: number } | null;
interface Read {
  sections: { start: string; footer: Para[]; footerLinked: boolean; even: Para[]; evenLinked: boolean }[];
  paragraphs: Para[];
  tables: { borders: Record<string, Border>; rows: Para[][][] }[];
}

const FONTS: Record<FontPreset, { title: string; titleBold: boolean; fangsong: string; kaiti: string; heiti: string; songti: string }> = {
  standard: { title: '方正小标宋简体', titleBold: false, fangsong: '仿宋_GB2312', kaiti: '楷体_GB2312', heiti: '黑体', songti: '宋体' },
  windows: { title: '宋体', titleBold: true, fangsong: '仿宋', kaiti: '楷体', heiti: '黑体', songti: '宋体' },
};
const SANHAO_CHAR = 320;
const SIHAO_CHAR = 280;
const TEXT_WIDTH = 8845;
const CASES = (['standard', 'windows'] as FontPreset[]).flatMap((preset) => [false, true].map((joint) => ({ preset, joint, name: `${preset}-${joint ? 'joint' : 'single'}` })));
const inked = (runs: Run[]) => runs.filter((r) => r.text.trim() !== '');

describe.skipIf(!!pyMissing)('python-docx reads the 报送件 elements back', () => {
  let dir = '';
  const read: Record<string, Read> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fz-submit-py-'));
    for (const c of CASES) {
      const report = reportOfPages(2, c.joint);
      const f = join(dir, `${c.name}.docx`);
      writeFileSync(f, await buildDocx(report, { fontPreset: c.preset }));
      read[c.name] = JSON.parse(execFileSync(PYTHON, ['-c', READER, f], { encoding: 'utf8', timeout: 60_000 })) as Read;
      const pub = reportOfPages(2, c.joint);
      delete pub.issuance;
      const pf = join(dir, `${c.name}-public.docx`);
      writeFileSync(pf, await buildDocx(pub, { fontPreset: c.preset }));
      read[`${c.name}-public`] = JSON.parse(execFileSync(PYTHON, ['-c', READER, pf], { encoding: 'utf8', timeout: 60_000 })) as Read;
    }
  }, 120_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe.each(CASES)('$name', ({ name, preset, joint }) => {
    const f = FONTS[preset];

    it('§7.2.1/§7.2.2 份号 and 紧急程度: 三号黑体, flush left at the top of the text block', () => {
      const doc = read[name]!;
      if (joint) {
        // the joint fixture sets neither: nothing above the mark
        expect(doc.paragraphs[0]!.text).toBe('');
        return;
      }
      expect(doc.paragraphs.slice(0, 2).map((p) => p.text)).toEqual(['000012', '特急']);
      for (const p of doc.paragraphs.slice(0, 2)) {
        expect(p.align).toMatch(/LEFT/);
        expect(p.left ?? 0).toBe(0);
        expect(p.first ?? 0).toBe(0);
        expect(inked(p.runs).every((r) => r.font === f.heiti && r.size === 16)).toBe(true);
      }
    });

    it('§7.2.3/§10 发文机关标志: red, in the preset’s title font, centred; joint names stacked with 文件 beside them', () => {
      const doc = read[name]!;
      const markRuns = joint
        ? doc.tables[0]!.rows.flatMap((row) => row.flatMap((cell) => cell.flatMap((p) => inked(p.runs))))
        : inked(doc.paragraphs.find((p) => p.text === '青溪镇人民政府文件')!.runs);
      expect(markRuns.length).toBeGreaterThan(0);
      for (const r of markRuns) expect(r).toMatchObject({ color: 'FF0000', font: f.title, bold: f.titleBold });
      const size = markRuns[0]!.size!;
      expect(size).toBeGreaterThanOrEqual(30);
      expect(size).toBeLessThanOrEqual(44);
      if (joint) {
        const t = doc.tables[0]!;
        // the 主办机关 first, one name a row; 文件 in a second column merged over both rows
        expect(t.rows.map((row) => row[0]!.map((p) => p.text).join(''))).toEqual(['中共青溪镇委员会', '青溪镇人民政府']);
        expect(t.rows[0]![0]![0]!.align).toMatch(/DISTRIBUTE/);
        expect(t.rows.map((row) => row[1]!.map((p) => p.text).join(''))).toEqual(['文件', '文件']);
        // no visible borders around the mark
        for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) expect(t.borders[side]?.val ?? 'none').toBe('none');
      } else {
        expect(doc.paragraphs.find((p) => p.text === '青溪镇人民政府文件')!.align).toMatch(/CENTER/);
      }
    });

    it('§7.2.4–§7.2.6 发文字号 one character from the left, “签发人：” 仿宋 and the names 楷体 one from the right, the red rule under that line', () => {
      const doc = read[name]!;
      const lines = doc.paragraphs.filter((p) => p.text.includes('签发人') || p.text.includes('王建国'));
      const last = lines.at(-1)!;
      expect(last.text).toMatch(joint ? /青委〔2026〕2号\s*签发人：\s*李卫东　王建国/ : /青政〔2026〕3号\s*签发人：\s*王建国/);
      const number = last.runs.find((r) => r.text.includes('〔2026〕'))!;
      expect(number).toMatchObject({ font: f.fangsong, size: 16 });
      expect(last.runs.find((r) => r.text === '签发人：')).toMatchObject({ font: f.fangsong, size: 16 });
      for (const r of last.runs.filter((x) => /王建国|李卫东/.test(x.text))) expect(r).toMatchObject({ font: f.kaiti, size: 16 });
      // the number starts at a tab one 三号 character in; the names' tab is where they end one character
      // from the right (a 三号 character is 315 twips with the −0.25 pt spacing)
      expect(last.tabs[0]).toEqual(['LEFT (0)', SANHAO_CHAR]);
      const namesEnd = last.tabs.at(-1)![1] + 315 * [...(joint ? '李卫东　王建国' : '王建国')].length;
      expect(namesEnd).toBeLessThanOrEqual(TEXT_WIDTH - SANHAO_CHAR);
      expect(namesEnd).toBeGreaterThan(TEXT_WIDTH - SANHAO_CHAR - 100);
      // the separator: red, the paragraph's bottom border (the text block's width)
      expect(last.bottom).toMatchObject({ val: 'single', color: 'FF0000' });
      expect(last.bottom!.sz).toBeGreaterThanOrEqual(8);
      // only that line carries it
      expect(doc.paragraphs.filter((p) => p.bottom).length).toBe(1);
    });

    it('§7.3.7 附注: 三号仿宋 in parentheses, two characters from the left, under the 成文日期', () => {
      const doc = read[name]!;
      const i = doc.paragraphs.findIndex((p) => p.text.startsWith('（联系人'));
      expect(doc.paragraphs[i - 1]!.text.trim()).toBe('2026年1月20日');
      const note = doc.paragraphs[i]!;
      expect(note.text).toBe('（联系人：张明，电话：0571-12345678）');
      expect(note.left).toBe(2 * SANHAO_CHAR);
      expect(note.first ?? 0).toBe(0);
      for (const r of inked(note.runs)) expect(r.size).toBe(16);
      expect(inked(note.runs).some((r) => r.font === f.fangsong)).toBe(true);
    });

    it('§7.4 版记: 四号仿宋, 抄送 one character in and aligned after its colon, 印发机关 left and 印发日期 right one character in, thick–thin–thick black rules', () => {
      const doc = read[name]!;
      const t = doc.tables.at(-1)!;
      expect(t.borders.top).toEqual({ val: 'single', color: '000000', sz: 8 }); // 1 pt = 0.35 mm
      expect(t.borders.bottom).toEqual({ val: 'single', color: '000000', sz: 8 });
      expect(t.borders.insideH).toEqual({ val: 'single', color: '000000', sz: 6 }); // 0.75 pt = 0.26 mm
      for (const side of ['left', 'right', 'insideV']) expect(t.borders[side]!.val).toBe('none');
      const [cc, printed] = t.rows.map((row) => row[0]![0]!);
      expect(cc!.text).toBe('抄送：县委依法治县办，县司法局。');
      // wrapped lines start after “抄送：” (hanging three characters from one character in)
      expect(cc!.left).toBe(4 * SIHAO_CHAR);
      expect(cc!.first).toBe(-3 * SIHAO_CHAR);
      expect(cc!.right).toBe(SIHAO_CHAR);
      expect(printed!.text.replace(/\t/g, '|')).toBe('青溪镇党政办公室|2026年1月22日印发');
      expect(printed!.left).toBe(SIHAO_CHAR);
      expect(printed!.tabs).toEqual([['RIGHT (2)', TEXT_WIDTH - SIHAO_CHAR]]);
      for (const r of [...inked(cc!.runs), ...inked(printed!.runs)]) expect(r).toMatchObject({ font: f.fangsong, size: 14 });
    });

    it('§7.5 页码: the body numbered — N — in 四号宋体 (odd right, even left, one character in); the 版记 section starts an even page and numbers nothing', () => {
      const doc = read[name]!;
      expect(doc.sections).toHaveLength(2);
      const [body, imprint] = doc.sections;
      const [odd] = body!.footer;
      const [even] = body!.even;
      expect(odd!.field && even!.field).toBe(true);
      expect(odd).toMatchObject({ align: 'RIGHT (2)', right: SIHAO_CHAR });
      expect(even).toMatchObject({ align: 'LEFT (0)', left: SIHAO_CHAR });
      for (const r of inked([...odd!.runs, ...even!.runs])) expect(r).toMatchObject({ font: f.songti, size: 14 });
      expect(imprint!.start).toBe('EVEN_PAGE (3)');
      expect(imprint!.footerLinked).toBe(false);
      expect(imprint!.evenLinked).toBe(false);
      for (const p of [...imprint!.footer, ...imprint!.even]) {
        expect(p.field).toBe(false);
        expect(p.text.trim()).toBe('');
      }
    });

    it('the 公开件 of the same report: no red, no 份号/签发人/附注/版记, one numbered section, the same body paragraphs', () => {
      const pub = read[`${name}-public`]!;
      const sub = read[name]!;
      expect(pub.sections).toHaveLength(1);
      expect(pub.tables).toHaveLength(0);
      const runs = pub.paragraphs.flatMap((p) => p.runs);
      expect(runs.some((r) => r.color === 'FF0000')).toBe(false);
      expect(pub.paragraphs.some((p) => p.bottom)).toBe(false);
      const texts = pub.paragraphs.map((p) => p.text).filter((t) => t.trim() !== '');
      for (const t of texts) for (const absent of ['签发人', '〔2026〕', '联系人', '抄送', '印发', '000012', '特急']) expect(t).not.toContain(absent);
      // the 报送件's paragraphs from the title on, less the 附注, are the 公开件's
      const subTexts = sub.paragraphs.map((p) => p.text).filter((t) => t.trim() !== '');
      const from = subTexts.findIndex((t) => t.includes('法治政府建设年度报告'));
      expect(subTexts.slice(from).filter((t) => !t.startsWith('（联系人'))).toEqual(texts);
    });
  });
});
