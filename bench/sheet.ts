/**
 * Spreadsheet figures for `npm run bench` (issue 9): import of a 5,000-row .xlsx (read, preview,
 * one write) and export of a 5,000-entry year as .xlsx, through dispatch like every transport.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { createServices, dispatch } from '../src-main/services';
import type { Handlers } from '../src-shared/contract';
import { median, type Row } from './core';

/** the parts of the preview the bench reads */
interface SheetPreviewLike {
  mappingKey: string;
  columns: Array<{ key: string; target: string | null }>;
  rows: Array<{ status: string; fields: unknown }>;
}

async function call(h: Handlers, method: string, input: unknown) {
  const r = await dispatch(h, method, input);
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as never;
}

async function sheetOf(n: number, tag: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow([`横街镇2024年度普法台账（${tag}）`]);
  ws.addRow(['日期', '类别', '活动名称', '村（社区）', '参与人数', '资料份数', '备注']);
  const villages = ['桥头村', '河西村', '东岙村', '和平社区'];
  for (let i = 0; i < n; i++)
    ws.addRow([new Date(Date.UTC(2024, i % 12, 1 + (i % 28))), i % 3 ? '普法宣传' : '禁毒宣传', `${tag}活动第${i + 1}场`, villages[i % 4], String(20 + (i % 30)), 100, '']);
  ws.addRow(['合计']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function sheetBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-sheet-'));
  try {
    const N = 5000;
    const imports: number[] = [];
    const previews: number[] = [];
    for (let run = 0; run < 6; run++) {
      // a fresh data folder and a different file each run: nothing cached, the year starts as the demo
      const h = await createServices(path.join(tmp, `imp-${run}`));
      await call(h, 'demo.create', {});
      const data = await sheetOf(N, `第${run}批`);
      const t0 = performance.now();
      const p = (await call(h, 'sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024 })) as SheetPreviewLike;
      const t1 = performance.now();
      const entries = p.rows.filter((r) => r.status === 'ok').map((r) => r.fields);
      if (entries.length !== N) throw new Error(`expected ${N} good rows, got ${entries.length}`);
      await call(h, 'ledger.addMany', { year: 2024, entries, remember: { key: p.mappingKey, headers: p.columns.map((c) => c.key), mapping: Object.fromEntries(p.columns.map((c) => [c.key, c.target])) } });
      const t2 = performance.now();
      // the first run warms the JIT
      if (run > 0) {
        imports.push(t2 - t0);
        previews.push(t1 - t0);
      }
    }
    const im = median(imports);
    rows.push({ what: 'Excel 导入 5,000 行（读取+逐行检查，5次中位数）', figure: `${median(previews).toFixed(1)} ms` });
    rows.push({ what: 'Excel 导入 5,000 行（含一次写入落盘，5次中位数）', figure: `${im.toFixed(1)} ms`, target: '≤ 1000 ms', ok: im <= 1000 });

    const h = await createServices(path.join(tmp, 'exp'));
    await call(h, 'demo.create', {});
    const data = await sheetOf(N, '导出');
    const p = (await call(h, 'sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024 })) as SheetPreviewLike;
    await call(h, 'ledger.addMany', { year: 2024, entries: p.rows.map((r) => r.fields) });
    const exports: number[] = [];
    let size = 0;
    for (let run = 0; run < 6; run++) {
      const t0 = performance.now();
      const r = (await call(h, 'xlsx.export', { year: 2024, sheets: ['ledger'] })) as { data: Uint8Array };
      if (run > 0) exports.push(performance.now() - t0);
      size = r.data.byteLength;
    }
    const em = median(exports);
    rows.push({ what: `Excel 导出 ${N + 165} 条台账（.xlsx ${(size / 1024).toFixed(0)} KB，5次中位数）`, figure: `${em.toFixed(1)} ms`, target: '≤ 1000 ms', ok: em <= 1000 });
    const t0 = performance.now();
    await call(h, 'xlsx.export', { year: 2024 });
    rows.push({ what: 'Excel 全年数据表（台账+调解+指标）', figure: `${(performance.now() - t0).toFixed(1)} ms` });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
