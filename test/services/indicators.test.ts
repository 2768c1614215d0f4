import { describe, expect, it } from 'vitest';
import { servicesPerTest } from '../support/services';
import { BUILT_IN_INDICATORS } from '../../src-shared/catalog/builtInIndicators';
import type { IndicatorSource } from '../../src-shared/domain/indicatorSchema';

const svc = servicesPerTest({ demo: true });
const call = svc.call;

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
    const def = await call('indicators.define', { def: { name: '公众号普法推文', measure: '条', source: { type: 'manual' } } });
    expect(def).toMatchObject({ name: '公众号普法推文', area: '自定义', measure: '条', builtIn: false });
    await call('indicators.set', { year: 2024, id: def.id, value: 36, wording: '' });
    expect((await valueOf(def.id)).value).toBe(36);
    await call('years.create', { year: 2025, fromYear: 2024 });
    const next = await call('indicators.list', { year: 2025 });
    expect(next.find((r) => r.def.id === def.id)).toMatchObject({ value: null, lastYear: 36 });
    expect(await call('indicators.undefine', { id: def.id })).toEqual({ removed: def.id });
    expect((await call('indicators.list', { year: 2024 })).some((r) => r.def.id === def.id)).toBe(false);
  });
});

describe('a new custom indicator (indicators.define)', () => {
  const customIds = async () => ((await call('unit.get', {}))!.customIndicators ?? []).map((d) => d.id);

  it('gets its id from the service, never from the caller, so no definition is overwritten', async () => {
    const a = await call('indicators.define', { def: { name: '法律明白人入户走访', measure: '次', source: { type: 'manual' } } });
    // an id smuggled in is not the caller's to choose: a built-in one stays untouched
    const b = await call('indicators.define', { def: { id: 'open-total', name: '公众号推文', measure: '条', source: { type: 'manual' } } as never });
    expect(a.id).toMatch(/^custom-[a-z0-9]{6}$/);
    expect(b.id).toMatch(/^custom-[a-z0-9]{6}$/);
    expect(b.id).not.toBe(a.id);
    expect(await customIds()).toEqual([a.id, b.id]);
    expect((await valueOf('open-total')).def).toMatchObject({ name: '主动公开政务信息', builtIn: true });
    // the created definition is what is stored and listed
    expect((await valueOf(a.id)).def).toEqual(a);
  });

  it('accepts each source a clerk may choose and refuses the built-in-only ones in Chinese, writing nothing', async () => {
    const counted: IndicatorSource[] = [
      { type: 'ledgerCount', categories: ['pufa'] },
      { type: 'ledgerSum', categories: ['pufa'], field: 'participants' },
      { type: 'ledgerVillages', categories: ['pufa', 'jindu'] },
    ];
    for (const source of counted)
      await call('indicators.define', { def: { name: `台账指标${source.type}`, measure: '次', source } });
    const rate = await call('indicators.define', { def: { name: '普法覆盖率', measure: '%', source: { type: 'rate', numerator: 'pufa-events', denominator: 'village-count' } } });
    expect(rate.source).toEqual({ type: 'rate', numerator: 'pufa-events', denominator: 'village-count' });
    const before = await customIds();
    expect(before).toHaveLength(4);

    for (const source of [{ type: 'mediationCount' }, { type: 'villageCount' }] as const) {
      const err = await call('indicators.define', { def: { name: '不该有的指标', measure: '个', source } }).catch((e: unknown) => e);
      expect((err as Error).message).toBe('数值来源只能是：手工填报、台账计数、台账合计、台账覆盖村（社区）数、比率计算');
    }
    await expect(call('indicators.define', { def: { name: '不该有的指标', measure: '个', source: { type: 'nonsense' } as never } })).rejects.toThrow('数值来源无效');
    expect(await customIds()).toEqual(before);
  });

  it('refuses a name already in use and a rate over an indicator that does not exist', async () => {
    await expect(call('indicators.define', { def: { name: '主动公开政务信息', measure: '条', source: { type: 'manual' } } })).rejects.toThrow(
      '已有名为“主动公开政务信息”的指标，请换一个名称',
    );
    await expect(
      call('indicators.define', { def: { name: '某比率', measure: '%', source: { type: 'rate', numerator: 'pufa-events', denominator: 'no-such' } } }),
    ).rejects.toThrow('比率引用的指标不存在：no-such');
    await expect(call('indicators.define', { def: { name: '某比率', measure: '次', source: { type: 'rate', numerator: 'pufa-events', denominator: 'village-count' } } })).rejects.toThrow(
      '比率计算的指标，计量单位必须是 %',
    );
    expect(await customIds()).toEqual([]);
  });
});

describe('a unit whose villages were never entered', () => {
  it('has no village count (not 0), so no report prints "0个村（社区）" and no rate divides by it', async () => {
    const { computeReadings, isFilled } = await import('../../src-main/services/indicators/compute');
    const { makeUnit, makeYear } = await import('../store/fixtures');
    const unit = { ...makeUnit().unit, villages: [] };
    const year = makeYear(2024, 3);
    const readings = computeReadings(unit, year);
    const count = readings.get('village-count')!;
    expect(count.value).toBeNull();
    expect(isFilled(count, year, readings)).toBe(false);
    // with villages entered, the count is theirs
    expect(computeReadings(makeUnit().unit, year).get('village-count')!.value).toBe(makeUnit().unit.villages.length);
  });
});
