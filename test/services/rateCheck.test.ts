import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import type { Call } from '../../src-shared/contract';
import { rateProblem } from '../../src-shared/domain/wording';

let cleanup: () => Promise<void>;
let call: Call;

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir());
  ({ call } = await servicesClient(dir));
  await call('demo.create', {});
});
afterEach(() => cleanup());

const rows = async () => Object.fromEntries((await call('indicators.list', { year: 2024 })).map((r) => [r.def.id, r]));
const set = (id: string, value: number | null) => call('indicators.set', { year: 2024, id, value, wording: '' });

describe('a rate whose parts give more than 100%', () => {
  it('the rule: more in the numerator than in the denominator is a problem; equal or unfilled is not', () => {
    expect(rateProblem({ name: '通过', value: 25 }, { name: '参加', value: 20 })).toBe('“通过”（25）多于“参加”（20），比率超过100%，请核对');
    expect(rateProblem({ name: '通过', value: 3 }, { name: '参加', value: 0 })).toContain('超过100%');
    expect(rateProblem({ name: '通过', value: 20 }, { name: '参加', value: 20 })).toBeNull();
    expect(rateProblem({ name: '通过', value: 0 }, { name: '参加', value: 0 })).toBeNull();
    expect(rateProblem({ name: '通过', value: 25 }, { name: '参加', value: null })).toBeNull();
  });

  it('通过 25 of 参加 20 is flagged on the rate and its parts, and the rate has no figure to print', async () => {
    await set('enf-exam-takers', 20);
    await set('enf-exam-passed', 25);
    const by = await rows();
    const msg = '“执法人员认证考试通过人数”（25）多于“机关干部参加执法人员认证考试”（20），比率超过100%，请核对';
    expect(by['enf-exam-pass-rate']).toMatchObject({ value: null, problem: msg });
    expect(by['enf-exam-passed']).toMatchObject({ value: 25, problem: msg });
    expect(by['enf-exam-takers']).toMatchObject({ value: 20, problem: msg });
    // the overview names it once
    const ov = await call('overview.get', { year: 2024 });
    expect(ov.warnings.filter((w) => w.message.includes('比率超过100%')).map((w) => [w.code, w.message])).toEqual([['rate-arithmetic', `指标“执法人员认证考试通过率”：${msg}`]]);
  });

  it('a report quoting the rate does not print 125%', async () => {
    await set('enf-exam-takers', 20);
    await set('enf-exam-passed', 25);
    const report = await call('report.get', { year: 2024 });
    const [first, ...rest] = report.parts;
    await call('report.save', {
      year: 2024,
      report: { ...report, parts: [{ ...first!, paragraphs: ['考试通过率{{enf-exam-pass-rate}}。'] }, ...rest] },
    });
    const preview = await call('report.render', { year: 2024 });
    const text = JSON.stringify(preview);
    expect(text).not.toContain('125%');
    expect(text).toContain('考试通过率【执法人员认证考试通过率：未填报】');
  });

  it('putting the part right clears the flag and the rate follows', async () => {
    await set('enf-exam-takers', 20);
    await set('enf-exam-passed', 25);
    await set('enf-exam-passed', 18);
    const by = await rows();
    expect(by['enf-exam-pass-rate']).toMatchObject({ value: 90, problem: null });
    expect(by['enf-exam-passed']!.problem).toBeNull();
  });

  it('a rate counted from the ledger never goes over (success ≤ all cases)', async () => {
    const by = await rows();
    expect(by['mediation-success-rate']!.problem).toBeNull();
    expect(by['mediation-success-rate']!.value).toBeLessThanOrEqual(100);
  });
});
