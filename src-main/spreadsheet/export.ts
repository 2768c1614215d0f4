/**
 * The year's data as one .xlsx for the county's 司法局: 活动台账, 调解案件, 指标. Chinese headers,
 * frozen header row, real dates, totals where they mean something, and printable as it is
 * (A4 landscape, header row on every page, unit and year in the page header).
 */
import ExcelJS from 'exceljs';
import type { IndicatorRow } from '../../src-shared/contract';
import { findLedgerCategory } from '../../src-shared/catalog/ledgerCategories';
import type { LedgerEntry, MediationCase } from '../../src-shared/domain/ledger';
import type { Unit } from '../../src-shared/domain/unit';
import { SOURCE_LABELS } from '../../src-shared/domain/wording';

export const XLSX_SHEETS = ['ledger', 'mediation', 'indicators'] as const;
export type XlsxSheet = (typeof XLSX_SHEETS)[number];
export const XLSX_SHEET_NAMES: Record<XlsxSheet, string> = { ledger: '活动台账', mediation: '调解案件', indicators: '指标' };

export interface WorkbookInput {
  unit: Unit;
  year: number;
  ledger: LedgerEntry[];
  mediation: MediationCase[];
  indicators: IndicatorRow[];
  sheets: readonly XlsxSheet[];
  /** workbook creation time (tests pin it) */
  now: Date;
}


/** Display width of text in Excel's character units: CJK counts double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffef]/.test(ch) ? 2.1 : 1.1;
  return w;
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** exceljs header/footer text: & starts a code, so a literal & is doubled. */
const hf = (s: string) => s.replace(/&/g, '&&');

interface ColumnSpec {
  header: string;
  /** min/max width in characters */
  min?: number;
  max?: number;
  date?: boolean;
  number?: boolean;
  wrap?: boolean;
}

function addSheet(wb: ExcelJS.Workbook, input: WorkbookInput, name: string, cols: ColumnSpec[], data: unknown[][], total: unknown[] | null) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'A2' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      printTitlesRow: '1:1',
    },
    headerFooter: {
      oddHeader: `&L${hf(input.unit.fullName)}&C&"-,Bold"${hf(`${input.year}年度 ${name}`)}&R导出日期：${input.now.toISOString().slice(0, 10)}`,
      oddFooter: '&C第 &P 页，共 &N 页',
    },
  });
  const header = ws.addRow(cols.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 22;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  const widths = cols.map((c) => Math.max(c.min ?? 6, textWidth(c.header) + 2));
  for (const r of data) {
    ws.addRow(r);
    r.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const w = v instanceof Date ? 11 : textWidth(String(v)) + 2;
      if (w > widths[i]!) widths[i] = w;
    });
  }
  if (total) {
    const row = ws.addRow(total);
    row.font = { bold: true };
  }
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.min(c.max ?? 50, Math.ceil(widths[i]!));
    if (c.date) col.numFmt = 'yyyy-mm-dd';
    if (c.number) col.alignment = { horizontal: 'right' };
    if (c.wrap) col.alignment = { wrapText: true, vertical: 'top' };
  });
  // thin borders make the printout read as a table
  const last = ws.rowCount;
  const border = { style: 'thin' as const, color: { argb: 'FF999999' } };
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= cols.length; c++) row.getCell(c).border = { top: border, left: border, bottom: border, right: border };
  }
  if (data.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + data.length, column: cols.length } };
  return ws;
}

export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治年报';
  wb.created = input.now;
  wb.modified = input.now;
  wb.title = `${input.unit.shortName}${input.year}年度数据表`;
  const villageName = new Map(input.unit.villages.map((v) => [v.id, v.name]));
  const vname = (id?: string) => (id ? (villageName.get(id) ?? '') : '');

  for (const sheet of input.sheets) {
    if (sheet === 'ledger') {
      const list = [...input.ledger].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
      const data = list.map((e, i) => [
        i + 1,
        isoToDate(e.date),
        findLedgerCategory(e.category)?.name ?? e.category,
        e.title,
        vname(e.villageId),
        e.participants ?? null,
        e.materials ?? null,
        e.note ?? '',
      ]);
      const n = list.length;
      const sum = (k: 'participants' | 'materials') => list.reduce((s, e) => s + (e[k] ?? 0), 0);
      const total = n
        ? ['合计', null, null, `共 ${n} 条`, null, { formula: `SUM(F2:F${n + 1})`, result: sum('participants') }, { formula: `SUM(G2:G${n + 1})`, result: sum('materials') }, null]
        : null;
      addSheet(
        wb,
        input,
        XLSX_SHEET_NAMES.ledger,
        [
          { header: '序号', min: 6, number: true },
          { header: '日期', min: 12, date: true },
          { header: '类别', min: 10, max: 20 },
          { header: '活动名称', min: 20, max: 60 },
          { header: '村（社区）', min: 10, max: 20 },
          { header: '参与人数', min: 10, number: true },
          { header: '资料份数', min: 10, number: true },
          { header: '备注', min: 10, max: 40, wrap: true },
        ],
        data,
        total,
      );
    } else if (sheet === 'mediation') {
      const list = [...input.mediation].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
      const data = list.map((c, i) => [i + 1, isoToDate(c.date), vname(c.villageId), c.kind, c.outcome, c.note ?? '']);
      const ok = list.filter((c) => c.outcome === '成功').length;
      const total = list.length ? ['合计', null, null, `共 ${list.length} 起`, `成功 ${ok} 起`, null] : null;
      addSheet(
        wb,
        input,
        XLSX_SHEET_NAMES.mediation,
        [
          { header: '序号', min: 6, number: true },
          { header: '日期', min: 12, date: true },
          { header: '村（社区）', min: 10, max: 20 },
          { header: '纠纷类型', min: 10, max: 20 },
          { header: '调解结果', min: 10, max: 16 },
          { header: '简要情况', min: 20, max: 60, wrap: true },
        ],
        data,
        total,
      );
    } else {
      const data = input.indicators.map((r) => [
        r.def.area,
        r.def.name,
        r.value,
        r.def.unit,
        SOURCE_LABELS[r.def.source.type] ?? r.def.source.type,
        r.lastYear,
        r.wording || '',
        r.origin,
      ]);
      // figures of different units do not add up: no total row here
      addSheet(
        wb,
        input,
        XLSX_SHEET_NAMES.indicators,
        [
          { header: '领域', min: 12, max: 24 },
          { header: '指标', min: 16, max: 40 },
          { header: '数值', min: 8, number: true },
          { header: '单位', min: 6 },
          { header: '来源', min: 10 },
          { header: '上年数值', min: 10, number: true },
          { header: '表述', min: 8, max: 20 },
          { header: '说明', min: 16, max: 50, wrap: true },
        ],
        data,
        null,
      );
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export function xlsxFileName(shortName: string, year: number, sheets: readonly XlsxSheet[]): string {
  const what = sheets.length === XLSX_SHEETS.length ? '全年数据表' : sheets.map((s) => XLSX_SHEET_NAMES[s]).join('、');
  return `${shortName}${year}年度${what}.xlsx`;
}
