import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../src-main/spreadsheet/grid';
import { readXlsxWithExcelJs } from './excelJsReader';
import { XlsxNotUnderstood, readXlsxSheet } from '../../src-main/spreadsheet/xlsxReader';
import { readGrid } from '../../src-main/spreadsheet/read';
import { bigLedgerSheet, mediationSheet, realLedgerSheet, xlsxOf } from './sheets';

/** Rows without trailing empty cells and trailing empty rows; dates as ISO text. */
function shape(g: Grid) {
  const cell = (c: CellValue) => (c instanceof Date ? `D:${c.toISOString()}` : c);
  const rows = g.rows.map((r) => {
    const out = r.map(cell);
    while (out.length && (out[out.length - 1] === null || out[out.length - 1] === '')) out.pop();
    return out;
  });
  while (rows.length && !rows[rows.length - 1]!.length) rows.pop();
  return { sheetName: g.sheetName, rows, otherSheets: g.otherSheets, formulasWithoutResult: g.formulasWithoutResult };
}

async function oddWorkbook(date1904: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  if (date1904) wb.properties.date1904 = true;
  const hidden = wb.addWorksheet('隐藏');
  hidden.state = 'hidden';
  hidden.addRow(['不该读到']);
  const ws = wb.addWorksheet('台账 & <特殊>');
  ws.addRow(['日期', '类别', '活动名称', '人数', '是否', '错误']);
  ws.addRow([new Date(Date.UTC(2024, 1, 29)), { richText: [{ text: '普法', font: { bold: true } }, { text: '宣传' }] }, '"引号" & <尖括号> \'单引号\'', 12.5, true, { error: '#N/A' }]);
  ws.getCell('A2').numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow([45400, '禁毒宣传', '多行\n文字', { formula: 'D2*2', result: 25 }, false, null]);
  ws.addRow(['2024-03-05', '其他', { text: '链接', hyperlink: 'http://example.invalid' }, { formula: 'SUM(D2:D3)' }, null, null]);
  ws.mergeCells('E3:F4');
  wb.addWorksheet('空表');
  const other = wb.addWorksheet('别的');
  other.addRow(['x']);
  return xlsxOf(wb);
}

describe('the fast .xlsx reader reads what exceljs reads', () => {
  const cases: Array<[string, () => Promise<Uint8Array<ArrayBuffer>>]> = [
    ['title row, two-row merged header, dates, formulas, total row', realLedgerSheet],
    ['mediation cases', mediationSheet],
    ['500 plain rows', () => bigLedgerSheet(500)],
    ['rich text, entities, booleans, errors, hidden and empty sheets, custom date format', () => oddWorkbook(false)],
    ['the 1904 date system', () => oddWorkbook(true)],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const data = await make();
      expect(shape(readXlsxSheet(data))).toEqual(shape(await readXlsxWithExcelJs(data)));
    });
  }

  it('gives up on what it does not know, and the import says in Chinese what to do', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
    expect(() => readXlsxSheet(broken)).toThrow(XlsxNotUnderstood);
    await expect(readGrid('台账.xlsx', broken)).rejects.toThrow(/^无法读取这个 Excel 文件.*另存为 \.xlsx 再导入$/);
  });
});
