/**
 * Tables inside a part or an 附件: 仿宋 四号 or 五号, header rows in 黑体 repeated on every page. Their
 * cells leave the 22-line grid (GridFreeParagraph), which is why they are not ordinary body paragraphs.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { RenderedTable } from '../../src-shared/domain/rendered';
import { MISSING_MARK_RE } from '../../src-shared/report/missingMarks';
import { titleWidth } from '../../src-shared/report/titleLines';
import { GridFreeParagraph } from './gridFreeParagraph';
import { SIZE_SIHAO, TEXT_WIDTH } from './gbt9704';
import { fontOf, linesOf, MISSING_COLOR, NO_INDENT, type Builder } from './paragraphs';

/** 四号 and 五号 in half-points. */
const TABLE_SIZE = { 四号: SIZE_SIHAO, 五号: 21 } as const;
const TABLE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/**
 * A table inside a part: 仿宋 四号 or 五号, header rows in 黑体 repeated on every page, full borders,
 * exactly as wide as the text block, columns in proportion to their longest text.
 */
export function partTable(b: Builder, t: RenderedTable): Table {
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

