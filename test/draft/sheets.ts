/**
 * A year's ledger and mediation register as a township keeps them in Excel, for the draft tests:
 * a title row, a two-row header with merged cells, Excel dates beside typed ones (2025.3.5,
 * 2025年6月26日), counts typed as text, a blank row and a 合计 row. Every category a clerk uses
 * appears, with campaign days (宪法宣传周, 民法典宣传月, 国际禁毒日) and leaders' meetings.
 */
import ExcelJS from 'exceljs';

const VILLAGES = ['桥头村', '河西村', '东岙村', '新塘村', '梅林村', '石门村', '上庄村', '下湾村', '竹园村', '凤山村', '青龙村', '和平社区'];

type Row = [date: string | Date, category: string, title: string, village: string, people: number | string | null, leaflets: number | string | null];

function rows(year: number): Row[] {
  const d = (m: number, day: number) => `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const out: Row[] = [];
  const topics = ['安全生产法主题普法宣传', '未成年人保护法主题普法宣传', '消费者权益保护法主题普法宣传'];
  for (let i = 0; i < 14; i++) out.push([d(1 + (i % 12), 3 + i), '普法宣传', topics[i % 3]!, VILLAGES[i % 12]!, 40 + i * 7, 80 + i * 10]);
  out.push([d(12, 4), '宪法日活动', '宪法宣传周集中宣传', '和平社区', 620, 900]);
  for (let i = 0; i < 4; i++) out.push([d(5, 8 + i * 5), '民法典宣传', '民法典宣传月进村宣讲', VILLAGES[i + 2]!, 90 + i * 10, 300]);
  out.push([d(6, 26), '禁毒宣传', '国际禁毒日主题宣传', '桥头村', 450, 380]);
  for (let i = 0; i < 7; i++) out.push([d(2 + i, 10), '禁毒宣传', '禁毒宣传进村入户', VILLAGES[(i * 5) % 12]!, 150 + i * 20, 100]);
  for (let i = 0; i < 3; i++) out.push([d(3 + i * 3, 15), '禁毒普法授课', '中小学禁毒普法课', '', 300, 150]);
  for (let i = 0; i < 4; i++) out.push([d(4 + i * 2, 20), '反诈宣传', '防范电信网络诈骗宣传', VILLAGES[(i * 3) % 12]!, 800 + i * 100, 500]);
  for (let i = 0; i < 10; i++) out.push([d(1 + i, 12), '法律服务坐诊', '村居法律服务“坐诊”', VILLAGES[i]!, 12 + i, null]);
  for (let i = 0; i < 6; i++) out.push([d(2 + i, 18), '法律顾问下村授课', '法律顾问进村讲法', VILLAGES[(i * 2) % 12]!, 60, null]);
  for (let i = 0; i < 12; i++) out.push([d(1 + i, 8), '法律顾问决策支持', i % 2 ? '审核政府合同并出具法律意见' : '参与信访事项化解提供法律意见', '', null, null]);
  for (let i = 0; i < 15; i++) out.push([d(1 + (i % 12), 22), '合法性审查', ['政府合同合法性审查', '行政规范性文件合法性审查', '重大行政决策合法性审查'][i % 3]!, '', null, null]);
  for (let i = 0; i < 8; i++) out.push([d(2 + i, 25), '执法检查', i % 2 ? '燃气安全联合执法检查' : '“综合查一次”联合执法检查', '', null, null]);
  for (let i = 0; i < 6; i++) out.push([d(1 + i * 2, 28), '政务公开', i % 2 ? '财政预决算信息公开' : '惠民补贴资金公示', '', null, null]);
  for (let i = 0; i < 11; i++) out.push([d(1 + i, 16), '法律明白人培训', '“法律明白人”培训', VILLAGES[i]!, 20, null]);
  for (let i = 0; i < 9; i++) out.push([d(1 + i, 26), '民主议事', '村民代表会议议事协商', VILLAGES[i + 1]!, 30, null]);
  for (let i = 0; i < 5; i++) out.push([d(2 + i * 2, 6), '学法活动', i % 2 ? '会前学法：行政复议法' : '党委理论学习中心组集体学法', '', 18, null]);
  out.push([d(3, 14), '其他', '党委会专题研究法治政府建设工作', '', 15, null]);
  out.push([d(9, 9), '其他', '法治建设工作推进会', '', 40, null]);
  out.push([d(12, 28), '其他', '主要负责人年终述法', '', 60, null]);
  out.push([d(7, 3), '其他', '法治文化广场维护', '凤山村', null, null]);
  return out;
}

/** The ledger sheet; the first row is counted in `ledgerRows` (title, headers, blank and total rows are not entries). */
export async function yearLedgerSheet(year: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; entries: number }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年台账`);
  ws.addRow([`横街镇${year}年度法治建设工作台账`]);
  ws.mergeCells('A1:G1');
  ws.addRow(['序号', '日期', '类别', '活动名称', '村（社区）', '参与情况', null]);
  ws.addRow([null, null, null, null, null, '人数', '资料份数']);
  for (const c of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:G2']) ws.mergeCells(c);
  const list = rows(year);
  list.forEach(([date, cat, title, village, people, leaflets], i) => {
    // a clerk's sheet mixes real dates with typed ones
    const when = i % 7 === 0 ? new Date(`${date as string}T00:00:00Z`) : i % 7 === 3 ? (date as string).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1.$2.$3') : i % 7 === 5 ? (date as string).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : date;
    const r = ws.addRow([i + 1, when, cat, title, village, i % 5 === 2 && people !== null ? `${people}人` : people, leaflets]);
    if (when instanceof Date) r.getCell(2).numFmt = 'yyyy-mm-dd';
    if (i === 20) ws.addRow([]);
  });
  ws.addRow(['合计', null, null, null, null, null, null]);
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), entries: list.length };
}

/** A mediation register: parties and phone numbers too (never imported). */
export async function yearMediationSheet(year: number, n = 40): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调解');
  ws.addRow([`横街镇${year}年人民调解案件登记表`]);
  ws.mergeCells('A1:F1');
  ws.addRow(['受理日期', '当事人', '联系电话', '所在村', '纠纷类型', '调解结果']);
  const kinds = ['邻里纠纷', '婚姻家庭', '房屋宅基地', '邻里纠纷', '合同纠纷', '土地承包'];
  for (let i = 0; i < n; i++)
    ws.addRow([`${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`, `当事人${i}`, '13800000000', VILLAGES[i % 12], kinds[i % 6], i % 10 === 9 ? '调解不成功' : '调解成功']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
