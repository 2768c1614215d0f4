/**
 * Writes the year's workbook as SpreadsheetML directly. exceljs builds an object per cell and its
 * writer needs ~1 s (more on a busy machine) for a 5,000-entry ledger, the whole export budget;
 * the export has a fixed, simple shape (one header row, plain cells, one total row), so it is
 * written here in a few tens of milliseconds. The tests read every file back with exceljs and
 * print it with LibreOffice.
 */
import { strToU8, zipSync } from 'fflate';
import { cleanText } from '../../src-shared/domain/textRules';

export type WCell = string | number | Date | null | { formula: string; result: number };
export type WColumnKind = 'text' | 'date' | 'number' | 'wrap';

export interface WColumn {
  header: string;
  width: number;
  kind: WColumnKind;
}

export interface WSheet {
  name: string;
  columns: WColumn[];
  rows: WCell[][];
  total: WCell[] | null;
  /** page header: left, centre (bold), right; plain text, & allowed */
  header: { left: string; center: string; right: string };
}

export interface WMeta {
  title: string;
  creator: string;
  created: Date;
}

const esc = (s: string) => cleanText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** page header/footer codes start with &: a literal & is doubled */
const hf = (s: string) => s.replace(/&/g, '&&');

function colName(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel serial day of a UTC date (1900 system). */
function serial(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

// cellXfs indexes, see STYLES
const XF = { header: 1, text: 2, date: 3, number: 4, wrap: 5, totalText: 6, totalNumber: 7 } as const;
const BODY_XF: Record<WColumnKind, number> = { text: XF.text, date: XF.date, number: XF.number, wrap: XF.wrap };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EEF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FF999999"/></left><right style="thin"><color rgb="FF999999"/></right><top style="thin"><color rgb="FF999999"/></top><bottom style="thin"><color rgb="FF999999"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="left" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function cellXml(ref: string, v: WCell, xf: number): string {
  if (v === null || v === '') return `<c r="${ref}" s="${xf}"/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}" s="${xf}"><v>${v}</v></c>` : `<c r="${ref}" s="${xf}"/>`;
  if (v instanceof Date) return `<c r="${ref}" s="${xf}"><v>${serial(v)}</v></c>`;
  if (typeof v === 'object') return `<c r="${ref}" s="${xf}"><f>${esc(v.formula)}</f><v>${v.result}</v></c>`;
  return `<c r="${ref}" s="${xf}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
}

function sheetXml(s: WSheet, selected: boolean): string {
  const ncol = s.columns.length;
  const last = colName(ncol - 1);
  const out: string[] = [];
  const lastRow = 1 + s.rows.length + (s.total ? 1 : 0);
  out.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${last}${lastRow}"/>`,
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${s.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`,
    '<sheetData>',
  );
  out.push(`<row r="1" ht="22" customHeight="1">${s.columns.map((c, i) => cellXml(`${colName(i)}1`, c.header, XF.header)).join('')}</row>`);
  const letters = s.columns.map((_, i) => colName(i));
  const xfs = s.columns.map((c) => BODY_XF[c.kind]);
  for (let r = 0; r < s.rows.length; r++) {
    const n = r + 2;
    const row = s.rows[r]!;
    let x = `<row r="${n}">`;
    for (let c = 0; c < ncol; c++) x += cellXml(`${letters[c]}${n}`, row[c] ?? null, xfs[c]!);
    out.push(`${x}</row>`);
  }
  if (s.total) {
    const n = lastRow;
    out.push(
      `<row r="${n}">${s.columns
        .map((col, c) => {
          const v = s.total![c] ?? null;
          return cellXml(`${letters[c]}${n}`, v, col.kind === 'number' && v !== null && typeof v !== 'string' ? XF.totalNumber : XF.totalText);
        })
        .join('')}</row>`,
    );
  }
  out.push('</sheetData>');
  if (s.rows.length) out.push(`<autoFilter ref="A1:${last}${1 + s.rows.length}"/>`);
  out.push(
    '<printOptions horizontalCentered="1"/>',
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    `<headerFooter><oddHeader>${esc(`&L${hf(s.header.left)}&C&"-,Bold"${hf(s.header.center)}&R${hf(s.header.right)}`)}</oddHeader><oddFooter>${esc('&C第 &P 页，共 &N 页')}</oddFooter></headerFooter>`,
    '</worksheet>',
  );
  return out.join('\n');
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

export function writeXlsx(sheets: WSheet[], meta: WMeta): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, xml: string) => (files[name] = strToU8(xml));
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
      .join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
  );
  put(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
  );
  const when = meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  put(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(meta.title)}</dc:title><dc:creator>${esc(meta.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
  );
  put(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${esc(meta.creator)}</Application></Properties>`,
  );
  const names: string[] = [];
  sheets.forEach((s, i) => {
    const q = quoteSheet(s.name);
    const last = colName(s.columns.length - 1);
    if (s.rows.length) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${esc(`${q}!$A$1:$${last}$${1 + s.rows.length}`)}</definedName>`);
    // the header row repeats on every printed page
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${esc(`${q}!$1:$1`)}</definedName>`);
  });
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets><definedNames>${names.join('')}</definedNames><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`,
  );
  put(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  put('xl/styles.xml', STYLES);
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, i === 0)));
  return zipSync(files, { level: 6, mtime: meta.created });
}
