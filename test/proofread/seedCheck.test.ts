/**
 * `fazhi check --json` on the seed report (the demo data) as a clerk gets it from last year's file
 * off the web: every figure typed (as the export printed it), Chinese text with half-width , ; :
 * and a sentence whose year was copied from last year's report. With no villages entered the
 * unit has no village count: "15个村（社区）" is no error, and no typed figure that the year's data
 * confirms is one either.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { servicesClient } from '../support/services';
import { fazhi, requireBuiltCli } from '../support/fazhi';
import type { Finding } from '../../src-shared/proofread/finding';
import type { Part } from '../../src-shared/domain/report';
import { findHalfWidth } from '../../src-shared/text/halfWidth';
import { typedOut } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let data: string;

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-seed-check-'));
  data = path.join(dir, 'data');
  expect((await fazhi('demo', '--data', data)).code).toBe(0);
});
afterAll(() => cleanup());

describe('fazhi check on the seed report typed out, half-width, no villages', () => {
  it('no text-vs-data error without villages, one grouped half-width finding per part, the copied past year found', async () => {
    const { call } = await servicesClient(data);
    // the figures as last year's printed report shows them, typed into text copied from the web
    const report = await call('report.get', { year: 2024 });
    report.parts = typedOut(report.parts, { web: true });
    // a sentence copied from the 2023 report, the year left as it was
    const measures = report.parts[0]!.children[0]!;
    measures.paragraphs = [...measures.paragraphs, '2023年,共举办机关干部法治培训3期,参训干部60人次。'];
    await call('report.save', { year: 2024, report });
    // the unit as a clerk starts it: no villages entered
    const unit = (await call('unit.get', {}))!;
    for (const v of unit.villages) await call('unit.removeVillage', { villageId: v.id, reassignTo: null });
    expect((await call('unit.get', {}))!.villages).toEqual([]);

    const j = await fazhi('check', '--data', data, '--year', '2024', '--json');
    const fs = JSON.parse(j.stdout) as Finding[];
    // the village figure is typed and the unit has no village count: not judged
    const saved = await call('report.get', { year: 2024 });
    const allText = JSON.stringify(saved.parts);
    expect(allText).toContain('15个村（社区）');
    expect(fs.filter((f) => f.code === 'text-vs-data' && f.severity === '错误')).toEqual([]);

    // half-width: one finding per part that has any, each with its count and every position
    const partsWithMarks: Part[] = [];
    const walk = (ps: readonly Part[]) => {
      for (const p of ps) {
        if (p.paragraphs.some((t) => findHalfWidth(t).length)) partsWithMarks.push(p);
        walk(p.children);
      }
    };
    walk(saved.parts);
    expect(partsWithMarks.length).toBeGreaterThan(3);
    const hw = fs.filter((f) => f.code === 'half-width');
    expect(hw.map((f) => f.partId).sort()).toEqual(partsWithMarks.map((p) => p.id).sort());
    for (const f of hw) {
      const p = partsWithMarks.find((x) => x.id === f.partId)!;
      const marks = p.paragraphs.reduce((n, t) => n + findHalfWidth(t).length, 0);
      expect(f.spots, f.where).toHaveLength(marks);
      expect(f.message).toContain(String(marks));
    }

    // the copied year, in half-width text
    const year = fs.filter((f) => f.code === 'year-mismatch' && f.severity === '错误');
    expect(year).toMatchObject([{ excerpt: '2023', partId: measures.id }]);

    // the plain form prints one line per grouped finding, not one per mark
    const t = await fazhi('check', '--data', data, '--year', '2024');
    const lines = t.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('半角')).length).toBe(hw.length);
  });
});
