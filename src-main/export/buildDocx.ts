import {
  AlignmentType,
  BorderStyle,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Header,
  Tab,
  TabStopType,
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
import type { ExportOptions, RenderedAttachment, RenderedBlock, RenderedReport, RenderedSignature, RenderedTable } from '../../src-shared/domain/rendered';
import { cleanText } from '../../src-shared/domain/text';
import { MISSING_MARK_RE } from '../../src-shared/report/missingMarks';
import { titleLines, titleOneLine, titleWidth } from '../../src-shared/report/titleLines';
import { tablesAfter } from '../../src-shared/report/tablePlacement';
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
import { recipientLine } from '../../src-shared/report/recipient';

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
  draft: boolean;
  /** Word comments of a draft: one per part not yet 定稿 */
  comments: Array<{ id: number; author: string; initials: string; children: Paragraph[] }>;
}

/** Colour of 【待填：…】 in a draft: the reader sees at once what is still to be filled in. */
const MISSING_COLOR = 'C00000';

/** 三号 runs of one text, the 【待填：…】 marks of a draft in colour. */
function markedRuns(text: string, eastAsia: string, extra: Partial<IRunOptions> = {}): TextRun[] {
  if (!MISSING_MARK_RE.test(text)) return [sanhaoRun(text, eastAsia, extra)];
  return text
    .split(MISSING_MARK_RE)
    .filter((piece) => piece !== '')
    .map((piece) =>
      MISSING_MARK_RE.test(piece) ? sanhaoRun(piece, eastAsia, { ...extra, color: MISSING_COLOR }) : sanhaoRun(piece, eastAsia, extra),
    );
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

/** Font and weight of a heading's runs by level: 黑体 / 楷体 / 仿宋 bold / 仿宋. */
function headingRuns(b: Builder, level: RenderedBlock['level'], text: string): TextRun[] {
  switch (level) {
    case 1:
      return markedRuns(text, b.fonts.heiti);
    case 2:
      return markedRuns(text, b.fonts.kaiti);
    case 3:
      return markedRuns(text, b.fonts.fangsong, { bold: true });
    default:
      return markedRuns(text, b.fonts.fangsong);
  }
}

/**
 * A draft marks every part not yet 定稿 with a Word comment over its first paragraph, so a leader
 * reading it knows which parts are still being written.
 */
function withStatusComment(b: Builder, block: RenderedBlock, p: Paragraph): Paragraph {
  if (!b.draft || block.status === '定稿') return p;
  const id = b.comments.length;
  const heading = `${block.number}${block.heading}`.trim() || '无标题部分';
  b.comments.push({
    id,
    author: '法治年报',
    initials: 'FZ',
    children: [new Paragraph({ children: [new TextRun({ text: `本部分状态：${block.status}（未定稿）——${heading}`, font: fontOf(b.fonts.songti) })] })],
  });
  const children = (p.options.children ?? []) as TextRun[];
  return new Paragraph({
    ...p.options,
    children: [
      new CommentRangeStart(id),
      ...children,
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)], font: fontOf(b.fonts.fangsong) }),
    ],
  });
}

const HEADING_STYLE = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' } as const;

function blockParagraphs(b: Builder, block: RenderedBlock): FileChild[] {
  const out: FileChild[] = [];
  const level = ([1, 2, 3, 4] as const).includes(block.level) ? block.level : 4;
  const headingText = `${safe(block.number)}${safe(block.heading)}`.replace(/[\r\n]+/g, '').trim();
  const strings = block.paragraphs ?? [];
  const tables = block.tables ?? [];
  // a table goes after `after` printed paragraphs (0 = under the heading; too large = at the end)
  const tablesAt = (k: number) => tablesAfter(tables, k, strings.length).map((t) => partTable(b, t));
  // a draft's status comment goes on the part's first paragraph only
  let commented = false;
  const comment = (p: Paragraph) => {
    if (commented) return p;
    commented = true;
    return withStatusComment(b, block, p);
  };
  let runInPending = block.runIn && strings.some((t) => linesOf(t).length > 0);
  if (!runInPending) {
    if (headingText !== '') {
      b.lastText = headingText;
      out.push(
        comment(
          paragraph({
            style: HEADING_STYLE[level],
            alignment: AlignmentType.JUSTIFIED,
            indent: FIRST_LINE_INDENT,
            // A heading alone at a page's foot reads as a mistake; keep it with what follows.
            keepNext: true,
            children: headingRuns(b, level, headingText),
          }),
        ),
      );
    }
    out.push(...tablesAt(0));
  }
  strings.forEach((text, i) => {
    for (const line of linesOf(text)) {
      if (runInPending) {
        // "（一）标题。正文……" in one paragraph: heading run in its font, body run in 仿宋.
        out.push(comment(bodyParagraph(b, headingText + line, [...headingRuns(b, level, headingText), ...markedRuns(line, b.fonts.fangsong)])));
        runInPending = false;
        out.push(...tablesAt(0));
      } else out.push(comment(bodyParagraph(b, line, markedRuns(line, b.fonts.fangsong))));
    }
    out.push(...tablesAt(i + 1));
  });
  return out;
}

