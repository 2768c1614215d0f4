/**
 * 错误 precision and recall over the corpus of test reports in test/fixtures/proofCorpus (written
 * for the project in the shapes real reports take: themed parts, 第一责任人 as a sub-part, half-width
 * text from the web, comparisons with past years, figures with 余/万/％, run-in items, an excerpt
 * that stops early, a joint title; some with the year's ledger entered). Every 错误 must be a
 * marked slip and every marked slip must be found. `npm run bench -- --proofread` prints the figures.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus, scoreCorpus } from '../fixtures/proofCorpus/corpus';

describe('the proofreader over the corpus of test reports', () => {
  it('every 错误 is a marked slip and every marked slip is found', async () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(8);
    // the corpus holds slips of many kinds, so recall means something
    expect(new Set(corpus.flatMap((r) => [...r.marks, ...r.whole].map((m) => m.code))).size).toBeGreaterThanOrEqual(8);
    const score = await scoreCorpus(corpus);
    const alarms = score.reports.flatMap((r) => r.falseAlarms.map((f) => `${r.file}: [${f.code}] ${f.where ?? ''} ${f.message} «${f.excerpt}»`));
    const missed = score.reports.flatMap((r) => r.missed.map((m) => `${r.file}: ${m.code} ${'text' in m ? m.text : m.words}`));
    expect(alarms, 'false alarms').toEqual([]);
    expect(missed, 'missed slips').toEqual([]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(1);
    expect(score.found).toBe(score.marked);
  }, 120_000);
});
