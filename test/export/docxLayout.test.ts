import { describe, expect, it } from 'vitest';
import { buildDocx, exportFileName } from '../../src-main/export';
import type { RenderedReport } from '../../src-shared/domain/rendered';
import { paragraphsOf, stylesOf, unzipDocx, type ParagraphInfo } from './docxParts';
import { PART_HEADINGS, fixtureReport } from './fixture';

async function parts(report: RenderedReport, fontPreset: 'standard' | 'windows' = 'standard') {
  const buf = await buildDocx(report, { fontPreset });
  expect(Buffer.isBuffer(buf)).toBe(true);
  const files = unzipDocx(buf);
  const doc = files['word/document.xml']!;
  return {
    buf,
    files,
    doc,
    styles: files['word/styles.xml']!,
    settings: files['word/settings.xml']!,
    paragraphs: paragraphsOf(doc),
  };
}

/** Footer XML by section reference type (default = odd pages, even). */
function footers(files: Record<string, string>): Record<string, string> {
  const doc = files['word/document.xml']!;
  const rels = files['word/_rels/document.xml.rels']!;
  const out: Record<string, string> = {};
  for (const [, type, id] of doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    out[type!] = files[`word/${target}`]!;
  }
  return out;
}

const find = (ps: ParagraphInfo[], start: string) => {
  const p = ps.find((x) => x.text.startsWith(start));
  if (!p) throw new Error(`no paragraph starting with ${start}`);
  return p;
};

