/** Issue 13: last year's figures in the first year of use, what the overview counts as filled, 新建下一年度 after the shown year. */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { servicesPerTest } from '../support/services';

const svc = servicesPerTest({ prefix: 'fazhi-firstweek-' });
const call = svc.call;

const unit = {
  shortName: '青石镇',
  fullName: '青石镇人民政府',
  kind: '镇',
  villages: [{ id: 'v1', name: '东村', kind: '村' }, { id: 'v2', name: '西村', kind: '村' }],
};

async function freshUnit() {
  const u = await call('unit.get', {});
  expect(u).toBeNull();
  const { UnitSchema } = await import('../../src-shared/domain/unit');
  const parsed = UnitSchema.parse({ ...unit });
  await call('unit.save', { unit: parsed });
  await call('years.create', { year: 2025 });
}

describe('last year entered by hand', () => {
  it('a previous year takes typed figures for counted indicators, and this year shows them as 上年', async () => {
    await freshUnit();
    const prev = await call('years.createPrevious', {});
    expect(prev.year).toBe(2024);
    const rows = await call('indicators.list', { year: 2024 });
    const events = rows.find((r) => r.def.id === 'pufa-events')!;
    // counted from the ledger in a year of use; typed in a figures-only year
    expect(events.computed).toBe(false);
    expect(events.value).toBeNull();
    await call('indicators.set', { year: 2024, id: 'pufa-events', value: 16, wording: '' });
    await call('indicators.set', { year: 2024, id: 'mediation-cases', value: 88, wording: '' });
    const now = await call('indicators.list', { year: 2025 });
    expect(now.find((r) => r.def.id === 'pufa-events')!.lastYear).toBe(16);
    expect(now.find((r) => r.def.id === 'mediation-cases')!.lastYear).toBe(88);
    // still counted in the year of use: a typed figure is refused there
    await expect(call('indicators.set', { year: 2025, id: 'pufa-events', value: 3, wording: '' })).rejects.toThrow(/由系统计算/);
    const file = JSON.parse(await readFile(path.join(svc.dir, 'year-2024.json'), 'utf8'));
    expect(file.figuresOnly).toBe(true);
    expect(file.values['pufa-events'].value).toBe(16);
    // the one before the earliest again, never a year that exists
    expect((await call('years.createPrevious', {})).year).toBe(2023);
  });

  it('needs a unit and a year to go back from; nothing is written when refused', async () => {
    await expect(call('years.createPrevious', {})).rejects.toThrow(/单位/);
    const { UnitSchema } = await import('../../src-shared/domain/unit');
    await call('unit.save', { unit: UnitSchema.parse({ ...unit }) });
    await expect(call('years.createPrevious', {})).rejects.toThrow(/还没有任何年度/);
    expect(await call('years.list', {})).toEqual([]);
  });
});

describe('overview counts what was reported', () => {
  it('zeros counted from an empty ledger are not filled; a typed figure and a ledger entry are', async () => {
    await freshUnit();
    const o0 = await call('overview.get', { year: 2025 });
    // only the village count (the unit has two villages) is known without any entry
    expect(o0.indicators.filled).toBe(1);
    await call('indicators.set', { year: 2025, id: 'open-total', value: 12, wording: '' });
    expect((await call('overview.get', { year: 2025 })).indicators.filled).toBe(2);
    const rows = await call('indicators.list', { year: 2025 });
    expect(rows.filter((r) => r.computed && r.value === 0).length).toBeGreaterThan(5);
    // one 普法宣传 entry: its count is now a reported figure
    await call('ledger.add', { year: 2025, entry: { date: '2025-03-01', category: 'pufa', title: '宪法宣传' } });
    expect((await call('overview.get', { year: 2025 })).indicators.filled).toBeGreaterThan(2);
  });

  it('content items say which have text, not only which exist', async () => {
    await freshUnit();
    const o = await call('overview.get', { year: 2025 });
    expect(o.contentItems.some((c) => c.present)).toBe(true);
    expect(o.contentItems.every((c) => !c.hasText)).toBe(true);
    const report = await call('report.get', { year: 2025 });
    const part = report.parts.find((p) => p.contentItem)!;
    part.paragraphs = ['全年开展普法活动。'];
    await call('report.save', { year: 2025, report });
    const o2 = await call('overview.get', { year: 2025 });
    const item = o2.contentItems.find((c) => c.item === part.contentItem)!;
    expect(item).toMatchObject({ present: true, hasText: true });
    expect(o2.contentItems.filter((c) => c.hasText)).toHaveLength(1);
  });
});