/** 四号 and 五号 in half-points. */
const TABLE_SIZE = { 四号: SIZE_SIHAO, 五号: 21 } as const;
const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/**
 * A table inside a part: 仿宋 四号 or 五号, header rows in 黑体 repeated on every page, full borders,
 * exactly as wide as the text block, columns in proportion to their longest text.
 */
function partTable(b: Builder, t: RenderedTable): Table {
  const size = TABLE_SIZE[t.size] ?? SIZE_SIHAO;
  const pt = size / 2;
  const rows = t.rows.map((r) => r.map((c) => linesOf(c).join(' ')));
  const cols = Math.max(1, ...rows.map((r) => r.length));
  // + 1.5 characters for the cell margins
  const want = Array.from({ length: cols }, (_, j) => Math.min(12, Math.max(2, ...rows.map((r) => titleWidth(r[j] ?? '')))) + 1.5);
  const sum = want.reduce((a, w) => a + w, 0);
  const widths = want.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
  widths[cols - 1]! += TEXT_WIDTH - widths.reduce((a, w) => a + w, 0);
  const spacing = { line: Math.round(pt * 20 * 1.4), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const headerRows = Math.max(0, Math.min(t.headerRows, rows.length - 1));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    borders: {
      top: TABLE_BORDER,
      bottom: TABLE_BORDER,
      left: TABLE_BORDER,
      right: TABLE_BORDER,
      insideHorizontal: TABLE_BORDER,
      insideVertical: TABLE_BORDER,
    },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i < headerRows,
          cantSplit: true,
          children: Array.from({ length: cols }, (_, j) => {
            const text = r[j] ?? '';
            const header = i < headerRows;
            const font = header ? b.fonts.heiti : b.fonts.fangsong;
            const runs = text
              .split(MISSING_MARK_RE)
              .filter((piece) => piece !== '')
              .map(
                (piece) =>
                  new TextRun({
                    text: piece,
                    font: fontOf(font),
                    size,
                    ...(MISSING_MARK_RE.test(piece) ? { color: MISSING_COLOR } : {}),
                  }),
              );
            return new TableCell({
              width: { size: widths[j]!, type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
              // the grid-free paragraph: a 579 grid would give every cell line the body's line height
              children: [
                new GridFreeParagraph({
                  style: 'TableText',
                  spacing,
                  indent: NO_INDENT,
                  alignment: header || /^[\d.%\s万亿余个件次人场条份项起名]*$/.test(text) ? AlignmentType.CENTER : AlignmentType.LEFT,
                  children: runs,
                }) as unknown as Paragraph,
              ],
            });
          }),
        }),
    ),
  });
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
function signatureParagraphs(b: Builder, sig: RenderedSignature): Paragraph[] {
  const name = linesOf(sig.name ?? '').join('');
  const date = linesOf(sig.date ?? '').join('');
  const joint = linesOf(sig.jointName ?? '').join('');
  if (sig.sealed === false) return unsealedSignature(b, joint ? [name, joint] : [name], date);
  if (joint && name) return jointSignature(b, name, joint, date);
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

const signatureLine = (b: Builder, text: string, right: number) =>
  paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { ...NO_INDENT, right },
    keepNext: true,
    children: [sanhaoRun(text, b.fonts.fangsong)],
  });

/**
 * §7.3.5.2 联合行文 with seals: the units side by side in their order, the last one centred over the
 * date (which is right-aligned 4 characters from the edge), each seal to press on its own name.
 */
