/**
 * The report as a GB/T 9704-2012 .docx: the parts in reading order (title, 主送机关, body, 附件说明,
 * 落款, 附件 pages) in one A4 section with the standard margins and the 22-line grid; a 报送件 adds its
 * 版头 above the title and its 版记 in a section of its own. The pieces live in paragraphs.ts, blocks.ts,
 * tables.ts, signature.ts, attachments.ts, pageFurniture.ts, styles.ts, letterhead.ts and imprint.ts.
 */
import { AlignmentType, Document, DocumentGridType, Footer, Packer, Paragraph, SectionType, type FileChild } from 'docx';
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
import { letterhead } from './letterhead';
import { imprintPage, noteParagraph } from './imprint';
import { zipPackage, type PackageParts } from './zipPackage';

/**
 * The docx library's compiler (the XML of every part, what Packer zips). Not in its typings: where a
 * later version no longer has it, Packer zips as before (same parts, its own DEFLATE).
 */
const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document) => PackageParts } }).compiler;

export interface BuildDocxOptions extends ExportOptions {
  /** Author in the file's properties; defaults to the signature's unit name. */
  creator?: string;
}

/** Paragraphs of the whole report, in reading order. */
function documentParagraphs(b: Builder, report: RenderedReport): FileChild[] {
  const out: FileChild[] = [];
  const iss = report.issuance;
  // a 报送件 opens with its 版头; the title goes two lines under the red rule (§7.3.1)
  if (iss) out.push(...letterhead(b, iss));
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
  // 附注 on the line under the 成文日期 (§7.3.7); never in a 公开件, which has no issuance
  const note = iss ? linesOf(iss.note).join('') : '';
  if (note) out.push(noteParagraph(b, note));
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
  const page = {
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
  };
  // Lines-only grid: a linesAndChars grid makes LibreOffice give each 三号 glyph two cells.
  const grid = { type: DocumentGridType.LINES, linePitch: LINE_PITCH };
  const iss = report.issuance;
  // The 版记 (§7.4) is a section of its own on the next even page, without page numbers (§7.5):
  // its footers are empty ones, not the body's inherited.
  const imprintSection = iss
    ? [
        {
          properties: { type: SectionType.EVEN_PAGE, page, grid },
          footers: { default: new Footer({ children: [] }), even: new Footer({ children: [] }) },
          ...(header ? { headers: { default: header, even: draftHeader(b) } } : {}),
          children: imprintPage(b, iss),
        },
      ]
    : [];
  const doc = new Document({
    title,
    creator,
    lastModifiedBy: creator,
    evenAndOddHeaderAndFooters: true,
    styles: styles(b),
    ...(b.comments.length ? { comments: { children: b.comments } } : {}),
    sections: [
      {
        properties: { page, grid },
        footers: { default: pageNumberFooter(b, 'odd'), even: pageNumberFooter(b, 'even') },
        ...(header ? { headers: { default: header, even: draftHeader(b) } } : {}),
        children,
      },
      ...imprintSection,
    ],
  });
  if (typeof compiler?.compile !== 'function') return Packer.toBuffer(doc);
  return zipPackage(compiler.compile(doc));
}
