import {
  AlignmentType,
  Document,
  FileChild,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IRunOptions,
} from 'docx';
import type { ExportOptions, RenderedBlock, RenderedReport } from '../../src-shared/domain/rendered';
import { cleanText } from '../../src-shared/domain/text';
import { fontSetOf, type FontSet } from './fonts';
import { GridFreeParagraph } from './gridFreeParagraph';
import {
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LATIN_FONT,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  SANHAO_CHAR,
  SANHAO_CHAR_SPACING,
  SIHAO_CHAR,
  SIZE_ERHAO,
  SIZE_SANHAO,
  SIZE_SIHAO,
  TEXT_WIDTH,
} from './gbt9704';

export interface BuildDocxOptions extends ExportOptions {
  /** Author in the file's properties; defaults to the signature's unit name. */
  creator?: string;
}

/**
 * Chinese text is zh-CN. Latin text and digits stay en-US as Chinese Word writes it: with zh-CN as the
 * Western language LibreOffice breaks lines inside numbers ("30" / "0余册").
 */
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/**
 * Latin text in Times New Roman, Chinese in the role's font. `hint: eastAsia` makes Word set shared
 * characters (“” — …) in the Chinese font, as a Chinese clerk typing in Word would get.
 */
function fontOf(eastAsia: string) {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia, hint: 'eastAsia' };
}

const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: 2 * SANHAO_CHAR };
const NO_INDENT = { firstLineChars: 0, firstLine: 0, left: 0, right: 0 };

/** Text as it may appear in XML: XML-invalid characters dropped, tabs as spaces. */
function safe(s: string): string {
  return cleanText(String(s ?? '')).replace(/\t/g, ' ');
}

/**
 * One body text may hold several lines; each becomes a paragraph. Leading spaces (often two 全角
 * spaces typed as a manual indent) are dropped because the style indents the first line already.
 */
function linesOf(text: string): string[] {
  return safe(text)
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l !== '');
}

interface Builder {
  fonts: FontSet;
  /** text of the last paragraph written, to decide whether it may go with the signature */
  lastText: string;
}

function sanhaoRun(text: string, eastAsia: string, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: fontOf(eastAsia),
    size: SIZE_SANHAO,
    characterSpacing: SANHAO_CHAR_SPACING,
    ...extra,
  });
}

function paragraph(opts: IParagraphOptions): Paragraph {
  // overflowPunct on every paragraph: LibreOffice reads a missing value the other way round from
  // Word and drops a 。 that falls at the line end. Widow control off: GB/T 9704 pages hold 22 lines,
  // and LibreOffice's default of moving a paragraph's last two lines together leaves 21.
  return new Paragraph({ overflowPunctuation: true, widowControl: false, spacing: EXACT_LINE, ...opts });
}

function bodyParagraph(b: Builder, text: string, runs: TextRun[]): Paragraph {
  b.lastText = text;
  return paragraph({ alignment: AlignmentType.JUSTIFIED, indent: FIRST_LINE_INDENT, children: runs });
}

function blankParagraph(): Paragraph {
  return paragraph({ indent: NO_INDENT, children: [] });
}

/** Font and weight of a heading run by level: 黑体 / 楷体 / 仿宋 bold / 仿宋. */
function headingRun(b: Builder, level: RenderedBlock['level'], text: string): TextRun {
  switch (level) {
    case 1:
      return sanhaoRun(text, b.fonts.heiti);
    case 2:
      return sanhaoRun(text, b.fonts.kaiti);
    case 3:
      return sanhaoRun(text, b.fonts.fangsong, { bold: true });
    default:
      return sanhaoRun(text, b.fonts.fangsong);
  }
}

const HEADING_STYLE = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' } as const;

function blockParagraphs(b: Builder, block: RenderedBlock): Paragraph[] {
  const out: Paragraph[] = [];
  const level = ([1, 2, 3, 4] as const).includes(block.level) ? block.level : 4;
  const headingText = `${safe(block.number)}${safe(block.heading)}`.replace(/[\r\n]+/g, '').trim();
  const bodyLines = (block.paragraphs ?? []).flatMap(linesOf);
  const body = (line: string) => bodyParagraph(b, line, [sanhaoRun(line, b.fonts.fangsong)]);

  if (block.runIn && level > 1 && bodyLines.length > 0) {
    // "（一）标题。正文……" in one paragraph: heading run in its font, body run in 仿宋.
    const [first, ...rest] = bodyLines as [string, ...string[]];
    out.push(bodyParagraph(b, headingText + first, [headingRun(b, level, headingText), sanhaoRun(first, b.fonts.fangsong)]));
    out.push(...rest.map(body));
    return out;
  }
  if (headingText !== '') {
    b.lastText = headingText;
    out.push(
      paragraph({
        style: HEADING_STYLE[level],
        alignment: AlignmentType.JUSTIFIED,
        indent: FIRST_LINE_INDENT,
        // A heading alone at a page's foot reads as a mistake; keep it with what follows.
        keepNext: true,
        children: [headingRun(b, level, headingText)],
      }),
    );
  }
  out.push(...bodyLines.map(body));
  return out;
}