function jointSignature(b: Builder, first: string, second: string, date: string): Paragraph[] {
  const dateRight = 4 * SANHAO_CHAR;
  const dateW = sanhaoWidth(date);
  const w1 = sanhaoWidth(first);
  const w2 = sanhaoWidth(second);
  // centre of the second name over the date, kept inside the text block
  const c2 = Math.min(TEXT_WIDTH - w2 / 2, TEXT_WIDTH - dateRight - dateW / 2);
  // the first name half a text block to the left, never closer than two characters to the second
  const c1 = Math.max(w1 / 2, Math.min(c2 - TEXT_WIDTH / 2, c2 - w2 / 2 - 2 * SANHAO_CHAR - w1 / 2));
  const names = paragraph({
    alignment: AlignmentType.LEFT,
    indent: NO_INDENT,
    keepNext: true,
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(c1) },
      { type: TabStopType.CENTER, position: Math.round(c2) },
    ],
    children: [
      new TextRun({
        children: [new Tab(), first, new Tab(), second],
        font: fontOf(b.fonts.fangsong),
        size: SIZE_SANHAO,
        characterSpacing: SANHAO_CHAR_SPACING,
      }),
    ],
  });
  return date ? [names, signatureLine(b, date, dateRight)] : [names];
}

/**
 * §7.3.5.3 without a seal: the name 2 characters from the right edge, the date on the next line
 * starting 2 characters to the right of the name's first character; a date longer than that is set
 * 2 characters from the edge and the name moves left. Joint units go one under the other.
 */
function unsealedSignature(b: Builder, names: string[], date: string): Paragraph[] {
  const two = 2 * SANHAO_CHAR;
  const nameW = Math.max(0, ...names.map(sanhaoWidth));
  const dateW = sanhaoWidth(date);
  let nameLeft = TEXT_WIDTH - two - nameW;
  let dateLeft = nameLeft + two;
  if (dateLeft + dateW > TEXT_WIDTH - two) {
    dateLeft = TEXT_WIDTH - two - dateW;
    nameLeft = dateLeft - two;
  }
  const out = names.filter(Boolean).map((n) =>
    paragraph({ alignment: AlignmentType.LEFT, indent: { ...NO_INDENT, left: Math.max(0, Math.round(nameLeft)) }, keepNext: true, children: [sanhaoRun(n, b.fonts.fangsong)] }),
  );
  if (date) out.push(paragraph({ alignment: AlignmentType.LEFT, indent: { ...NO_INDENT, left: Math.max(0, Math.round(dateLeft)) }, keepNext: true, children: [sanhaoRun(date, b.fonts.fangsong)] }));
  return out;
}

/** 征求意见稿 in the header of every page, 黑体 三号 at the right. */
function draftHeader(b: Builder): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: NO_INDENT,
        children: [new TextRun({ text: '征求意见稿', font: fontOf(b.fonts.heiti), size: SIZE_SANHAO })],
      }),
    ],
  });
}

/**
 * 附件说明 (§7.3.6): under the body after a blank line, 2 characters in, "附件：1.名称"; further
 * names line up under the first and a long name wraps to its own first character (hanging indent).
 */
function attachmentNote(b: Builder, attachments: RenderedAttachment[]): Paragraph[] {
  const label = '附件：';
  const labelW = sanhaoWidth(label);
  const start = 2 * SANHAO_CHAR;
  return attachments.map((a, i) => {
    const num = attachments.length > 1 ? `${i + 1}.` : '';
    const lead = i === 0 ? label + num : num;
    const textStart = start + labelW + sanhaoWidth(num);
    const firstStart = i === 0 ? start : start + labelW;
    const name = titleOneLine(a.title);
    b.lastText = lead + name;
    return paragraph({
      style: 'AttachmentNote',
      alignment: AlignmentType.JUSTIFIED,
      indent: { left: Math.round(textStart), hanging: Math.round(textStart - firstStart) },
      children: [sanhaoRun(lead + name, b.fonts.fangsong)],
    });
  });
}