describe('新建下一年度 after the year shown', () => {
  it('creates the year after the given one, refuses one that exists', async () => {
    await call('demo.create', {});
    await call('years.createNext', { start: 'draft' });
    expect((await call('years.list', {})).map((y) => y.year)).toEqual([2024, 2025]);
    await expect(call('years.createNext', { after: 2024, start: 'draft' })).rejects.toThrow(/2025年度已存在/);
    await expect(call('years.createNext', { after: 2019, start: 'draft' })).rejects.toThrow(/没有2019年度/);
    expect((await call('years.createNext', { after: 2025, start: 'headings' })).year).toBe(2026);
  });
});

describe('last year from an imported report', () => {
  it('a report imported into a year before the first one makes a figures-only year: counted figures are typed, not zeros', async () => {
    const lines = ['青石镇2024年法治政府建设年度报告', '一、2024年法治政府建设主要举措和成效', '全年开展普法宣传活动16次。'];
    const p = await call('import.preview', { fileName: 'r.txt', data: new TextEncoder().encode(lines.join('\n')) });
    expect(p.year).toBe(2024);
    // first import into an empty folder: an ordinary year of use
    const first = await call('import.commit', { year: 2025, report: p.report, findings: p.findings, unit: p.unit! });
    expect(first.yearCreated).toBe(true);
    expect((await call('indicators.list', { year: 2025 })).find((r) => r.def.id === 'pufa-events')).toMatchObject({ computed: true, value: 0 });
    // last year's report, imported once this year exists
    await call('import.commit', { year: 2024, report: p.report, findings: p.findings });
    const last = (await call('indicators.list', { year: 2024 })).find((r) => r.def.id === 'pufa-events')!;
    expect(last).toMatchObject({ computed: false, value: null });
    await call('indicators.set', { year: 2024, id: 'pufa-events', value: 16, wording: '' });
    expect((await call('indicators.list', { year: 2025 })).find((r) => r.def.id === 'pufa-events')!.lastYear).toBe(16);
  });

  it('last year’s counted figures are taken from its imported report when ticked', async () => {
    await freshUnit();
    const lines = ['青石镇2024年法治政府建设年度报告', '一、2024年法治政府建设主要举措和成效', '全年开展普法宣传活动16次，调解矛盾纠纷38起。'];
    const p = await call('import.preview', { fileName: 'r.txt', data: new TextEncoder().encode(lines.join('\n')) });
    // 2024 comes before 2025, the first year kept: its counted figures can be taken
    const pufa = p.suggestions.find((x) => x.indicatorId === 'pufa-events')!;
    expect(pufa).toMatchObject({ value: 16, computed: false });
    await call('import.commit', { year: 2024, report: p.report, findings: p.findings, take: [{ ...pufa, placeholder: false }] });
    expect((await call('indicators.list', { year: 2024 })).find((r) => r.def.id === 'pufa-events')).toMatchObject({ value: 16 });
    expect((await call('indicators.list', { year: 2025 })).find((r) => r.def.id === 'pufa-events')!.lastYear).toBe(16);
    // the same sentence imported into this year (a ledger year) stays the ledger's to count
    const again = await call('import.preview', { fileName: 'r.txt', data: new TextEncoder().encode(lines.join('\n')), year: 2025 });
    expect(again.suggestions.find((x) => x.indicatorId === 'pufa-events')).toMatchObject({ computed: true });
    await expect(call('import.commit', { year: 2025, report: again.report, mode: 'replace', take: [{ ...pufa, placeholder: false }] })).rejects.toThrow(/由系统计算/);
  });
});
