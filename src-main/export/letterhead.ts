/**
 * 版头 of a 报送件 (GB/T 9704-2012 §7.2, §10): 份号 and 紧急程度 at the top left, the 发文机关标志 in red
 * with its top edge 35 mm below the top of the text block (one name, or the joint issuers stacked with
 * "文件" to their right), two lines below it the 发文字号 (centred, or one character from the left with
 * 签发人 one character from the right on the same line), and 4 mm under that a red rule the width of
 * the text block. Positions are measured on LibreOffice's rendering in test/export/docxSubmit.test.ts.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type FileChild,
} from 'docx';
import type { RenderedIssuance } from '../../src-shared/domain/rendered';
import { GridFreeParagraph } from './gridFreeParagraph';
import { HEAD_RULE, LINE_PITCH, MARK_TOP, RED, SANHAO_CHAR, SANHAO_CHAR_SPACING, SIZE_SANHAO, TEXT_WIDTH } from './gbt9704';
import { blankParagraph, fontOf, NO_INDENT, paragraph, sanhaoRun, sanhaoWidth, type Builder } from './paragraphs';

/** Largest 发文机关标志: 44 pt (a little over 初号), as most 红头 are. */
const MARK_MAX_PT = 44;
/** The mark's exact line height as a multiple of its size: close to the glyphs' own height, so Word and LibreOffice place them alike. */
const MARK_LINE = 1.3;
/**
 * Distance from the top of the mark's line to the top of its glyphs, as a fraction of the size
 * (measured: LibreOffice with Noto Serif CJK as 方正小标宋 / 宋体).
 */
const MARK_INK_OFFSET = 0.2;
/** §7.2.5: the rule 4 mm under the 发文字号; the paragraph border's space in points (measured). */
const RULE_SPACE_PT = 4;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

const exactLine = (twips: number) => ({ line: Math.round(twips), lineRule: 'exact' as const, before: 0, after: 0 });

/** Font size in points that fits `chars` full-width characters into 90 % of the text block. */
function markSize(chars: number): number {
  const fit = Math.floor((0.9 * TEXT_WIDTH) / 20 / Math.max(1, chars));
  return Math.min(MARK_MAX_PT, fit);
}

function markRun(b: Builder, text: string, pt: number): TextRun {
  return new TextRun({ text, font: fontOf(b.fonts.title), size: pt * 2, bold: b.fonts.titleBold, color: RED });
}

/** A paragraph the mark's table cells hold: off the 22-line grid, exactly `pt × MARK_LINE` high. */
function markParagraph(b: Builder, text: string, pt: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new GridFreeParagraph({
    style: 'Title',
    spacing: exactLine(pt * 20 * MARK_LINE),
    indent: NO_INDENT,
    alignment,
    children: [markRun(b, text, pt)],
  }) as unknown as Paragraph;
}

/** Joint issuers (§10): the names stacked and spread to one width, "文件" to their right centred on them. */
function jointMark(b: Builder, names: string[], withWenjian: boolean): Table {
  const longest = Math.max(...names.map((n) => [...n].length));
  const pt = markSize(longest + (withWenjian ? 2.5 : 0));
  const namesW = Math.round(longest * pt * 20 + pt * 10);
  const wenjianW = withWenjian ? Math.round(2.5 * pt * 20) : 0;
  const rows = names.map(
    (n, i) =>
      new TableRow({
        height: { value: Math.round(pt * 20 * MARK_LINE), rule: 'exact' },
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: namesW, type: WidthType.DXA },
            margins: NO_MARGINS,
            verticalAlign: VerticalAlign.CENTER,
            children: [markParagraph(b, n, pt, AlignmentType.DISTRIBUTE)],
          }),
          ...(withWenjian
            ? [
                new TableCell({
                  width: { size: wenjianW, type: WidthType.DXA },
                  margins: NO_MARGINS,
                  verticalAlign: VerticalAlign.CENTER,
                  verticalMerge: i === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
                  children: [i === 0 ? markParagraph(b, '文件', pt, AlignmentType.RIGHT) : markParagraph(b, '', pt, AlignmentType.RIGHT)],
                }),
              ]
            : []),
        ],
      }),
  );
  return new Table({
    alignment: AlignmentType.CENTER,
    width: { size: namesW + wenjianW, type: WidthType.DXA },
    columnWidths: withWenjian ? [namesW, wenjianW] : [namesW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows,
  });
}

