/**
 * Core figures for `npm run bench`: export, store open, append-and-persist, and pandoc side by side.
 * Bundled by scripts/bench.mjs; prints a table and returns rows for the summary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices, dispatch } from '../src-main/services';
import { openStore } from '../src-main/store';
import { buildDocx } from '../src-main/export';
import { buildDemo } from '../src-main/demo';
import type { Handlers } from '../src-shared/contract';
import type { LedgerEntry } from '../src-shared/domain/ledger';
import { renderReport } from '../src-shared/report/printedReport';
import { computeReadings } from '../src-main/services/indicators/compute';

export interface Row {
  what: string;
  figure: string;
  target?: string;
  ok?: boolean;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function call(h: Handlers, method: string, input: unknown) {
  const r = await dispatch(h, method, input);
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as never;
}

function bigYear(year: number, n: number) {
  const demo = buildDemo().year;
  const ledger: LedgerEntry[] = [];
  for (let i = 0; i < n; i++) {
    const m = String(1 + (i % 12)).padStart(2, '0');
    const d = String(1 + (i % 28)).padStart(2, '0');
    ledger.push({ id: `b${year}-${i}`, date: `${year}-${m}-${d}`, category: 'pufa', title: `普法宣传活动第${i + 1}场`, participants: 30 + (i % 50), villageId: `v${String(1 + (i % 15)).padStart(2, '0')}`, createdAt: new Date().toISOString() });
  }
  return { ...demo, year, ledger, mediation: demo.mediation.map((c) => ({ ...c, date: `${year}${c.date.slice(4)}` })) };
}

export async function coreBench(root: string): Promise<Row[]> {
  const rows: Row[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  try {
    // 1. export, warm, in-process
    const demoDir = path.join(tmp, 'demo');
    const h = await createServices(demoDir);
    await call(h, 'demo.create', {});
    const demo = buildDemo();
    const readings = computeReadings(demo.unitFile.unit, demo.year);
    const render = () => renderReport({ report: demo.year.report, readings, unitSignatureName: '横街镇人民政府', unitRecipient: '', today: '2025-01-20' }).rendered;
    for (let i = 0; i < 5; i++) await buildDocx(render(), { fontPreset: 'standard' });
    const pure: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await buildDocx(render(), { fontPreset: 'standard' });
      pure.push(performance.now() - t);
    }
    const m1 = median(pure);
    rows.push({ what: '导出（进程内、预热后，渲染+生成 .docx，20次中位数）', figure: ms(m1), target: '≤ 50 ms', ok: m1 <= 50 });
    const svc: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const r = (await call(h, 'export.docx', { year: 2024 })) as { record: { id: string } };
      // recorded as the transports do once the file is written
      await call(h, 'export.recorded', { year: 2024, id: r.record.id });
      svc.push(performance.now() - t);
    }
    rows.push({ what: '导出服务调用（含读取、导出记录落盘，20次中位数）', figure: ms(median(svc)) });

    // 2-3. the whole CLI process beside pandoc, and the Electron main bundle: bench/start.ts

    // 4. store open: 10 years × 5,000 entries
    const bigDir = path.join(tmp, 'big');
    {
      const s = await openStore(bigDir);
      await s.updateUnit(() => demo.unitFile);
      for (let y = 2015; y < 2025; y++) await s.createYear(bigYear(y, 5000) as never);
    }
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const s = await openStore(bigDir);
      for (const y of await s.listYears()) await s.readYear(y);
      opens.push(performance.now() - t);
    }
    const om = median(opens);
    rows.push({ what: '打开存储并读取 10 个年度 × 5,000 条台账（5次中位数）', figure: ms(om), target: '≤ 500 ms', ok: om <= 500 });

    // 5. append-and-persist with 5,000 entries in the year
    const hb = await createServices(bigDir);
    const lat: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await call(hb, 'ledger.add', { year: 2024, entry: { date: '2024-06-01', category: 'pufa', title: `追加${i}`, participants: 10 } });
      lat.push(performance.now() - t);
    }
    const p95 = pct(lat, 95);
    rows.push({ what: '追加并落盘一条台账（年度已有5,000条，200次）p50', figure: ms(pct(lat, 50)) });
    rows.push({ what: '追加并落盘一条台账 p95', figure: ms(p95), target: '≤ 30 ms', ok: p95 <= 30 });
    // 6. all-or-nothing restore of the whole big folder (stage, journal, switch)
    const backup = (await call(hb, 'backup.create', {})) as { data: Uint8Array };
    const rest: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await call(hb, 'backup.restore', { data: backup.data });
      rest.push(performance.now() - t);
    }
    rows.push({ what: '从备份恢复 10 个年度 × 5,000 条台账（校验+暂存+切换，3次中位数）', figure: ms(median(rest)) });
    rows.push({ what: '内存（本进程常驻集）', figure: `${(process.memoryUsage().rss / 1048576).toFixed(0)} MB` });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

/** Terminal columns of a string: CJK and full-width characters take two. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function printTable(title: string, rows: Row[]) {
  console.log(`\n${title}`);
  const w = Math.max(...rows.map((r) => width(r.what))) + 2;
  console.log(`${padEnd('项目', w)}${'结果'.padStart(10)}  目标`);
  for (const r of rows) {
    const mark = r.ok === undefined ? '' : r.ok ? '  达标' : '  未达标';
    console.log(`${padEnd(r.what, w)}${r.figure.padStart(12)}${r.target ? `  ${r.target}` : ''}${mark}`);
  }
}