/** Each 附件 on a new page: "附件1" 黑体 top left, its title centred on the third line, then its text. */
function attachmentPages(b: Builder, attachments: RenderedAttachment[]): FileChild[] {
  const out: FileChild[] = [];
  attachments.forEach((a, i) => {
    const label = attachments.length > 1 ? `附件${i + 1}` : '附件';
    out.push(
      paragraph({ alignment: AlignmentType.LEFT, indent: NO_INDENT, pageBreakBefore: true, children: [sanhaoRun(label, b.fonts.heiti)] }),
      blankParagraph(),
    );
    const lines = titleLines(a.title);
    if (lines.length) out.push(titleParagraph(b, lines), blankParagraph());
    const strings = a.paragraphs ?? [];
    const tablesAt = (k: number) => tablesAfter(a.tables ?? [], k, strings.length).map((t) => partTable(b, t));
    out.push(...tablesAt(0));
    strings.forEach((text, k) => {
      for (const p of linesOf(text)) out.push(bodyParagraph(b, p, markedRuns(p, b.fonts.fangsong)));
      out.push(...tablesAt(k + 1));
    });
  });
  return out;
}

/** A title in 二号 小标宋, centred, on the lines given (GB/T 9704 §7.3.1). */
function titleParagraph(b: Builder, lines: string[]): FileChild {
  return new GridFreeParagraph({
    style: 'Title',
    spacing: EXACT_LINE,
    alignment: AlignmentType.CENTER,
    indent: NO_INDENT,
    children: lines.map(
      (text, i) => new TextRun({ text, font: fontOf(b.fonts.title), size: SIZE_ERHAO, bold: b.fonts.titleBold, ...(i > 0 ? { break: 1 } : {}) }),
    ),
  });
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
    {
      // table cells: 仿宋 四号 without the body's −0.25 pt (not based on Normal, see Title)
      id: 'TableText',
      name: 'Table Text',
      run: { font: fontOf(f.fangsong), size: SIZE_SIHAO, sizeComplexScript: SIZE_SIHAO, language: LANGUAGE },
      paragraph: { indent: NO_INDENT },
    },
    {
      // 附件说明: not based on Normal, whose 2-character first-line indent would beat the hanging indent
      id: 'AttachmentNote',
      name: 'Attachment Note',
      run: sanhao(f.fangsong),
      paragraph: { spacing: EXACT_LINE, alignment: AlignmentType.JUSTIFIED },
    },
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
  const lines = titleLines(safe(report.title ?? ''));
  if (lines.length) {
    out.push(titleParagraph(b, lines));
    out.push(blankParagraph());
  }
  const recipient = linesOf(report.recipient ?? '').join('');
  if (recipient) {
    out.push(paragraph({ alignment: AlignmentType.LEFT, indent: NO_INDENT, children: [sanhaoRun(recipientLine(recipient), b.fonts.fangsong)] }));
  }
  for (const p of (report.preamble ?? []).flatMap(linesOf)) {
    out.push(bodyParagraph(b, p, markedRuns(p, b.fonts.fangsong)));
  }
  for (const block of report.blocks ?? []) out.push(...blockParagraphs(b, block));
  const attachments = (report.attachments ?? []).filter((a) => titleOneLine(safe(a.title ?? '')) !== '');
  if (attachments.length) out.push(blankParagraph(), ...attachmentNote(b, attachments));

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
      // with a seal two blank lines leave it room (§7.3.5.1); without one, one blank line (§7.3.5.3)
      out.push(...(sig.sealed === false ? [keptBlank()] : [keptBlank(), keptBlank()]));
      out.push(...signatureParagraphs(b, sig));
    }
  }
  if (attachments.length) out.push(...attachmentPages(b, attachments));
  // Word refuses a body with no paragraph.
  if (out.length === 0) out.push(blankParagraph());
  return out;
}

/** The report as a GB/T 9704-2012 .docx. */
export async function buildDocx(report: RenderedReport, opts: BuildDocxOptions): Promise<Buffer> {
  const b: Builder = { fonts: fontSetOf(opts.fontPreset), lastText: '', draft: !!opts.draft, comments: [] };
  const title = titleOneLine(safe(report.title ?? ''));
  const children = documentParagraphs(b, report);
  const header = b.draft ? draftHeader(b) : null;
  const creator = linesOf(opts.creator ?? report.signature?.name ?? '').join('');
  const doc = new Document({
    title,
    creator,
    lastModifiedBy: creator,
    evenAndOddHeaderAndFooters: true,
    styles: styles(b),
    ...(b.comments.length ? { comments: { children: b.comments } } : {}),
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
        ...(header ? { headers: { default: header, even: draftHeader(b) } } : {}),
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
