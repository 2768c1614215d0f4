/**
 * 起草 figures for `npm run bench`: drafting a whole report (all four parts, last year's sentences
 * offered) for a data folder of 10 years × 5,000 ledger entries, through the service as the editor
 * and `fazhi draft` call it (≤ 200 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDemo } from '../src-main/demo';
import { createServices, dispatch } from '../src-main/services';
import { openStore } from '../src-main/store';
import { LEDGER_CATEGORY_IDS } from '../src-shared/catalog/ledgerCategories';
import type { LedgerEntry } from '../src-shared/domain/ledger';
import { median, pct, type Row } from './core';

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** A year of every kind of entry, spread over the months and the villages, with the demo's cases and report. */
function mixedYear(year: number, n: number) {
  const demo = buildDemo().year;
  const ledger: LedgerEntry[] = [];
  for (let i = 0; i < n; i++) {
    const m = String(1 + (i % 12)).padStart(2, '0');
    const d = String(1 + (i % 28)).padStart(2, '0');
    const category = LEDGER_CATEGORY_IDS[i % LEDGER_CATEGORY_IDS.length]!;
    ledger.push({ id: `d${year}-${i}`, date: `${year}-${m}-${d}`, category, title: `${category}活动第${(i % 40) + 1}项`, participants: 20 + (i % 70), materials: i % 3 ? 50 : undefined, villageId: `v${String(1 + (i % 15)).padStart(2, '0')}`, createdAt: new Date().toISOString() } as LedgerEntry);
  }
  return { ...demo, year, ledger, mediation: demo.mediation.map((c) => ({ ...c, date: `${year}${c.date.slice(4)}` })) };
}

export async function draftBench(): Promise<Row[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-draft-'));
  try {
    const demo = buildDemo();
    const s = await openStore(tmp);
    await s.updateUnit(() => demo.unitFile);
    for (let y = 2015; y < 2025; y++) await s.createYear(mixedYear(y, 5000) as never);
    const h = await createServices(tmp);
    const draft = async () => {
      const r = await dispatch(h, 'draft.make', { year: 2024, part: 'all' });
      if (!r.ok) throw new Error(r.error!.message);
      return r.value as { parts: Array<{ paragraphs: unknown[]; sections: unknown[] }> };
    };
    for (let i = 0; i < 3; i++) await draft();
    const times: number[] = [];
    let paragraphs = 0;
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      const d = await draft();
      times.push(performance.now() - t);
      paragraphs = d.parts.reduce((n, p) => n + p.paragraphs.length + p.sections.length, 0);
    }
    const m = median(times);
    return [
      {
        what: `起草全文（10个年度 × 5,000条台账，本年与上年，${paragraphs}段/子部分，含上年句子，20次中位数；95%分位 ${ms(pct(times, 95))}）`,
        figure: ms(m),
        target: '≤ 200 ms',
        ok: m <= 200,
      },
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
