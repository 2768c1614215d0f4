/**
 * The 报送件 as LibreOffice prints it, measured like a reviewer with a ruler (GB/T 9704-2012 §7.2 版头,
 * §7.4 版记, §7.5 页码, §10 联合行文): one-, two- and three-page reports, single and joint issuers, both
 * font presets; and the 公开件, which carries none of 版头/签发人/版记/附注 and otherwise the same text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../src-main/export';
import type { FontPreset } from '../../src-shared/domain/vocabulary';
import { issuanceOf, reportOfPages } from './issuedFixture';
import { TEXT_BOTTOM_MM, TEXT_LEFT_MM, TEXT_TOP_MM, firstInk, inkRows, mm, pageCount, pageText, raster, renderMissing, renderPdfs, rules, words } from './pdfMeasure';

if (renderMissing) console.log(`skipping 报送件 rendering checks: ${renderMissing}`);

const PAGES = [1, 2, 3] as const;
const CASES = PAGES.flatMap((pages) =>
  (['standard', 'windows'] as FontPreset[]).flatMap((preset) => [false, true].map((joint) => ({ pages, preset, joint, name: `p${pages}-${preset}-${joint ? 'joint' : 'single'}` }))),
);
const CHAR_MM = (16 * 25.4) / 72; // one 三号 character
const TEXT_RIGHT_MM = TEXT_LEFT_MM + 156;

const numbered = (text: string): number | null => {
  const m = /^\s*—\s*(\d+)\s*—\s*$/m.exec(text);
  return m ? Number(m[1]) : null;
};
const compact = (s: string) => s.replace(/\s+/g, '');

describe.skipIf(!!renderMissing)('LibreOffice prints the 报送件 to GB/T 9704', () => {
  let dir = '';
  const pdf = (name: string) => join(dir, `${name}.pdf`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fz-submit-'));
    const files: string[] = [];
    for (const c of CASES) {
      const f = join(dir, `${c.name}.docx`);
      writeFileSync(f, await buildDocx(reportOfPages(c.pages, c.joint), { fontPreset: c.preset }));
      files.push(f);
    }
    const pub = reportOfPages(3, true);
    delete pub.issuance;
    writeFileSync(join(dir, 'public.docx'), await buildDocx(pub, { fontPreset: 'standard' }));
    files.push(join(dir, 'public.docx'));
    renderPdfs(dir, files);
  }, 400_000);

  afterAll(() => {
    if (dir && !process.env.FZ_KEEP_RENDERS) rmSync(dir, { recursive: true, force: true });
  });

  describe.each(CASES)('$name', ({ name, pages, joint }) => {
    it('§7.2.3 the 发文机关标志 is red, its top edge 35 mm (±2) below the top of the text block, centred', () => {
      const img = raster(pdf(name), 1);
      const top = firstInk(img, 'red')!;
      expect(top - TEXT_TOP_MM).toBeGreaterThan(33);
      expect(top - TEXT_TOP_MM).toBeLessThan(37);
      const w = words(pdf(name), 1);
      for (const issuer of issuanceOf(joint).issuers) {
        const box = w.find((x) => x.text.includes(issuer));
        expect(box, issuer).toBeDefined();
      }
      if (!joint) {
        const mark = w.find((x) => x.text === '青溪镇人民政府文件')!;
        expect(Math.abs((mark.xMin + mark.xMax) / 2 - (TEXT_LEFT_MM + TEXT_RIGHT_MM) / 2)).toBeLessThan(2);
      } else {
        // §10: names stacked, the 主办机关 first, "文件" to their right, centred on them vertically
        const first = w.find((x) => x.text === '中共青溪镇委员会')!;
        const second = w.find((x) => x.text === '青溪镇人民政府')!;
        const wenjian = w.find((x) => x.text === '文件')!;
        expect(first.yMax).toBeLessThanOrEqual(second.yMin + 0.5);
        expect(wenjian.xMin).toBeGreaterThan(Math.max(first.xMax, second.xMax));
        const namesMid = (first.yMin + second.yMax) / 2;
        expect(Math.abs((wenjian.yMin + wenjian.yMax) / 2 - namesMid)).toBeLessThan(2);
        // spread to one width
        expect(Math.abs(first.xMax - first.xMin - (second.xMax - second.xMin))).toBeLessThan(2);
      }
    });

    it('§7.2.1/§7.2.2 份号 and 紧急程度 flush left, one to a line from the top of the text block', () => {
      const w = words(pdf(name), 1);
      const copy = w.find((x) => x.text === '000012');
      const urgent = w.find((x) => x.text === '特急');
      if (joint) {
        // the joint fixture sets neither
        expect(copy ?? urgent).toBeUndefined();
        return;
      }
      for (const box of [copy!, urgent!]) expect(Math.abs(box.xMin - TEXT_LEFT_MM)).toBeLessThan(1);
      const LINE_MM = 225 / 22;
      expect(copy!.yMin).toBeGreaterThanOrEqual(TEXT_TOP_MM);
      expect(copy!.yMax).toBeLessThan(TEXT_TOP_MM + LINE_MM);
      expect(urgent!.yMin).toBeGreaterThanOrEqual(copy!.yMax - 0.5);
      expect(urgent!.yMax).toBeLessThan(TEXT_TOP_MM + 2 * LINE_MM);
    });

    it('§7.2.4–7.2.6 发文字号 one character from the left and 签发人 one from the right on one line, the red rule 4 mm under it', () => {
      const w = words(pdf(name), 1);
      const number = w.find((x) => x.text.includes('〔2026〕'))!;
      const label = w.find((x) => x.text.includes('签发人'))!;
      const lastSigner = w.find((x) => x.text === '王建国')!;
      expect(number && label && lastSigner).toBeTruthy();
      expect(Math.abs(number.yMin - lastSigner.yMin)).toBeLessThan(0.5);
      expect(Math.abs(number.xMin - (TEXT_LEFT_MM + CHAR_MM))).toBeLessThan(1);
      expect(Math.abs(lastSigner.xMax - (TEXT_RIGHT_MM - CHAR_MM))).toBeLessThan(2);
      // the year in full in 〔〕, no 第, no leading zero
      expect(compact(pageText(pdf(name), 1))).toMatch(/青[政委]〔2026〕[23]号/);
      const img = raster(pdf(name), 1);
      const red = rules(img, 'red');
      expect(red).toHaveLength(1);
      expect(red[0]!.width).toBeGreaterThan(154);
      expect(red[0]!.width).toBeLessThan(158);
      // from the bottom of the 发文字号's ink to the rule's centre
      const dark = inkRows(img, 'dark');
      let inkBottom = 0;
      for (let y = 0; mm(y) < red[0]!.y - red[0]!.thickness; y++) if (dark[y]! > 2) inkBottom = mm(y + 1);
      expect(red[0]!.y - inkBottom).toBeGreaterThan(3);
      expect(red[0]!.y - inkBottom).toBeLessThan(5);
      // the title two lines under the rule
      const title = w.find((x) => x.text.includes('法治政府建设年度报告'))!;
      expect(title.yMin).toBeGreaterThan(red[0]!.y + 15);
    });

    it(`§7.4/§7.5 the 版记 at the foot of an even last page, three rules, no page number there; the body numbered (${pages} page${pages > 1 ? 's' : ''})`, () => {
      const n = pageCount(pdf(name));
      expect(n % 2).toBe(0);
      // the body's pages carry "— N —"; the 版记 page and a blank page before it do not
      const bodyPages = Array.from({ length: n }, (_, i) => numbered(pageText(pdf(name), i + 1))).filter((x) => x !== null);
      expect(bodyPages).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
      for (let p = pages + 1; p < n; p++) expect(pageText(pdf(name), p).trim(), `blank page ${p}`).toBe('');
      const last = pageText(pdf(name), n);
      expect(numbered(last)).toBeNull();
      expect(compact(last)).toContain('抄送：县委依法治县办，县司法局。');
      expect(compact(last)).toContain('青溪镇党政办公室2026年1月22日印发');
      const lines = rules(raster(pdf(name), n), 'dark');
      expect(lines).toHaveLength(3);
      expect(Math.abs(lines[2]!.y - TEXT_BOTTOM_MM)).toBeLessThan(1);
      for (const l of lines) expect(l.width).toBeGreaterThan(154);
      // thick, thin, thick
      expect(lines[0]!.thickness).toBeGreaterThan(lines[1]!.thickness);
      expect(lines[2]!.thickness).toBeGreaterThan(lines[1]!.thickness);
      // 抄送 and 印发 between the rules; 印发日期 right, one character in
      const w = words(pdf(name), n);
      const date = w.find((x) => x.text.includes('印发'))!;
      expect(Math.abs(date.xMax - (TEXT_RIGHT_MM - (14 * 25.4) / 72))).toBeLessThan(1.5);
      expect(date.yMin).toBeGreaterThan(lines[1]!.y);
      expect(date.yMax).toBeLessThan(lines[2]!.y);
    });

    it('§7.5 the page number “— N —” 7 mm under the text block, odd pages one character from the right, even from the left', () => {
      const SIHAO_MM = (14 * 25.4) / 72;
      for (let p = 1; p <= pages; p++) {
        const foot = words(pdf(name), p).filter((x) => x.yMin > TEXT_BOTTOM_MM);
        expect(foot.map((x) => x.text).join(' '), `page ${p}`).toBe(`— ${p} —`);
        const left = Math.min(...foot.map((x) => x.xMin));
        const right = Math.max(...foot.map((x) => x.xMax));
        if (p % 2) expect(Math.abs(right - (TEXT_RIGHT_MM - SIHAO_MM)), `page ${p} right`).toBeLessThan(1);
        else expect(Math.abs(left - (TEXT_LEFT_MM + SIHAO_MM)), `page ${p} left`).toBeLessThan(1);
        // the 一字线 runs through the middle of the line's box
        const mid = (foot[0]!.yMin + foot[0]!.yMax) / 2;
        expect(mid - TEXT_BOTTOM_MM, `page ${p} 一字线`).toBeGreaterThan(5.5);
        expect(mid - TEXT_BOTTOM_MM, `page ${p} 一字线`).toBeLessThan(8.5);
      }
    });

    it('§7.3.7 the 附注 under the 成文日期, two characters in; §7.3.5 room for the seal(s) above the 署名', () => {
      const text = Array.from({ length: pages }, (_, i) => pageText(pdf(name), i + 1)).join('\n');
      const lines = text.split('\n').filter((l) => l.trim() !== '' && !/^\s*—\s*\d+\s*—\s*$/.test(l));
      const dateAt = lines.findIndex((l) => compact(l) === '2026年1月20日');
      expect(dateAt).toBeGreaterThan(0);
      expect(compact(lines[dateAt + 1]!)).toBe('（联系人：张明，电话：0571-12345678）');
      const w = Array.from({ length: pages }, (_, i) => words(pdf(name), i + 1)).flat();
      const note = w.find((x) => x.text.startsWith('（联系人'))!;
      expect(Math.abs(note.xMin - (TEXT_LEFT_MM + 2 * CHAR_MM))).toBeLessThan(1);
      // the seals (about 42 mm across) press on the names: their centres stay inside the text block and
      // two seals do not touch
      const names = joint ? ['中共青溪镇委员会', '青溪镇人民政府'] : ['青溪镇人民政府'];
      const boxes = names.map((n) => w.filter((x) => x.text === n).at(-1)!);
      const centres = boxes.map((b) => (b.xMin + b.xMax) / 2);
      for (const c of centres) {
        expect(c - 21).toBeGreaterThan(TEXT_LEFT_MM - 1);
        expect(c + 21).toBeLessThan(TEXT_RIGHT_MM + 1);
      }
      if (joint) expect(centres[1]! - centres[0]!).toBeGreaterThan(42);
    });
  });

  it('the 公开件 carries none of 版头/签发人/版记/附注 and otherwise the same text as the 报送件', () => {
    const all = (f: string) => Array.from({ length: pageCount(f) }, (_, i) => pageText(f, i + 1)).join('\n');
    const pub = compact(all(pdf('public')).replace(/—\s*\d+\s*—/g, ''));
    for (const absent of ['人民政府文件', '委员会文件', '签发人', '〔2026〕', '抄送', '印发', '联系人']) expect(pub).not.toContain(absent);
    expect(firstInk(raster(pdf('public'), 1), 'red')).toBeNull();
    const sub = compact(all(pdf('p3-standard-joint')).replace(/—\s*\d+\s*—/g, ''));
    // the 报送件's text without its 版头, 附注 and 版记 (as pdftotext reads them: the joint mark row by row)
    const stripped = sub
      .replace('中共青溪镇委员会文件青溪镇人民政府', '')
      .replace('青委〔2026〕2号签发人：李卫东王建国', '')
      .replace(/（联系人：[^）]*）/, '')
      .replace(/抄送：.*$/, '');
    expect(stripped).toBe(pub);
  });
});
