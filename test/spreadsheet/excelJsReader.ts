/**
 * The reference reader for the tests: what exceljs makes of a workbook, in the shape of the app's
 * own reader (src-main/spreadsheet/xlsxReader.ts), which must read the same.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../src-main/spreadsheet/grid';

function cellOf(v: ExcelJS.CellValue): { value: CellValue; noResult?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: Number.isNaN(v.getTime()) ? null : v };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return { value: null, noResult: true };
      if (typeof r === 'object' && r !== null && !(r instanceof Date)) return { value: null };
      return { value: r as CellValue };
    }
    if ('richText' in v && Array.isArray(v.richText)) return { value: v.richText.map((t) => t.text).join('') };
    if ('text' in v) {
      const t = (v as { text: unknown }).text;
      if (typeof t === 'string') return { value: t };
      if (t && typeof t === 'object' && 'richText' in t) return { value: (t as ExcelJS.CellRichTextValue).richText.map((x) => x.text).join('') };
    }
  }
  return { value: null };
}

export async function readXlsxWithExcelJs(data: Uint8Array): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  const nonEmpty = wb.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden' && ws.actualRowCount > 0);
  const ws = nonEmpty[0]!;
  const rows: CellValue[][] = [];
  let formulasWithoutResult = 0;
  const width = Math.min(ws.columnCount, 200);
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: CellValue[] = [];
    if (row.cellCount > 0)
      for (let c = 1; c <= width; c++) {
        // exceljs gives a merged cell its master's value
        const { value, noResult } = cellOf(row.getCell(c).value);
        if (noResult) formulasWithoutResult++;
        cells.push(value);
      }
    rows.push(cells);
  }
  return { sheetName: ws.name, rows, otherSheets: nonEmpty.slice(1).map((s) => s.name), formulasWithoutResult };
}