/** Width of a 三号 line of text in twips, as laid out with the −0.25 pt character spacing. */
function sanhaoWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Times New Roman digits and ASCII are half an em; everything else is a full-width glyph.
    w += (cp < 0x2000 ? SANHAO_CHAR / 2 : SANHAO_CHAR) + SANHAO_CHAR_SPACING;
  }
  return w;
}

/**
 * GB/T 9704 §7.3.5.1: the date right-aligned 4 characters from the edge and the unit's name centred
 * above it; a name wider than the date sits flush right with the date centred under it instead.
 */
function signatureParagraphs(b: Builder, name: string, date: string): Paragraph[] {
  const nameW = sanhaoWidth(name);
  const dateW = sanhaoWidth(date);
  let dateRight = 4 * SANHAO_CHAR;
  let nameRight = Math.round(dateRight + (dateW - nameW) / 2);
  if (nameRight < 0) {
    nameRight = 0;
    dateRight = Math.round((nameW - dateW) / 2);
  }
  const line = (text: string, right: number) =>
    paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { ...NO_INDENT, right },
      keepNext: true,
      children: [sanhaoRun(text, b.fonts.fangsong)],
    });
  const out: Paragraph[] = [];
  if (name) out.push(line(name, nameRight));
  if (date) out.push(line(date, dateRight));
  return out;
}

function pageNumberFooter(b: Builder, side: 'odd' | 'even'): Footer {
  // §7.5: 四号半角宋体, 一字线 either side; odd pages right with 空一字, even pages left with 空一字.
  const indent =
    side === 'odd' ? { ...NO_INDENT, right: SIHAO_CHAR } : { ...NO_INDENT, left: SIHAO_CHAR };
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontOf(b.fonts.songti),
            size: SIZE_SIHAO,
          }),
        ],
      }),
    ],
  });
}

function fontOnlyRun(eastAsia: string) {
  return { font: fontOf(eastAsia), language: LANGUAGE };
}

/** Styles: every one names Times New Roman for Latin and a Chinese font for w:eastAsia. */
function styles(b: Builder) {
  const f = b.fonts;
  const sanhao = (eastAsia: string, bold = false) => ({
    font: fontOf(eastAsia),
    size: SIZE_SANHAO,
    sizeComplexScript: SIZE_SANHAO,
    characterSpacing: SANHAO_CHAR_SPACING,
    bold,
    language: LANGUAGE,
  });
  const heading = (id: string, name: string, level: number, run: ReturnType<typeof sanhao>): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...run, color: '000000', italics: false },
    paragraph: {
      spacing: EXACT_LINE,
      indent: FIRST_LINE_INDENT,
      alignment: AlignmentType.JUSTIFIED,
      keepNext: true,
      outlineLevel: level,
    },
  });
  const plain = (id: string, name: string): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    run: sanhao(f.fangsong),
  });
  const charStyle = (id: string, name: string, extra: Partial<ICharacterStyleOptions['run']> = {}): ICharacterStyleOptions => ({
    id,
    name,
    basedOn: 'DefaultParagraphFont',
    run: { ...fontOnlyRun(f.fangsong), ...extra },
  });

  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      // Font and size here too, not only in docDefaults: LibreOffice lays the grid out from Normal.
      run: sanhao(f.fangsong),
      paragraph: { spacing: EXACT_LINE, indent: FIRST_LINE_INDENT, alignment: AlignmentType.JUSTIFIED },
    },
    {
      // Not based on Normal: the library drops `characterSpacing: 0`, so Normal's −0.25 pt would leak in.
      id: 'Title',
      name: 'Title',
      next: 'Normal',
      quickFormat: true,
      run: {
        font: fontOf(f.title),
        size: SIZE_ERHAO,
        sizeComplexScript: SIZE_ERHAO,
        bold: f.titleBold,
        language: LANGUAGE,
      },
      paragraph: { spacing: EXACT_LINE, indent: NO_INDENT, alignment: AlignmentType.CENTER },
    },
    heading('Heading1', 'heading 1', 0, sanhao(f.heiti)),
    heading('Heading2', 'heading 2', 1, sanhao(f.kaiti)),
    heading('Heading3', 'heading 3', 2, sanhao(f.fangsong, true)),
    heading('Heading4', 'heading 4', 3, sanhao(f.fangsong)),
    {
      id: 'Footer',
      name: 'footer',
      run: { font: fontOf(f.songti), size: SIZE_SIHAO, sizeComplexScript: SIZE_SIHAO, language: LANGUAGE },
      paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, indent: NO_INDENT },
    },
    // The library always writes these; restate them so no style lacks an East Asian font.
    plain('Heading5', 'heading 5'),
    plain('Heading6', 'heading 6'),
    plain('Strong', 'Strong'),
    plain('ListParagraph', 'List Paragraph'),
    plain('Caption', 'caption'),
    plain('Bibliography', 'Bibliography'),
    ...Array.from({ length: 9 }, (_, i) => plain(`TOC${i + 1}`, `toc ${i + 1}`)),
    plain('FootnoteText', 'footnote text'),
    plain('EndnoteText', 'endnote text'),
  ];
  const characterStyles: ICharacterStyleOptions[] = [
    charStyle('Hyperlink', 'Hyperlink', { color: '0563C1' }),
    charStyle('FootnoteReference', 'footnote reference', { superScript: true }),
    charStyle('FootnoteTextChar', 'Footnote Text Char'),
    charStyle('EndnoteReference', 'endnote reference', { superScript: true }),
    charStyle('EndnoteTextChar', 'Endnote Text Char'),
    charStyle('LineNumber', 'line number'),
  ];
  return {
    default: {
      document: {
        run: { font: fontOf(f.fangsong), size: SIZE_SANHAO, sizeComplexScript: SIZE_SANHAO, language: LANGUAGE },
        paragraph: { spacing: EXACT_LINE },
      },
    },
    paragraphStyles,
    characterStyles,
  };
}

