/**
 * The document's styles. Word and WPS show them in the style list, and a clerk who edits the exported
 * file gets the GB/T 9704 fonts and spacing from them; every style names a Chinese font for
 * w:eastAsia so nothing falls back to the reader's default.
 */
import { AlignmentType, LineRuleType, type ICharacterStyleOptions, type IParagraphStyleOptions } from 'docx';
import { SANHAO_CHAR_SPACING, SIZE_ERHAO, SIZE_SANHAO, SIZE_SIHAO } from './gbt9704';
import { EXACT_LINE, FIRST_LINE_INDENT, fontOf, LANGUAGE, NO_INDENT, type Builder } from './paragraphs';

function fontOnlyRun(eastAsia: string) {
  return { font: fontOf(eastAsia), language: LANGUAGE };
}

/** Styles: every one names Times New Roman for Latin and a Chinese font for w:eastAsia. */
export function styles(b: Builder) {
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

