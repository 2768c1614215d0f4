import {
  AlignmentType,
  FileChild,
  OnOffElement,
  XmlComponent,
  createAlignment,
  createIndent,
  createParagraphStyle,
  createSpacing,
  createTabStop,
  type IIndentAttributesProperties,
  type ISpacingProperties,
  type TextRun,
  type TabStopDefinition,
} from 'docx';

class ParagraphPropertiesXml extends XmlComponent {
  constructor(children: XmlComponent[]) {
    super('w:pPr');
    this.root.push(...children);
  }
}

/**
 * A paragraph with `w:snapToGrid w:val="0"`, which the docx library cannot write on a paragraph.
 * The 二号 title needs it: LibreOffice gives a line taller than the grid pitch two grid lines even
 * with exact spacing (Noto CJK at 22 pt is 31.9 pt high), which costs page 1 its 22nd line.
 * Children follow CT_PPr's order (tabs, overflowPunct, snapToGrid, spacing, ind, jc), which Word insists on.
 */
export class GridFreeParagraph extends FileChild {
  constructor(opts: {
    style: string;
    spacing: ISpacingProperties;
    indent: IIndentAttributesProperties;
    alignment: (typeof AlignmentType)[keyof typeof AlignmentType];
    children: TextRun[];
    /** tab stops (the 版记's 印发日期 at the right) */
    tabStops?: readonly TabStopDefinition[];
  }) {
    super('w:p');
    this.root.push(
      new ParagraphPropertiesXml([
        createParagraphStyle(opts.style),
        ...(opts.tabStops?.length ? [createTabStop(opts.tabStops)] : []),
        new OnOffElement('w:overflowPunct', true),
        new OnOffElement('w:snapToGrid', false),
        createSpacing(opts.spacing),
        createIndent(opts.indent),
        createAlignment(opts.alignment),
      ]),
      ...opts.children,
    );
  }
}
