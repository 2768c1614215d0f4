import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { makeEntry, makeYear, removeDir, tempDir } from './fixtures';

describe('store speed', () => {
  it('appends to a year of 5,000 ledger entries and persists quickly', async () => {
    const dir = await tempDir();
    try {
      const store = await openStore(dir);
      await store.createYear(makeYear(2024, 5000));
      const times: number[] = [];
      for (let i = 0; i < 100; i++) {
        const t0 = performance.now();
        await store.updateYear(2024, (d) => void d.ledger.push(makeEntry(`p${i}`, 2024, i)));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p50 = times[Math.floor(times.length * 0.5)]!;
      const p95 = times[Math.floor(times.length * 0.95)]!;
      console.log(`append+persist with 5,000 entries: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
      // target: p95 ~30 ms on an idle machine (p50 ~10-15 ms). Other test files and processes
      // share the two cores (the crash test's children fsync in a loop), so p95 is only reported
      // and the median bound only catches a real regression (e.g. full re-validation, ~3x slower).
      expect(p50).toBeLessThan(80);
    } finally {
      await removeDir(dir);
    }
  });
});
