/**
 * What the draft says, through the services on a real data folder: last year's sentences with their
 * figures rebound, last year's plan points, 同比 wording that never outruns the figures, the
 * clerk's choice of exact figures, and phrasing that does not repeat itself.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src-shared/domain/report';
import type { ReportDraft } from '../../src-shared/draft/types';
import { servicesPerTest } from '../support/services';

const s = servicesPerTest({ demo: true, prefix: 'fazhi-draft-' });

const body = (d: ReportDraft, key: string) => {
  const p = d.parts.find((x) => x.key === key)!;
  return [...p.paragraphs, ...p.sections.flatMap((x) => x.paragraphs)].map((t) => t.text).join('\n');
};

/** 2023 as a figures-only year (the first year of use), with last year's report typed by hand. */
async function lastYear(values: Record<string, number>, report?: Report) {
  await s.call('years.createPrevious', {});
  for (const [id, value] of Object.entries(values)) await s.call('indicators.set', { year: 2023, id, value, wording: '' });
  if (report) await s.call('report.save', { year: 2023, report });
}

function reportOf(parts: Array<[item: 'measures' | 'shortcomings' | 'nextYear', paragraphs: string[]]>): Report {
  return {
    title: '横街镇2023年法治政府建设年度报告',
    recipient: '',
    preamble: [],
    parts: parts.map(([item, paragraphs], i) => ({ id: `p${i}`, heading: item === 'nextYear' ? '2024年主要安排' : item === 'measures' ? '主要举措和成效' : '存在的不足和原因', runIn: false, paragraphs, status: '草稿', contentItem: item, children: [] })),
    signature: { enabled: true, name: '', date: '' },
  };
}

describe('draft.make', () => {
  it("offers last year's sentences with matching figures as this year's placeholders and the rest marked", async () => {
    await lastYear(
      { 'pufa-events': 20 },
      reportOf([['measures', ['一是加强普法。全年开展各类普法宣传活动20次，走访慰问困难群众35户。二是化解纠纷。全年调解矛盾纠纷98起，2023年未发生越级上访。']]]),
    );
    const d = await s.call('draft.make', { year: 2024, part: 'measures' });
    const carried = d.parts[0]!.carried;
    const pufa = carried.find((c) => c.text.includes('普法'))!;
    expect(pufa.text).toContain('各类普法宣传活动{{pufa-events}}');
    expect(pufa.printed).toContain('各类普法宣传活动18次');
    expect(pufa.text).toContain('【核对：35户】');
    expect(pufa.unmatched).toEqual(['35户']);
    const cases = carried.find((c) => c.text.includes('纠纷'))!;
    expect(cases.text).toContain('调解矛盾纠纷{{mediation-cases}}');
    // last year's own year moves on with the sentence
    expect(cases.text).toContain('2024年未发生越级上访');
  });

  it("turns last year's unfinished and carried-over plan points into 不足 and next year's plan", async () => {
    await lastYear({}, reportOf([['nextYear', ['一是建成镇级法治文化公园；二是完成村规民约合法性审查；三是推进行政执法“三项制度”落实。']]]));
    const list = await s.call('plan.checklist', { year: 2024 });
    expect(list.points.map((p) => p.text)).toEqual(['建成镇级法治文化公园', '完成村规民约合法性审查', '推进行政执法“三项制度”落实']);
    await s.call('plan.setStatus', { year: 2024, key: list.points[0]!.key, status: '未完成' });
    await s.call('plan.setStatus', { year: 2024, key: list.points[2]!.key, status: '结转' });
    const d = await s.call('draft.make', { year: 2024 });
    expect(body(d, 'shortcomings')).toMatch(/“建成镇级法治文化公园”尚未完成，[^。]*【请补充原因】/);
    const plan = body(d, 'plan');
    expect(plan).toMatch(/^2025年，横街镇/);
    expect(plan).toContain("继续推进“推进行政执法“三项制度”落实”");
    expect(plan).toContain('继续推进“建成镇级法治文化公园”');
    expect(plan).not.toContain('完成村规民约合法性审查');
  });

  it('says 同比 only in the direction of the figures, and 明显 only for a rise of 30% or more', async () => {
    // demo 2024: 普法 18, 执法检查 10, 调解 120 cases at 95%
    await lastYear({ 'pufa-events': 17, 'enf-inspections': 6, 'mediation-cases': 150, 'mediation-success': 140, 'legality-review': 26 });
    const d = await s.call('draft.make', { year: 2024, part: 'measures' });
    const text = body(d, 'measures');
    expect(text).toMatch(/\{\{pufa-events\}\}，(较上年|比上年)有所(增加|增多)/);
    expect(text).toMatch(/\{\{enf-inspections\}\}，(较上年|比上年)明显(增加|增多)/);
    expect(text).toMatch(/\{\{mediation-cases\}\}，(较上年|比上年)有所(减少|下降)/);
    expect(text).toMatch(/\{\{legality-review\}\}，与上年持平/);
    // 95% now against 93.3% then: a rise of under 5 points
    expect(text).toMatch(/\{\{mediation-success-rate\}\}，(比上年|较上年)有所(提高|提升)/);
    // 法律顾问 figures were not typed for last year: never compared
    expect(text).not.toMatch(/\{\{adviser-support(\|rounded)?\}\}，(较|比|与)上年/);
    expect(body(d, 'measures')).not.toMatch(/显著|大幅/);
  });

  it('writes exact figures when the clerk asks for them, 约数 placeholders otherwise', async () => {
    const rounded = await s.call('draft.make', { year: 2024, part: 'measures' });
    expect(body(rounded, 'measures')).toContain('{{jindu-materials|rounded}}');
    const exact = await s.call('draft.make', { year: 2024, part: 'measures', figures: 'exact' });
    expect(body(exact, 'measures')).not.toContain('|rounded');
    expect(body(exact, 'measures')).toContain('{{jindu-materials}}');
  });

  it('does not read alike: headings and the leads of the points differ across sub-parts', async () => {
    const d = await s.call('draft.make', { year: 2024 });
    const sections = d.parts.flatMap((p) => p.sections);
    const headings = sections.map((x) => x.heading);
    expect(new Set(headings).size).toBe(headings.length);
    const leads = sections.flatMap((x) => [...x.paragraphs[0]!.text.matchAll(/[一二三四五六七八九十]是([^。]{2,16})。/g)].map((m) => m[1]));
    expect(leads.length).toBeGreaterThan(8);
    expect(new Set(leads).size).toBe(leads.length);
    // another year of the same unit picks other words somewhere
    await s.call('years.create', { year: 2025, fromYear: 2024 });
    const next = await s.call('draft.make', { year: 2025, part: 'plan' });
    const plan2024 = body(d, 'plan').split('\n')[0];
    expect(body(next, 'plan')).not.toBe(body(d, 'plan'));
    expect(plan2024).toMatch(/^2025年/);
  });

  it('refuses a year that does not exist, in Chinese', async () => {
    await expect(s.call('draft.make', { year: 2031 })).rejects.toThrow(/没有2031年度的数据/);
    await expect(s.call('draft.make', { year: 2024, part: 'summary' as 'plan' })).rejects.toThrow(/部分只能是/);
  });
});
