import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import type { Call } from '../../src-shared/contract';
import { BUILT_IN_INDICATORS } from '../../src-shared/catalog/builtInIndicators';

let dir: string;
let cleanup: () => Promise<void>;
let call: Call;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ call } = await servicesClient(dir));
  await call('demo.create', {});
});
afterEach(() => cleanup());

const valueOf = async (id: string) => (await call('indicators.list', { year: 2024 })).find((r) => r.def.id === id)!;

describe('indicator catalog and figures', () => {
  it('has at least 30 built-in indicators with unique ids', () => {
    expect(BUILT_IN_INDICATORS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BUILT_IN_INDICATORS.map((d) => d.id)).size).toBe(BUILT_IN_INDICATORS.length);
  });

  it('demo year carries the reference figures, counted from the ledger where they should be', async () => {
    const rows = await call('indicators.list', { year: 2024 });
    const by = Object.fromEntries(rows.map((r) => [r.def.id, r]));
    expect(by['open-total']!.value).toBe(55);
    expect(by['pufa-events']!.value).toBe(18);
    expect(by['pufa-events']!.computed).toBe(true);
    expect(by['mediation-cases']!.value).toBe(120);
    expect(by['mediation-success-rate']!.value).toBe(95);
    expect(by['enf-exam-pass-rate']!.value).toBe(100);
    expect(by['village-count']!.value).toBe(15);
    expect(by['mingbairen-villages']!.value).toBe(15);
    expect(by['disputes-center']).toMatchObject({ value: 43, wording: '40余', problem: null });
    expect(by['fanzha-audience']!.wording).toBe('超过5000');
    expect(by['fanzha-audience']!.value).toBeGreaterThan(5000);
  });

  it('a new ledger entry changes the counted indicator at once', async () => {
    const before = (await valueOf('pufa-events')).value!;
    await call('ledger.add', { year: 2024, entry: { date: '2024-07-01', category: 'pufa', title: '暑期普法', participants: 80 } });
    expect((await valueOf('pufa-events')).value).toBe(before + 1);
  });

  it('a rate follows its parts with one decimal', async () => {
    await call('mediation.add', { year: 2024, entry: { date: '2024-08-01', kind: '邻里纠纷', outcome: '未成功' } });
    // 114 of 121
    expect((await valueOf('mediation-success-rate')).value).toBe(94.2);
  });

  it('refuses bad manual values with Chinese messages and keeps the old one', async () => {
    await expect(call('indicators.set', { year: 2024, id: 'open-total', value: -1, wording: '' })).rejects.toThrow('不能为负数');
    await expect(call('indicators.set', { year: 2024, id: 'open-total', value: 5.5, wording: '' })).rejects.toThrow('应为整数');
    await expect(call('indicators.set', { year: 2024, id: 'correction-check-rate', value: 120, wording: '' })).rejects.toThrow('0到100');
    await expect(call('indicators.set', { year: 2024, id: 'pufa-events', value: 3, wording: '' })).rejects.toThrow('系统计算');
    expect((await valueOf('open-total')).value).toBe(55);
  });

  it('flags a wording that claims more than the data holds', async () => {
    const row = await call('indicators.set', { year: 2024, id: 'disputes-center', value: 43, wording: '50余' });
    expect(row.problem).toContain('大于');
  });

  it('user-defined indicators exist in every year and can be removed when unused', async () => {
    await call('indicators.define', { def: { id: 'custom-wechat', name: '公众号普法推文', area: '自定义', unit: '条', source: { type: 'manual' } } });
    await call('indicators.set', { year: 2024, id: 'custom-wechat', value: 36, wording: '' });
    expect((await valueOf('custom-wechat')).value).toBe(36);
    await call('years.create', { year: 2025, fromYear: 2024 });
    const next = await call('indicators.list', { year: 2025 });
    expect(next.find((r) => r.def.id === 'custom-wechat')).toMatchObject({ value: null, lastYear: 36 });
    await expect(call('indicators.define', { def: { id: 'open-total', name: 'x', area: '自定义', unit: '条', source: { type: 'manual' } } })).rejects.toThrow('内置指标');
    expect(await call('indicators.undefine', { id: 'custom-wechat' })).toEqual({ removed: 'custom-wechat' });
  });
});
