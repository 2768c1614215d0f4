/**
 * The report's parts: numbered headings in their level's font (黑体 / 楷体 / 仿宋 bold / 仿宋), run-in
 * headings ("（一）标题。正文……" in one paragraph), body paragraphs, the part's tables at their place,
 * and a draft's "未定稿" comment. Apart from the page furniture so a reader of the body finds it whole.
 */
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type FileChild } from 'docx';
import type { RenderedBlock } from '../../src-shared/domain/rendered';
import { tablesAfter } from '../../src-shared/report/tablePlacement';
import { bodyParagraph, FIRST_LINE_INDENT, fontOf, linesOf, markedRuns, paragraph, safe, type Builder } from './paragraphs';
import { partTable } from './tables';

/** Font and weight of a heading's runs by level: 黑体 / 楷体 / 仿宋 bold / 仿宋. */
export function headingRuns(b: Builder, level: RenderedBlock['level'], text: string): TextRun[] {
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

export function blockParagraphs(b: Builder, block: RenderedBlock): FileChild[] {
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

