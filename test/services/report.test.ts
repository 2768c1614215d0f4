import { describe, expect, it } from 'vitest';
import { servicesPerTest } from '../support/services';
import type { Report } from '../../src-shared/domain/report';

const svc = servicesPerTest({ demo: true, now: () => new Date('2025-02-10T09:00:00') });
const call = svc.call;

describe('report', () => {
  it('numbers parts by position, runs in sub-part headings and resolves figures', async () => {
    const { rendered, missing } = await call('report.render', { year: 2024 });
    expect(missing).toEqual([]);
    const level1 = rendered.blocks.filter((b) => b.level === 1).map((b) => b.number + b.heading);
    expect(level1).toEqual([
      '一、2024年法治政府建设主要举措和成效',
      '二、存在的不足和原因',
      '三、党政主要负责人履行推进法治建设第一责任人职责情况',
      '四、2025年推进法治政府建设的主要安排',
    ]);
    const sub = rendered.blocks.find((b) => b.level === 2)!;
    expect(sub).toMatchObject({ number: '（一）', runIn: true });
    expect(sub.heading.endsWith('。')).toBe(true);
    const all = rendered.blocks.flatMap((b) => b.paragraphs).join('');
    expect(all).toContain('主动公开政务信息55条');
    expect(all).toContain('40余次');
    expect(all).toContain('成功率95%');
    expect(all).not.toMatch(/\{\{/);
    expect(rendered.signature).toEqual({ name: '横街镇人民政府', date: '2025年1月20日' });
  });

  it('moving a part renumbers it', async () => {
    const report = await call('report.get', { year: 2024 });
    const parts = [...report.parts];
    [parts[0], parts[1]] = [parts[1]!, parts[0]!];
    await call('report.save', { year: 2024, report: { ...report, parts } });
    const { rendered } = await call('report.render', { year: 2024 });
    expect(rendered.blocks[0]).toMatchObject({ number: '一、', heading: '存在的不足和原因' });
  });

  it('a placeholder with no value stops the export with a message naming it', async () => {
    const report = await call('report.get', { year: 2024 });
    report.parts[1]!.paragraphs.push('全年办理行政复议案件{{admin-review-cases}}。');
    await call('report.save', { year: 2024, report });
    await expect(call('export.docx', { year: 2024 })).rejects.toThrow(/行政复议案件/);
    const ov = await call('overview.get', { year: 2024 });
    expect(ov.warnings.find((w) => w.code === 'placeholder-no-data')?.message).toContain('行政复议案件');
  });

  it('checks placeholders in the preamble too, and names a deleted indicator as such', async () => {
    const report = await call('report.get', { year: 2024 });
    await expect(call('report.save', { year: 2024, report: { ...report, preamble: ['全年{{nope-gone}}。'] } })).rejects.toThrow(/“导语”中引用了不存在的指标/);
    const { id } = await call('indicators.define', { def: { name: '临时指标', measure: '条', source: { type: 'manual' } } });
    await call('report.save', { year: 2024, report: { ...report, preamble: [`全年{{${id}}}。`] } });
    // quoted in the preamble: it may not be removed
    await expect(call('indicators.undefine', { id })).rejects.toThrow('引用了“临时指标”');
  });

  it('demo --force keeps the replaced data in a backup', async () => {
    await call('ledger.add', { year: 2024, entry: { date: '2024-09-09', category: 'pufa', title: '今天刚录的活动' } });
    await call('years.create', { year: 2025, fromYear: 2024 });
    await call('demo.create', { force: true });
    expect((await call('ledger.list', { year: 2024 })).some((e) => e.title === '今天刚录的活动')).toBe(false);
    expect((await call('years.list', {})).map((y) => y.year)).toEqual([2024]);
    const { readdir, readFile } = await import('node:fs/promises');
    const backups = await readdir(`${svc.dir}/backups`);
    const safety = backups.filter((f) => f.startsWith('before-restore'));
    expect(safety).toHaveLength(1);
    expect(await readFile(`${svc.dir}/backups/${safety[0]}`, 'utf8')).toContain('今天刚录的活动');
  });

  it('refuses a placeholder for an unknown indicator and a tree deeper than four levels', async () => {
    const report = await call('report.get', { year: 2024 });
    const bad: Report = structuredClone(report);
    bad.parts[1]!.paragraphs = ['{{no-such-thing}}'];
    await expect(call('report.save', { year: 2024, report: bad })).rejects.toThrow('不存在的指标');
    const deep: Report = structuredClone(report);
    let p = deep.parts[1]!;
    for (let i = 0; i < 4; i++) {
      const c = { id: `deep${i}`, heading: `第${i}层`, runIn: false, paragraphs: [], status: '草稿' as const, children: [] };
      p.children = [c];
      p = c;
    }
    await expect(call('report.save', { year: 2024, report: deep })).rejects.toThrow('层级');
    expect(await call('report.get', { year: 2024 })).toEqual(report);
  });

  it('a new year starts from the five content items; or carries last year’s structure without its text', async () => {
    const fresh = await call('years.create', { year: 2026 });
    expect(fresh.partCount).toBe(5);
    const t = await call('report.get', { year: 2026 });
    expect(t.parts.map((p) => p.contentItem)).toEqual(['measures', 'shortcomings', 'firstResponsible', 'nextYear', 'other']);
    expect(t.parts[3]!.heading).toContain('2027年');

    await call('years.create', { year: 2025, fromYear: 2024 });
    const carried = await call('report.get', { year: 2025 });
    expect(carried.title).toBe('横街镇2025年法治政府建设年度报告');
    expect(carried.parts.map((p) => p.heading)).toEqual([
      '2025年法治政府建设主要举措和成效',
      '存在的不足和原因',
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '2026年推进法治政府建设的主要安排',
    ]);
    expect(carried.parts[0]!.children.length).toBe(5);
    expect(carried.parts.every((p) => p.paragraphs.length === 0 && p.status === '草稿')).toBe(true);
    expect((await call('ledger.list', { year: 2025 })).length).toBe(0);
    await expect(call('years.create', { year: 2025 })).rejects.toThrow('已存在');
  });

  it('overview shows progress, the deadline and proofreading slips', async () => {
    const report = await call('report.get', { year: 2024 });
    report.parts[1]!.paragraphs = ['今年主动公开主动公开政务信息较多。'];
    await call('report.save', { year: 2024, report });
    const ov = await call('overview.get', { year: 2024, today: '2025-02-10' });
    expect(ov.deadline).toEqual({ due: '2025-03-31', dueRule: '第一季度末', publishBy: '2025-04-01', daysLeft: 49, status: 'open', exportedOn: null });
    expect(ov.indicators.total).toBeGreaterThanOrEqual(30);
    expect(ov.indicators.filled).toBeLessThan(ov.indicators.total);
    expect(ov.warnings).toContainEqual(expect.objectContaining({ code: 'duplicate-phrase', excerpt: '主动公开主动公开', where: '存在的不足和原因' }));
    expect(ov.contentItems.filter((c) => c.present).length).toBe(4);
  });
});