/** Paragraphs of the whole report, in reading order. */
function documentParagraphs(b: Builder, report: RenderedReport): FileChild[] {
  const out: FileChild[] = [];
  const title = linesOf(report.title).join('');
  if (title) {
    out.push(
      new GridFreeParagraph({
        style: 'Title',
        spacing: EXACT_LINE,
        alignment: AlignmentType.CENTER,
        indent: NO_INDENT,
        children: [
          new TextRun({ text: title, font: fontOf(b.fonts.title), size: SIZE_ERHAO, bold: b.fonts.titleBold }),
        ],
      }),
    );
    out.push(blankParagraph());
  }
  const recipient = linesOf(report.recipient ?? '').join('');
  if (recipient) {
    const text = /[：:]$/.test(recipient) ? recipient.replace(/:$/, '：') : `${recipient}：`;
    out.push(paragraph({ alignment: AlignmentType.LEFT, indent: NO_INDENT, children: [sanhaoRun(text, b.fonts.fangsong)] }));
  }
  for (const p of (report.preamble ?? []).flatMap(linesOf)) {
    out.push(bodyParagraph(b, p, [sanhaoRun(p, b.fonts.fangsong)]));
  }
  for (const block of report.blocks ?? []) out.push(...blockParagraphs(b, block));

  const sig = report.signature;
  if (sig) {
    const name = linesOf(sig.name ?? '').join('');
    const date = linesOf(sig.date ?? '').join('');
    if (name || date) {
      // GB/T 9704 does not want a page holding only the signature, so a short last paragraph keeps
      // with it. Not a long one: LibreOffice would move the whole paragraph and leave half a page empty.
      const last = out[out.length - 1];
      if (last instanceof Paragraph && out.length > 1 && sanhaoWidth(b.lastText) + 2 * SANHAO_CHAR <= 3 * TEXT_WIDTH) {
        out[out.length - 1] = new Paragraph({ ...last.options, keepNext: true });
      }
      const keptBlank = () => paragraph({ indent: NO_INDENT, keepNext: true, children: [] });
      out.push(keptBlank(), keptBlank());
      out.push(...signatureParagraphs(b, name, date));
    }
  }
  // Word refuses a body with no paragraph.
  if (out.length === 0) out.push(blankParagraph());
  return out;
}

/** The report as a GB/T 9704-2012 .docx. */
export async function buildDocx(report: RenderedReport, opts: BuildDocxOptions): Promise<Buffer> {
  const b: Builder = { fonts: fontSetOf(opts.fontPreset), lastText: '' };
  const title = linesOf(report.title ?? '').join('');
  const creator = linesOf(opts.creator ?? report.signature?.name ?? '').join('');
  const doc = new Document({
    title,
    creator,
    lastModifiedBy: creator,
    evenAndOddHeaderAndFooters: true,
    styles: styles(b),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              top: MARGIN_TOP,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              right: MARGIN_RIGHT,
              header: HEADER_DISTANCE,
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          // Lines-only grid: a linesAndChars grid makes LibreOffice give each 三号 glyph two cells.
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter(b, 'odd'), even: pageNumberFooter(b, 'even') },
        children: documentParagraphs(b, report),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
