/**
 * The building blocks every other part of the .docx writer uses: fonts of a run, the exact 22-line
 * spacing, indents, text made XML-safe, 三号 runs and plain paragraphs, the 二号 title. Kept apart so
 * that body, tables, 落款, 附件 and 版头/版记 share one definition of "a GB/T 9704 line" and a change to
 * it (measured in test/export/docxLibreOffice.test.ts) is made once.
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type FileChild, type IParagraphOptions, type IRunOptions } from 'docx';
import { cleanText } from '../../src-shared/domain/text';
import { MISSING_MARK_RE } from '../../src-shared/report/missingMarks';
import type { FontSet } from './fonts';
import { GridFreeParagraph } from './gridFreeParagraph';
import { LATIN_FONT, LINE_PITCH, SANHAO_CHAR, SANHAO_CHAR_SPACING, SIZE_ERHAO, SIZE_SANHAO } from './gbt9704';

/**
 * Chinese text is zh-CN. Latin text and digits stay en-US as Chinese Word writes it: with zh-CN as the
 * Western language LibreOffice breaks lines inside numbers ("30" / "0余册").
 */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/**
 * Latin text in Times New Roman, Chinese in the role's font. `hint: eastAsia` makes Word set shared
 * characters (“” — …) in the Chinese font, as a Chinese clerk typing in Word would get.
 */
export function fontOf(eastAsia: string) {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia, hint: 'eastAsia' };
}

export const EXACT_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
export const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: 2 * SANHAO_CHAR };
export const NO_INDENT = { firstLineChars: 0, firstLine: 0, left: 0, right: 0 };

/** Text as it may appear in XML: XML-invalid characters dropped, tabs as spaces. */
export function safe(s: string): string {
  return cleanText(String(s ?? '')).replace(/\t/g, ' ');
}

/**
 * One body text may hold several lines; each becomes a paragraph. Leading spaces (often two 全角
 * spaces typed as a manual indent) are dropped because the style indents the first line already.
 */
export function linesOf(text: string): string[] {
  return safe(text)
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l !== '');
}

export interface Builder {
  fonts: FontSet;
  /** text of the last paragraph written, to decide whether it may go with the signature */
  lastText: string;
  draft: boolean;
  /** Word comments of a draft: one per part not yet 定稿 */
  comments: Array<{ id: number; author: string; initials: string; children: Paragraph[] }>;
}

/** Colour of 【待填：…】 in a draft: the reader sees at once what is still to be filled in. */
export const MISSING_COLOR = 'C00000';

/** 三号 runs of one text, the 【待填：…】 marks of a draft in colour. */
export function markedRuns(text: string, eastAsia: string, extra: Partial<IRunOptions> = {}): TextRun[] {
  if (!MISSING_MARK_RE.test(text)) return [sanhaoRun(text, eastAsia, extra)];
  return text
    .split(MISSING_MARK_RE)
    .filter((piece) => piece !== '')
    .map((piece) =>
      MISSING_MARK_RE.test(piece) ? sanhaoRun(piece, eastAsia, { ...extra, color: MISSING_COLOR }) : sanhaoRun(piece, eastAsia, extra),
    );
}

export function sanhaoRun(text: string, eastAsia: string, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: fontOf(eastAsia),
    size: SIZE_SANHAO,
    characterSpacing: SANHAO_CHAR_SPACING,
    ...extra,
  });
}

export function paragraph(opts: IParagraphOptions): Paragraph {
  // overflowPunct on every paragraph: LibreOffice reads a missing value the other way round from
  // Word and drops a 。 that falls at the line end. Widow control off: GB/T 9704 pages hold 22 lines,
  // and LibreOffice's default of moving a paragraph's last two lines together leaves 21.
  return new Paragraph({ overflowPunctuation: true, widowControl: false, spacing: EXACT_LINE, ...opts });
}

export function bodyParagraph(b: Builder, text: string, runs: TextRun[]): Paragraph {
  b.lastText = text;
  return paragraph({ alignment: AlignmentType.JUSTIFIED, indent: FIRST_LINE_INDENT, children: runs });
}

export function blankParagraph(): Paragraph {
  return paragraph({ indent: NO_INDENT, children: [] });
}


/** Width of a 三号 line of text in twips, as laid out with the −0.25 pt character spacing. */
export function sanhaoWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Times New Roman digits and ASCII are half an em; everything else is a full-width glyph.
    w += (cp < 0x2000 ? SANHAO_CHAR / 2 : SANHAO_CHAR) + SANHAO_CHAR_SPACING;
  }
  return w;
}


/** A title in 二号 小标宋, centred, on the lines given (GB/T 9704 §7.3.1). */
export function titleParagraph(b: Builder, lines: string[]): FileChild {
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

