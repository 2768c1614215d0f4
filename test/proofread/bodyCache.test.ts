/**
 * The editor re-runs the proofreader on every keystroke with a cache of each body's findings
 * (proofreadReport's BodyCheckCache): whatever is edited, the findings must be exactly those of a
 * run without it — a slip typed, fixed, a part removed, the figures or the year changed.
 */
import { describe, expect, it } from 'vitest';
import { newBodyCheckCache, proofreadReport } from '../../src-shared/proofread';
import { buildDemo, demoUnit } from '../../src-main/demo';
import { computeReadings } from '../../src-main/services/indicators/compute';
import type { Report } from '../../src-shared/domain/report';
import { updatePart } from '../../src-shared/report/outline';
import { unit } from './fixtures';

const demo = buildDemo();
const readings = computeReadings(demoUnit(), demo.year);
const otherReadings = computeReadings(demoUnit(), { ...demo.year, ledger: demo.year.ledger.slice(0, 3) });

describe('proofreading with the per-body cache finds what a full run finds', () => {
  it('through a series of edits', () => {
    const cache = newBodyCheckCache();
    const first = demo.year.report.parts[0]!;
    const second = demo.year.report.parts[1]!;
    const steps: Array<{ report: Report; readings: typeof readings; year: number }> = [];
    let r: Report = demo.year.report;
    const push = (rd = readings, year = 2024) => steps.push({ report: r, readings: rd, year });
    push();
    // a slip typed in one part: half-width comma, an unmatched bracket, last year's date
    r = { ...r, parts: updatePart(r.parts, second.id, { paragraphs: [...second.paragraphs, '2023年全年开展活动,（共计12场。'] }) };
    push();
    push(); // the same report again: all from the cache
    // the slip fixed, another typed in a different part
    r = { ...r, parts: updatePart(r.parts, second.id, { paragraphs: second.paragraphs }) };
    r = { ...r, parts: updatePart(r.parts, first.id, { paragraphs: ['一是加强学习。三是完善制度。'] }) };
    push();
    // the figures change under unchanged text (a ledger entry elsewhere), then the year
    push(otherReadings);
    push(otherReadings, 2025);
    // a part removed, the preamble edited
    r = { ...r, parts: r.parts.slice(1), preamble: ['根据要求,现将有关情况报告如下：'] };
    push(otherReadings, 2025);
    for (const s of steps) {
      const input = { report: s.report, year: s.year, readings: s.readings, unit };
      const cached = proofreadReport(input, cache);
      expect(cached).toEqual(proofreadReport(input));
    }
    // the slips above were found at all (the comparison is not between two empty lists)
    expect(proofreadReport({ report: steps[1]!.report, year: 2024, readings, unit }).length).toBeGreaterThan(0);
    // only the bodies still in the report stay cached
    expect(cache.has(first.id)).toBe(false);
  });
});
