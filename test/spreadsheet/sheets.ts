/** Spreadsheets as clerks keep them, built with exceljs for the import tests, the bench and e2e. */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { strToU8, unzipSync, zipSync } from 'fflate';

export async function xlsxOf(wb: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A ledger with a title row above, a two-row header with merged cells (参与情况 over 人数/资料份数,
 * 日期 merged down), Excel dates, serial numbers and text dates, a blank row, numbers as text with
 * full-width digits, a formula, and a total row.
 */
export async function realLedgerSheet(): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2024年台账');
  ws.addRow(['横街镇2024年度普法宣传活动台账']);
  ws.mergeCells('A1:H1');
  ws.addRow(['序号', '日期', '类别', '活动名称', '地点', '参与情况', null, '备注']);
  ws.addRow([null, null, null, null, null, '人数', '资料份数', null]);
  ws.mergeCells('A2:A3');
  ws.mergeCells('B2:B3');
  ws.mergeCells('C2:C3');
  ws.mergeCells('D2:D3');
  ws.mergeCells('E2:E3');
  ws.mergeCells('F2:G2');
  ws.mergeCells('H2:H3');
  ws.addRow([1, new Date(Date.UTC(2024, 2, 5)), '普法宣传', '“民法典进村居”宣传', '桥头村', 45, 120, '']); // row 4: Excel date
  ws.getCell('B4').numFmt = 'yyyy-mm-dd';
  ws.addRow([2, 45400, '禁毒宣传', '禁毒知识讲座', '河西村', '３５', '２００', '']); // row 5: serial 45400 = 2024-04-18, full-width digits as text
  ws.addRow([3, '2024.3.5', '反诈', '反诈宣传进社区', '和平社区', '60人', null, '']); // row 6: 2024.3.5, 反诈 → 反诈宣传
  ws.addRow([]); // row 7 blank
  ws.addRow([4, '2024年5月20日', '宪法日活动', '宪法宣誓仪式', '', { formula: '10+20', result: 30 }, '', '']); // row 8: formula → 30
  ws.addRow([5, '6月1日', '普法宣传', '六一儿童普法', '文昌社区', '25', '50', '']); // row 9: year from the report
  ws.addRow([6, '2024/13/40', '普法宣传', '日期写错的活动', '桥头村', 10, 10, '']); // row 10: bad date
  ws.addRow([7, '2023-12-30', '普法宣传', '去年的活动', '桥头村', 10, 10, '']); // row 11: other year
  ws.addRow([8, '2024-07-01', '广场舞比赛', '不认识的类别', '桥头村', 10, 10, '']); // row 12: unknown category
  ws.addRow([9, '2024-07-02', '普法宣传', '不认识的村', '火星村', 10, 10, '']); // row 13: unknown village
  ws.addRow([10, '2024-07-03', '普法宣传', '人数写错', '桥头村', '很多', 10, '']); // row 14: bad count
  ws.addRow(['合计', null, null, null, null, { formula: 'SUM(F4:F14)', result: 195 }, { formula: 'SUM(G4:G14)', result: 400 }, null]); // row 15
  return xlsxOf(wb);
}

/** Mediation cases with 当事人 and 联系电话 columns that must never be imported. */
export async function mediationSheet(): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调解');
  ws.addRow(['横街镇2024年人民调解案件登记表']);
  ws.mergeCells('A1:G1');
  ws.addRow(['受理日期', '当事人', '联系电话', '所在村', '纠纷类型', '调解结果', '简要情况']);
  ws.addRow(['2024-02-03', '王某某、李某某', '13800000000', '桥头村', '邻里纠纷', '调解成功', '王某某与李某某因排水沟发生争执']);
  ws.addRow(['2024-03-04', '赵某', '13900000000', '和平社区', '婚姻家庭纠纷', '调解不成功', '']);
  ws.addRow(['2024-04-05', '钱某', '', '河西村', '土地承包', '调解中', '']);
  ws.addRow(['2024-05-06', '孙某', '', '河西村', '宠物纠纷', '成功', '']); // unknown kind
  ws.addRow(['合计', '', '', '', '', '4件', '']);
  return xlsxOf(wb);
}

export function csvText(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
}

export function gb18030Csv(rows: string[][]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(iconv.encode(csvText(rows), 'gb18030'));
}

/**
 * A valid workbook with `n` data rows, its sheet XML written directly (exceljs needs ~20 s and
 * gigabytes to build 200,000 rows; the file is the same kind Excel writes).
 */
export async function hugeSheet(n: number): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRow(['日期', '类别', '活动名称']);
  const files = unzipSync(await xlsxOf(wb));
  const rows: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>类别</t></is></c><c r="C1" t="inlineStr"><is><t>活动名称</t></is></c></row>'];
  for (let i = 2; i <= n + 1; i++)
    rows.push(`<row r="${i}"><c r="A${i}"><v>${45300 + (i % 300)}</v></c><c r="B${i}" t="inlineStr"><is><t>普法宣传</t></is></c><c r="C${i}" t="inlineStr"><is><t>活动${i}</t></is></c></row>`);
  files['xl/worksheets/sheet1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
  );
  return new Uint8Array(zipSync(files));
}

/** n simple ledger rows under one header row (bench and the large-sheet tests). */
export async function bigLedgerSheet(n: number, year = 2024): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['日期', '类别', '活动名称', '村（社区）', '参与人数', '资料份数', '备注']);
  const villages = ['桥头村', '河西村', '东岙村', '和平社区'];
  for (let i = 0; i < n; i++)
    ws.addRow([new Date(Date.UTC(year, i % 12, 1 + (i % 28))), '普法宣传', `普法宣传活动第${i + 1}场`, villages[i % 4], 20 + (i % 30), 100, '']);
  return xlsxOf(wb);
}
