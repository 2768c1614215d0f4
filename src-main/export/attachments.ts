/**
 * 附件 (GB/T 9704 §7.3.6): the 附件说明 under the body and each 附件 on a page of its own.
 */
import { AlignmentType, type FileChild, type Paragraph } from 'docx';
import type { RenderedAttachment } from '../../src-shared/domain/rendered';
import { tablesAfter } from '../../src-shared/report/tablePlacement';
import { titleLines, titleOneLine } from '../../src-shared/report/titleLines';
import { SANHAO_CHAR } from './gbt9704';
import { blankParagraph, bodyParagraph, linesOf, markedRuns, NO_INDENT, paragraph, sanhaoRun, sanhaoWidth, titleParagraph, type Builder } from './paragraphs';
import { partTable } from './tables';

/**
 * 附件说明 (§7.3.6): under the body after a blank line, 2 characters in, "附件：1.名称"; further
 * names line up under the first and a long name wraps to its own first character (hanging indent).
 */
export function attachmentNote(b: Builder, attachments: RenderedAttachment[]): Paragraph[] {
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
export function attachmentPages(b: Builder, attachments: RenderedAttachment[]): FileChild[] {
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

