/**
 * The year's data as one .xlsx for the county's 司法局: 活动台账, 调解案件, 指标. Chinese headers,
 * frozen header row, real dates, totals where they mean something, and printable as it is
 * (A4 landscape, header row on every page, unit and year in the page header). Written by
 * xlsxWriter.ts (see there why not exceljs).
 */
import type { IndicatorRow } from '../../src-shared/contract';
import { findLedgerCategory } from '../../src-shared/catalog/ledgerCategories';
import type { LedgerEntry, MediationCase } from '../../src-shared/domain/ledger';
import type { Unit } from '../../src-shared/domain/unit';
import { SOURCE_LABELS } from '../../src-shared/domain/wording';
import { writeXlsx, type WCell, type WColumnKind, type WSheet } from './xlsxWriter';

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
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) >= 0x2e80 ? 2.1 : 1.1;
  return w;
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

interface ColumnSpec {
  header: string;
  kind: WColumnKind;
  /** min/max width in characters */
  min?: number;
  max?: number;
}

/** Columns as wide as their longest text (within limits), so nothing is cut when printed. */
function sheet(input: WorkbookInput, name: string, cols: ColumnSpec[], rows: WCell[][], total: WCell[] | null): WSheet {
  const widths = cols.map((c) => Math.max(c.min ?? 6, textWidth(c.header) + 4));
  for (const r of rows)
    for (let i = 0; i < cols.length; i++) {
      const v = r[i];
      if (v === null || v === undefined) continue;
      const w = v instanceof Date ? 12 : typeof v === 'object' ? 10 : textWidth(String(v)) + 2;
      if (w > widths[i]!) widths[i] = w;
    }
  return {
    name,
    columns: cols.map((c, i) => ({ header: c.header, kind: c.kind, width: Math.min(c.max ?? 50, Math.ceil(widths[i]!)) })),
    rows,
    total,
    header: { left: input.unit.fullName, center: `${input.year}年度 ${name}`, right: `导出日期：${input.now.toISOString().slice(0, 10)}` },
  };
}

export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const villageName = new Map(input.unit.villages.map((v) => [v.id, v.name]));
  const vname = (id?: string) => (id ? (villageName.get(id) ?? '') : '');
  const sheets: WSheet[] = [];
  for (const which of input.sheets) {
    if (which === 'ledger') {
      const list = [...input.ledger].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
      const rows: WCell[][] = list.map((e, i) => [
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
      const total: WCell[] | null = n
        ? ['合计', null, null, `共 ${n} 条`, null, { formula: `SUM(F2:F${n + 1})`, result: sum('participants') }, { formula: `SUM(G2:G${n + 1})`, result: sum('materials') }, null]
        : null;
      sheets.push(
        sheet(
          input,
          XLSX_SHEET_NAMES.ledger,
          [
            { header: '序号', kind: 'number', min: 6 },
            { header: '日期', kind: 'date', min: 12 },
            { header: '类别', kind: 'text', min: 10, max: 20 },
            { header: '活动名称', kind: 'text', min: 20, max: 60 },
            { header: '村（社区）', kind: 'text', min: 10, max: 20 },
            { header: '参与人数', kind: 'number', min: 10 },
            { header: '资料份数', kind: 'number', min: 10 },
            { header: '备注', kind: 'wrap', min: 12, max: 40 },
          ],
          rows,
          total,
        ),
      );
    } else if (which === 'mediation') {
      const list = [...input.mediation].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
      const rows: WCell[][] = list.map((c, i) => [i + 1, isoToDate(c.date), vname(c.villageId), c.kind, c.outcome, c.note ?? '']);
      const ok = list.filter((c) => c.outcome === '成功').length;
      const total: WCell[] | null = list.length ? ['合计', null, null, `共 ${list.length} 起`, `成功 ${ok} 起`, null] : null;
      sheets.push(
        sheet(
          input,
          XLSX_SHEET_NAMES.mediation,
          [
            { header: '序号', kind: 'number', min: 6 },
            { header: '日期', kind: 'date', min: 12 },
            { header: '村（社区）', kind: 'text', min: 10, max: 20 },
            { header: '纠纷类型', kind: 'text', min: 10, max: 20 },
            { header: '调解结果', kind: 'text', min: 10, max: 16 },
            { header: '简要情况', kind: 'wrap', min: 20, max: 60 },
          ],
          rows,
          total,
        ),
      );
    } else {
      const rows: WCell[][] = input.indicators.map((r) => [
        r.def.area,
        r.def.name,
        r.value,
        r.def.measure,
        SOURCE_LABELS[r.def.source.type] ?? r.def.source.type,
        r.lastYear,
        r.wording || '',
        r.origin,
      ]);
      // figures of different units do not add up: no total row here
      sheets.push(
        sheet(
          input,
          XLSX_SHEET_NAMES.indicators,
          [
            { header: '领域', kind: 'text', min: 12, max: 24 },
            { header: '指标', kind: 'text', min: 16, max: 40 },
            { header: '数值', kind: 'number', min: 8 },
            { header: '单位', kind: 'text', min: 6 },
            { header: '来源', kind: 'text', min: 10 },
            { header: '上年数值', kind: 'number', min: 10 },
            { header: '表述', kind: 'text', min: 8, max: 20 },
            { header: '说明', kind: 'wrap', min: 16, max: 50 },
          ],
          rows,
          null,
        ),
      );
    }
  }
  return writeXlsx(sheets, { title: `${input.unit.shortName}${input.year}年度数据表`, creator: '法治年报', created: input.now });
}

export function xlsxFileName(shortName: string, year: number, sheets: readonly XlsxSheet[]): string {
  const what = sheets.length === XLSX_SHEETS.length ? '全年数据表' : sheets.map((s) => XLSX_SHEET_NAMES[s]).join('、');
  return `${shortName}${year}年度${what}.xlsx`;
}
