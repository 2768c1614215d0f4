/**
 * Import figures for `npm run bench`: a 10-page report (≈ 6,500 characters, GB/T 9704 pages hold
 * 22 × 28) exported by the app itself, then read back with import.preview in-process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices, dispatch } from '../src-main/services';
import type { Handlers } from '../src-shared/contract';
import type { Part, Report } from '../src-shared/domain/report';
import type { ImportPreview } from '../src-shared/import/types';
import { median, type Row } from './core';

async function call<T>(h: Handlers, method: string, input: unknown): Promise<T> {
  const r = await dispatch(h, method, input);
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
}

const PAGE_CHARS = 22 * 28;

export async function importBench(_root: string): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-import-'));
  try {
    const h = await createServices(path.join(dir, 'src'));
    await call(h, 'demo.create', {});
    const report = await call<Report>(h, 'report.get', { year: 2024 });
    // grow the demo report to ten pages by repeating its sub-parts (fresh ids)
    const measures = report.parts[0]!;
    const base = [...measures.children];
    let n = 0;
    const size = () => JSON.stringify(report).replace(/[^\u4e00-\u9fff]/g, '').length;
    while (size() < PAGE_CHARS * 10 && measures.children.length < 50)
      measures.children.push(...base.map((p): Part => ({ ...p, id: `bench${++n}`, heading: `${p.heading}（续${n}）` })));
    await call(h, 'report.save', { year: 2024, report });
    const file = await call<{ data: Uint8Array }>(h, 'export.docx', { year: 2024 });
    const chars = size();

    const target = await createServices(path.join(dir, 'dst'));
    const input = { fileName: '报告.docx', data: file.data };
    for (let i = 0; i < 3; i++) await call(target, 'import.preview', input);
    const times: number[] = [];
    let preview: ImportPreview | null = null;
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      preview = await call<ImportPreview>(target, 'import.preview', input);
      times.push(performance.now() - t);
    }
    const m = median(times);
    rows.push({
      what: `导入 ${(chars / PAGE_CHARS).toFixed(1)} 页报告（.docx，${chars} 字，${preview!.counts.parts} 个部分；进程内 import.preview，20次中位数）`,
      figure: `${m.toFixed(1)} ms`,
      target: '≤ 150 ms',
      ok: m <= 150,
    });
    const t = performance.now();
    await call(target, 'import.commit', { year: 2024, report: preview!.report, findings: preview!.findings, unit: preview!.unit });
    rows.push({ what: '导入保存（import.commit，新数据文件夹：建单位+年度，落盘）', figure: `${(performance.now() - t).toFixed(1)} ms` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
