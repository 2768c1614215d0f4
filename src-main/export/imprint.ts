/**
 * 版记 of a 报送件 (GB/T 9704-2012 §7.4, §7.5) and the 附注 (§7.3.7). The 版记 goes on the last page,
 * which must be an even page (the back of the sheet): it is a section of its own that starts on the
 * next even page (Word and LibreOffice insert the blank page when one is needed) and has no page
 * numbers. On that page the 版记 sits at the foot of the text block: 抄送 and 印发机关/印发日期 in 四号
 * 仿宋, between a thick first rule, a thin middle one and a thick last one on the text block's bottom edge.
 * It is a borderless-sided table of exact row heights: a table's rules do not add to its height,
 * paragraph borders would, and the last rule must land on the edge.
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
  WidthType,
  type FileChild,
  type IIndentAttributesProperties,
  type TabStopDefinition,
} from 'docx';
import type { RenderedIssuance } from '../../src-shared/domain/rendered';
import { GridFreeParagraph } from './gridFreeParagraph';
import { IMPRINT_RULE_THICK, IMPRINT_RULE_THIN, LINE_PITCH, SANHAO_CHAR, SIHAO_CHAR, SIZE_SIHAO, TEXT_HEIGHT, TEXT_WIDTH } from './gbt9704';
import { fontOf, NO_INDENT, paragraph, sanhaoRun, type Builder } from './paragraphs';

const exactLine = (twips: number) => ({ line: Math.round(twips), lineRule: 'exact' as const, before: 0, after: 0 });
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' }) as const;
/** The paragraph that must follow a table at the end of a section: half a point high, so it fits under the 版记. */
const TAIL = 10;
/**
 * LibreOffice sets a table at the top of a section's page 145 twips (2.55 mm) lower than the
 * paragraphs above it add up to (measured, whatever the spacer's height). Taking it off puts the last
 * rule on the edge there; a reader without that offset (Word) gets the 版记 2.5 mm higher, never
 * pushed onto a page of its own.
 */
const TABLE_TOP_OFFSET = 145;

/** 附注 (§7.3.7): 居左空二字, in parentheses, on the line under the 成文日期. */
export function noteParagraph(b: Builder, note: string): Paragraph {
  return paragraph({ alignment: AlignmentType.LEFT, indent: { ...NO_INDENT, left: 2 * SANHAO_CHAR }, children: [sanhaoRun(note, b.fonts.fangsong)] });
}

/** 四号 full-width characters that fit a line of `width` twips. */
const sihaoChars = (width: number) => Math.max(1, Math.floor(width / SIHAO_CHAR));

function sihaoRun(b: Builder, text: string): TextRun {
  return new TextRun({ text, font: fontOf(b.fonts.fangsong), size: SIZE_SIHAO });
}

/** Lines the 抄送 paragraph takes: after "抄送：" the names wrap aligned after the colon. */
function ccLineCount(cc: string): number {
  const room = sihaoChars(TEXT_WIDTH - 2 * SIHAO_CHAR - 3 * SIHAO_CHAR);
  let width = 0;
  for (const ch of cc) width += (ch.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return Math.max(1, Math.ceil(width / room));
}

function cell(children: Paragraph[]): TableCell {
  return new TableCell({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    verticalAlign: VerticalAlign.CENTER,
    children,
  });
}

/** The 版记 page's content: a spacer, then the 版记 table ending on the text block's bottom edge. */
export function imprintPage(b: Builder, iss: RenderedIssuance): FileChild[] {
  const rows: TableRow[] = [];
  const line = LINE_PITCH;
  const gridFree = (children: TextRun[], indent: IIndentAttributesProperties, tabStops: TabStopDefinition[] = []) =>
    new GridFreeParagraph({ style: 'TableText', spacing: exactLine(line), alignment: AlignmentType.LEFT, children, indent, tabStops }) as unknown as Paragraph;
  if (iss.cc) {
    const label = '抄送：';
    const n = ccLineCount(iss.cc);
    rows.push(
      new TableRow({
        height: { value: n * line, rule: 'exact' },
        cantSplit: true,
        children: [
          cell([
            gridFree([sihaoRun(b, label + iss.cc)], { left: SIHAO_CHAR + 3 * SIHAO_CHAR, hanging: 3 * SIHAO_CHAR, right: SIHAO_CHAR }),
          ]),
        ],
      }),
    );
  }
  rows.push(
    new TableRow({
      height: { value: line, rule: 'exact' },
      cantSplit: true,
      children: [
        cell([
          gridFree(
            [sihaoRun(b, iss.printer), new TextRun({ children: [new Tab()], size: SIZE_SIHAO }), sihaoRun(b, `${iss.printDate}印发`)],
            { ...NO_INDENT, left: SIHAO_CHAR, right: SIHAO_CHAR },
            [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - SIHAO_CHAR }],
          ),
        ]),
      ],
    }),
  );
  const height = rows.length === 1 ? line : line * (ccLineCount(iss.cc) + 1);
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    borders: {
      top: rule(IMPRINT_RULE_THICK),
      bottom: rule(IMPRINT_RULE_THICK),
      insideHorizontal: rule(IMPRINT_RULE_THIN),
      left: NONE,
      right: NONE,
      insideVertical: NONE,
    },
    rows,
  });
  const spacer = TEXT_HEIGHT - height - TAIL - 5 - TABLE_TOP_OFFSET;
  const free = (h: number) => new GridFreeParagraph({ style: 'Normal', spacing: exactLine(h), indent: NO_INDENT, alignment: AlignmentType.LEFT, children: [] });
  return [free(spacer), table, free(TAIL)];
}
