import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { flattenParts } from '../../src-shared/text/walk';
import { splitPoints } from '../../src-main/services/import/planPoints';
import { servicesClient, servicesPerTest } from '../support/services';
import { snapshotDir, tempDir } from '../support/tmp';

const svc = servicesPerTest({ demo: true, prefix: 'fazhi-next-' });
const call = svc.call;

describe('the next year starts from last year', () => {
  it('新建下一年度 “沿用上年正文作草稿”: headings’ years moved on, text kept as a draft, last year’s plan emptied into the checklist', async () => {
    const last = await call('report.get', { year: 2024 });
    const s = await call('years.createNext', { start: 'draft' });
    expect(s.year).toBe(2025);
    const next = await call('report.get', { year: 2025 });
    expect(next.title).toBe('横街镇2025年法治政府建设年度报告');
    expect(next.parts.map((p) => p.heading)).toEqual([
      '2025年法治政府建设主要举措和成效',
      '存在的不足和原因',
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '2026年推进法治政府建设的主要安排',
    ]);
    expect(next.parts.map((p) => p.contentItem)).toEqual(last.parts.map((p) => p.contentItem));
    // every part but the plan carries last year's text to rework
    const a = flattenParts(last.parts.filter((p) => p.contentItem !== 'nextYear'));
    const b = flattenParts(next.parts.filter((p) => p.contentItem !== 'nextYear'));
    expect(b.map((p) => [p.heading.replace('2025', '2024'), p.runIn, p.paragraphs])).toEqual(a.map((p) => [p.heading, p.runIn, p.paragraphs]));
    expect(b.some((p) => p.paragraphs.length > 0)).toBe(true);
    expect(flattenParts(next.parts).every((p) => p.status === '草稿')).toBe(true);
    expect(flattenParts(last.parts).some((p) => p.status === '定稿')).toBe(true);
    // last year's plan is not this year's plan: the part is empty, its points are the checklist
    const plan = next.parts.find((p) => p.contentItem === 'nextYear')!;
    expect(plan).toMatchObject({ paragraphs: [], children: [] });
    expect(JSON.stringify(next)).not.toContain('提升依法决策水平');
    const c = await call('plan.checklist', { year: 2025 });
    expect(c.points).toHaveLength(3);
    expect(c.points[0]!.text).toContain('提升依法决策水平');
    const rows = await call('indicators.list', { year: 2025 });
    const open = rows.find((r) => r.def.id === 'open-total')!;
    expect(open).toMatchObject({ value: null, lastYear: 55 });
  });

  it('新建下一年度 “只保留标题”: the outline with years moved on and no text at all', async () => {
    const last = await call('report.get', { year: 2024 });
    await call('years.createNext', { after: 2024, start: 'headings' });
    const next = await call('report.get', { year: 2025 });
    const b = flattenParts(next.parts);
    expect(b.every((p) => p.paragraphs.length === 0 && p.status === '草稿' && !p.tables?.length)).toBe(true);
    expect(next.preamble).toEqual([]);
    expect(next.parts[0]!.children.map((p) => p.heading)).toEqual(last.parts[0]!.children.map((p) => p.heading));
    expect(next.parts.at(-1)!.heading).toBe('2026年推进法治政府建设的主要安排');
    expect((await call('plan.checklist', { year: 2025 })).points).toHaveLength(3);
  });

  it('新建下一年度 without a choice, or with an unknown one, is refused and writes nothing', async () => {
    const before = await snapshotDir(svc.dir);
    await expect(call('years.createNext', {} as never)).rejects.toThrow('新年度报告只能');
    await expect(call('years.createNext', { start: 'copy' } as never)).rejects.toThrow('新年度报告只能');
    expect(await snapshotDir(svc.dir)).toEqual(before);
  });

  it('a plan written as sub-parts is emptied too: its sub-headings are last year’s points', async () => {
    const r = await call('report.get', { year: 2024 });
    const plan = r.parts.find((p) => p.contentItem === 'nextYear')!;
    plan.paragraphs = [];
    plan.children = [
      { id: 'pa', heading: '完善执法制度', runIn: false, paragraphs: ['修订执法细则。'], status: '定稿', children: [] },
      { id: 'pb', heading: '加强法治培训', runIn: false, paragraphs: [], status: '定稿', children: [] },
    ];
    await call('report.save', { year: 2024, report: r });
    for (const start of ['draft', 'headings'] as const) {
      const y = start === 'draft' ? 2025 : 2026;
      await call('years.createNext', { after: y - 1, start });
      const next = await call('report.get', { year: y });
      expect(next.parts.find((p) => p.contentItem === 'nextYear')).toMatchObject({ paragraphs: [], children: [] });
    }
    expect((await call('plan.checklist', { year: 2025 })).points.map((p) => p.text)).toEqual(['完善执法制度', '加强法治培训']);
  });

  it('checklist: last year’s plan split into points, marks kept with the year, 未完成 ones offered for 不足', async () => {
    await call('years.createNext', { start: 'draft' });
    const c = await call('plan.checklist', { year: 2025 });
    expect(c.fromYear).toBe(2024);
    expect(c.fromHeading).toBe('2025年推进法治政府建设的主要安排');
    expect(c.points.map((p) => p.text.slice(0, 10))).toEqual(['提升依法决策水平。严格', '加强执法规范化建设。加', '增强普法和法律服务实效。'].map((t) => t.slice(0, 10)));
    expect(c.points.every((p) => p.status === '未标记')).toBe(true);
    expect(c.unfinishedText).toBe('');
    const next = await call('report.get', { year: 2025 });
    expect(c.shortcomingsPartId).toBe(next.parts[1]!.id);

    await call('plan.setStatus', { year: 2025, key: c.points[0]!.key, status: '已完成' });
    await call('plan.setStatus', { year: 2025, key: c.points[1]!.key, status: '未完成' });
    const after = await call('plan.setStatus', { year: 2025, key: c.points[2]!.key, status: '未完成' });
    expect(after.points.map((p) => p.status)).toEqual(['已完成', '未完成', '未完成']);
    expect(after.unfinishedText).toBe('2024年部署的工作中，以下事项尚未完成：一是加强执法规范化建设；二是增强普法和法律服务实效。');
    // kept with the year: a fresh service over the same folder sees the marks
    const again = await (await servicesClient(svc.dir)).call('plan.checklist', { year: 2025 });
    expect(again.points.map((p) => p.status)).toEqual(['已完成', '未完成', '未完成']);
    await call('plan.setStatus', { year: 2025, key: c.points[2]!.key, status: '结转' });
    expect((await call('plan.checklist', { year: 2025 })).unfinishedText).toBe('2024年部署的工作中，以下事项尚未完成：加强执法规范化建设。');

    const before = await snapshotDir(svc.dir);
    await expect(call('plan.setStatus', { year: 2025, key: 'k00000000', status: '已完成' })).rejects.toBeInstanceOf(AppError);
    await expect(call('plan.setStatus', { year: 2025, key: c.points[0]!.key, status: '完成了' as '已完成' })).rejects.toThrow('状态只能是');
    expect(await snapshotDir(svc.dir)).toEqual(before);
  });

  it('a plan point quoting a figure shows last year’s figure, and keeps its mark', async () => {
    const r = await call('report.get', { year: 2024 });
    r.parts[3]!.paragraphs = ['2025年重点做好以下工作：一是政务公开保持在{{open-total}}以上；二是完善执法制度。'];
    await call('report.save', { year: 2024, report: r });
    await call('years.createNext', { start: 'draft' });
    const c = await call('plan.checklist', { year: 2025 });
    expect(c.points.map((p) => p.text)).toEqual(['政务公开保持在55条以上', '完善执法制度']);
    const after = await call('plan.setStatus', { year: 2025, key: c.points[0]!.key, status: '结转' });
    expect(after.points[0]!.status).toBe('结转');
  });

  it('an imported report in the district’s own title form carries into the next year with the year moved on', async () => {
    const { dir: d2, cleanup: c2 } = await tempDir('fazhi-next-title-');
    try {
      const { call: c } = await servicesClient(d2);
      const lines = ['东湖区人民政府关于2024年度法治政府建设情况的报告', '一、2024年主要举措', '做了工作。', '二、2025年工作安排', '一是完善制度；二是加强培训。'];
      const p = await c('import.preview', { fileName: 'r.txt', data: new TextEncoder().encode(lines.join('\n')) });
      await c('import.commit', { year: 2024, report: p.report, unit: p.unit! });
      await c('years.createNext', { start: 'draft' });
      const next = await c('report.get', { year: 2025 });
      expect(next.title).toBe('东湖区人民政府关于2025年度法治政府建设情况的报告');
      expect(next.parts.map((x) => x.heading)).toEqual(['2025年主要举措', '2026年工作安排']);
      expect((await c('plan.checklist', { year: 2025 })).points.map((x) => x.text)).toEqual(['完善制度', '加强培训']);
    } finally {
      await c2();
    }
  });

  it('a year without a previous one has an empty checklist', async () => {
    const c = await call('plan.checklist', { year: 2024 });
    expect(c).toMatchObject({ fromYear: null, points: [], unfinishedText: '' });
  });
});

describe('plan points', () => {
  it('split at 一是/二是, at ；, at numbered items; an introduction ending with ： is no point', () => {
    expect(splitPoints('2025年重点做好以下工作：一是完善制度；二是加强培训；三是推进普法。')).toEqual(['完善制度', '加强培训', '推进普法']);
    expect(splitPoints('1.完善法律顾问制度。2.加大执法培训力度。（3）建设普法阵地')).toEqual(['完善法律顾问制度', '加大执法培训力度', '建设普法阵地']);
    expect(splitPoints('继续抓好法治宣传；深化矛盾纠纷化解')).toEqual(['继续抓好法治宣传', '深化矛盾纠纷化解']);
    expect(splitPoints('全面推进依法行政，建设法治政府。')).toEqual(['全面推进依法行政，建设法治政府']);
  });
});
