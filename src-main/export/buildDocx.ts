/**
 * The report as a GB/T 9704-2012 .docx: the parts in reading order (title, 主送机关, body, 附件说明,
 * 落款, 附件 pages) in one A4 section with the standard margins and the 22-line grid. The pieces live in
 * paragraphs.ts, blocks.ts, tables.ts, signature.ts, attachments.ts, pageFurniture.ts and styles.ts.
 */
import { AlignmentType, Document, DocumentGridType, Packer, Paragraph, type FileChild } from 'docx';
import type { ExportOptions, RenderedReport } from '../../src-shared/domain/rendered';
import { titleLines, titleOneLine } from '../../src-shared/report/titleLines';
import { recipientLine } from '../../src-shared/report/recipient';
import { fontSetOf } from './fonts';
import {
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  SANHAO_CHAR,
  TEXT_WIDTH,
} from './gbt9704';
import { blankParagraph, bodyParagraph, linesOf, markedRuns, NO_INDENT, paragraph, safe, sanhaoRun, sanhaoWidth, titleParagraph, type Builder } from './paragraphs';
import { blockParagraphs } from './blocks';
import { signatureParagraphs } from './signature';
import { attachmentNote, attachmentPages } from './attachments';
import { draftHeader, pageNumberFooter } from './pageFurniture';
import { styles } from './styles';

export interface BuildDocxOptions extends ExportOptions {
  /** Author in the file's properties; defaults to the signature's unit name. */
  creator?: string;
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