describe('GB/T 9704 .docx (standard fonts)', () => {
  it('lays out an A4 page with the standard margins, footer distance and a lines-only 579 grid', async () => {
    const { doc } = await parts(fixtureReport());
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:bottom="1984"');
    expect(mar).toContain('w:left="1587"');
    expect(mar).toContain('w:right="1474"');
    expect(mar).toContain('w:footer="1406"');
    expect(doc).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(doc).not.toMatch(/w:charSpace/);
  });

  it('sets the title in 二号 方正小标宋简体, centred, no indent, followed by a blank line', async () => {
    const { paragraphs } = await parts(fixtureReport());
    const [title, blank] = paragraphs;
    expect(title!.text).toBe('青溪镇2025年法治政府建设年度报告');
    expect(title!.jc).toBe('center');
    expect(title!.ind.firstLineChars).toBe('0');
    expect(title!.runs[0]).toMatchObject({ eastAsia: '方正小标宋简体', ascii: 'Times New Roman', size: 44, bold: false });
    expect(title!.xml).toContain('<w:snapToGrid w:val="false"/>');
    expect(blank!.text).toBe('');
  });

  it('sets body text in 三号 仿宋_GB2312 with exact 579 spacing, 2-character indent and −5 character spacing', async () => {
    const { paragraphs } = await parts(fixtureReport());
    const body = find(paragraphs, '镇政府出台的行政规范性文件');
    expect(body.xml).toContain('w:line="579" w:lineRule="exact"');
    expect(body.xml).toContain('<w:overflowPunct/>');
    expect(body.ind).toMatchObject({ firstLineChars: '200', firstLine: '640' });
    expect(body.runs).toHaveLength(1);
    expect(body.runs[0]).toMatchObject({ eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', size: 32, charSpacing: -5 });
    // Every run of the body names Times New Roman for Latin text and a Chinese font for East Asian text.
    for (const p of paragraphs) for (const r of p.runs) {
      expect(r.ascii).toBe('Times New Roman');
      expect(r.eastAsia).toBeTruthy();
      if (r.size === 32) expect(r.charSpacing).toBe(-5);
    }
    // No paragraph with text is left at auto/at-least spacing.
    for (const p of paragraphs) expect(p.xml).toContain('w:lineRule="exact"');
  });

  it('sets level-1 headings in 黑体, a 1. heading in bold 仿宋, each as its own paragraph', async () => {
    const { paragraphs } = await parts(fixtureReport());
    for (const h of PART_HEADINGS) {
      const p = find(paragraphs, h);
      expect(p.text).toBe(h);
      expect(p.style).toBe('Heading1');
      expect(p.runs.map((r) => r.eastAsia)).toEqual(['黑体']);
      expect(p.xml).toContain('<w:keepNext/>');
    }
    const l3 = find(paragraphs, '1.合法性审查全覆盖');
    expect(l3.text).toBe('1.合法性审查全覆盖');
    expect(l3.style).toBe('Heading3');
    expect(l3.runs[0]).toMatchObject({ eastAsia: '仿宋_GB2312', bold: true, size: 32 });
  });

  it('runs a level-2 heading into its first paragraph: a 楷体 run, then a 仿宋 run', async () => {
    const { paragraphs } = await parts(fixtureReport());
    const p = find(paragraphs, '（一）健全依法决策机制。');
    expect(p.runs.map((r) => r.eastAsia)).toEqual(['楷体_GB2312', '仿宋_GB2312']);
    expect(p.runs[0]!.text).toBe('（一）健全依法决策机制。');
    expect(p.runs[1]!.text.startsWith('镇党委会、镇长办公会议事规则')).toBe(true);
    expect(p.runs.every((r) => r.size === 32 && r.charSpacing === -5)).toBe(true);
    expect(p.ind.firstLineChars).toBe('200');
    // the second paragraph of the sub-part is a paragraph of its own
    expect(find(paragraphs, '同时，镇里建立了决策后评估制度').runs).toHaveLength(1);
  });

  it('writes the signature as the last two paragraphs, right-aligned, name centred over the date', async () => {
    const { paragraphs } = await parts(fixtureReport());
    const [b1, b2, name, date] = paragraphs.slice(-4);
    expect([b1!.text, b2!.text]).toEqual(['', '']);
    expect(name!.text).toBe('青溪镇人民政府');
    expect(date!.text).toBe('2026年1月20日');
    expect(name!.jc).toBe('right');
    expect(date!.jc).toBe('right');
    // date 4 characters (4 × 320 twips) from the right edge; the 7-character name a little less,
    // so that its centre lines up with the date's (the date is 3 full + 7 half-width characters).
    expect(Number(date!.ind.right)).toBe(1280);
    expect(Number(name!.ind.right)).toBeGreaterThan(1100);
    expect(Number(name!.ind.right)).toBeLessThan(1280);
  });

  it('keeps the signature with its blank lines, and with the last paragraph when that is short', async () => {
    const long = (await parts(fixtureReport())).paragraphs.slice(-5);
    expect(long[0]!.text.startsWith('三是创新普法宣传方式')).toBe(true);
    // four lines long: moving it with the signature would leave a gap, so it may stay behind
    expect(long[0]!.xml).not.toContain('<w:keepNext/>');
    for (const p of long.slice(1, 4)) expect(p.xml).toContain('<w:keepNext/>');

    const report = fixtureReport();
    report.blocks.at(-1)!.paragraphs.push('特此报告。');
    const short = (await parts(report)).paragraphs.slice(-5);
    expect(short[0]!.text).toBe('特此报告。');
    expect(short[0]!.xml).toContain('<w:keepNext/>');
  });

  it('prints 主送机关 above the body without indent, ending with a full-width colon', async () => {
    const { paragraphs } = await parts({ ...fixtureReport(), recipient: '县人民政府' });
    const p = paragraphs[2]!;
    expect(p.text).toBe('县人民政府：');
    expect(p.ind.firstLineChars).toBe('0');
    expect(p.runs[0]).toMatchObject({ eastAsia: '仿宋_GB2312', size: 32 });
    expect(paragraphs[3]!.text.startsWith('2025年，青溪镇')).toBe(true);
  });

  it('puts 四号 宋体 "— PAGE —" footers: odd pages right with a 1-character right indent, even pages left', async () => {
    const { files, settings } = await parts(fixtureReport());
    expect(settings).toMatch(/<w:evenAndOddHeaders\/>|<w:evenAndOddHeaders w:val="(true|1)"\/>/);
    const f = footers(files);
    expect(Object.keys(f).sort()).toEqual(['default', 'even']);
    for (const [type, xml] of Object.entries(f)) {
      expect(xml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(xml).toContain('<w:t xml:space="preserve">— </w:t>');
      expect(xml).toContain('<w:t xml:space="preserve"> —</w:t>');
      const [p] = paragraphsOf(xml);
      for (const r of p!.runs) expect(r).toMatchObject({ eastAsia: '宋体', size: 28 });
      if (type === 'default') {
        expect(p!.jc).toBe('right');
        expect(p!.ind.right).toBe('280');
      } else {
        expect(p!.jc).toBe('left');
        expect(p!.ind.left).toBe('280');
      }
    }
  });

  it('names an East Asian font in every style and in the document defaults, with Normal carrying font and size', async () => {
    const { styles } = await parts(fixtureReport());
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('w:eastAsia="zh-CN"');
    const byId = stylesOf(styles);
    for (const [id, xml] of byId) {
      if (id === 'TableNormal') continue;
      expect(xml, id).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"[^>]*w:eastAsia="[^"]+"/);
    }
    const normal = byId.get('Normal')!;
    expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toContain('w:line="579" w:lineRule="exact"');
    expect(normal).toContain('<w:spacing w:val="-5"/>');
    expect(byId.get('Title')).toContain('<w:sz w:val="44"/>');
    expect(byId.get('Title')).not.toContain('<w:spacing w:val="-5"/>');
    expect(byId.get('Heading1')).toContain('w:eastAsia="黑体"');
    expect(byId.get('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(byId.get('Footer')).toContain('<w:sz w:val="28"/>');
  });

  it('fills in the title and the unit as the file properties', async () => {
    const { files } = await parts(fixtureReport());
    const core = files['docProps/core.xml']!;
    expect(core).toContain('<dc:title>青溪镇2025年法治政府建设年度报告</dc:title>');
    expect(core).toContain('<dc:creator>青溪镇人民政府</dc:creator>');
    const explicit = unzipDocx(await buildDocx(fixtureReport(), { fontPreset: 'standard', creator: '青溪镇司法所' }));
    expect(explicit['docProps/core.xml']).toContain('<dc:creator>青溪镇司法所</dc:creator>');
  });
});

describe('GB/T 9704 .docx (Windows fonts)', () => {
  it('uses 宋体 bold for the title and 仿宋/楷体/黑体 for the text', async () => {
    const { paragraphs, styles, doc } = await parts(fixtureReport(), 'windows');
    expect(paragraphs[0]!.runs[0]).toMatchObject({ eastAsia: '宋体', bold: true, size: 44 });
    expect(find(paragraphs, PART_HEADINGS[0]!).runs[0]!.eastAsia).toBe('黑体');
    expect(find(paragraphs, '（一）健全依法决策机制。').runs.map((r) => r.eastAsia)).toEqual(['楷体', '仿宋']);
    expect(find(paragraphs, '镇政府出台的行政规范性文件').runs[0]!.eastAsia).toBe('仿宋');
    expect(doc + styles).not.toMatch(/GB2312|方正/);
  });
});

describe('exportFileName', () => {
  it('names the file <单位><年度>年法治政府建设年度报告.docx', () => {
    expect(exportFileName('青溪镇', 2025)).toBe('青溪镇2025年法治政府建设年度报告.docx');
  });

  it('drops characters Windows refuses in file names', () => {
    const name = exportFileName(' 青溪/镇:"街道"<>|?*\\\u0001. ', 2025);
    expect(name).toBe('青溪镇街道2025年法治政府建设年度报告.docx');
    expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
  });
});