/** 份号 / 紧急程度 (§7.2.1, §7.2.2): 三号黑体, flush left, one to a line from the top of the text block. */
function topLines(b: Builder, iss: RenderedIssuance): Paragraph[] {
  return [iss.copyNumber, iss.urgency]
    .filter((t) => t !== '')
    .map((t) => paragraph({ alignment: AlignmentType.LEFT, indent: NO_INDENT, children: [sanhaoRun(t, b.fonts.heiti)] }));
}

/**
 * 发文字号 and 签发人 (§7.2.4, §7.2.6). Without 签发人 the number is centred. With them, "签发人：" in
 * 仿宋 and the names in 楷体, two names a line, one character from the right edge; the number one
 * character from the left on the last name's line. The red rule is that line's bottom border.
 */
function numberLines(b: Builder, iss: RenderedIssuance): Paragraph[] {
  const rule = { bottom: { style: BorderStyle.SINGLE, size: HEAD_RULE, color: RED, space: RULE_SPACE_PT } };
  const numberRun = (text: string) => sanhaoRun(text, b.fonts.fangsong);
  if (iss.signers.length === 0) {
    return [paragraph({ alignment: AlignmentType.CENTER, indent: NO_INDENT, border: rule, children: [numberRun(iss.docNumber || ' ')] })];
  }
  const lines: string[] = [];
  for (let i = 0; i < iss.signers.length; i += 2) lines.push(iss.signers.slice(i, i + 2).join('\u3000'));
  const label = '签发人：';
  const namesStart = TEXT_WIDTH - SANHAO_CHAR - Math.max(...lines.map(sanhaoWidth)) - 40;
  const labelStart = namesStart - sanhaoWidth(label) - 60;
  const tabStops = [
    { type: TabStopType.LEFT, position: SANHAO_CHAR },
    { type: TabStopType.LEFT, position: Math.round(labelStart) },
    { type: TabStopType.LEFT, position: Math.round(namesStart) },
  ];
  const tab = () => new TextRun({ children: [new Tab()], size: SIZE_SANHAO, characterSpacing: SANHAO_CHAR_SPACING });
  return lines.map((names, i) => {
    const last = i === lines.length - 1;
    const children: TextRun[] = [tab()];
    if (last && iss.docNumber) children.push(numberRun(iss.docNumber));
    children.push(tab());
    if (i === 0) children.push(sanhaoRun(label, b.fonts.fangsong));
    children.push(tab(), sanhaoRun(names, b.fonts.kaiti));
    return paragraph({ alignment: AlignmentType.LEFT, indent: NO_INDENT, tabStops, ...(last ? { border: rule } : {}), children });
  });
}

/** The 版头, ending two lines above the title (§7.3.1: the title two lines under the red rule). */
export function letterhead(b: Builder, iss: RenderedIssuance): FileChild[] {
  const top = topLines(b, iss);
  const names = iss.issuers.filter((n) => n.trim() !== '');
  const single = names.length <= 1;
  const singleText = `${names[0] ?? ''}${iss.withWenjian ? '文件' : ''}`;
  const pt = single ? markSize([...singleText].length) : markSize(Math.max(...names.map((n) => [...n].length)) + (iss.withWenjian ? 2.5 : 0));
  // the space above the mark: whatever the 份号/紧急程度 lines leave of the 35 mm, less the gap
  // between the top of the mark's line and the top of its glyphs
  const spacer = MARK_TOP - top.length * LINE_PITCH - MARK_INK_OFFSET * pt * 20;
  const out: FileChild[] = [...top];
  out.push(new GridFreeParagraph({ style: 'Normal', spacing: exactLine(Math.max(20, spacer)), indent: NO_INDENT, alignment: AlignmentType.LEFT, children: [] }));
  out.push(single ? markParagraph(b, singleText, pt, AlignmentType.CENTER) : jointMark(b, names, iss.withWenjian));
  out.push(blankParagraph(), blankParagraph());
  out.push(...numberLines(b, iss));
  out.push(blankParagraph(), blankParagraph());
  return out;
}
