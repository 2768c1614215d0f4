/**
 * What repeats on every page: the page number footers (GB/T 9704 §7.5) and a draft's header.
 */
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { SIHAO_CHAR, SIZE_SANHAO, SIZE_SIHAO } from './gbt9704';
import { fontOf, NO_INDENT, type Builder } from './paragraphs';

/** 征求意见稿 in the header of every page, 黑体 三号 at the right. */
export function draftHeader(b: Builder): Header {
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


export function pageNumberFooter(b: Builder, side: 'odd' | 'even'): Footer {
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

