/**
 * The parts after 举措和成效: 存在的不足和原因 (unfinished plan points, figures that fell, villages
 * not reached — each with 【请补充原因】), 下一年度主要安排, and the 第一责任人 part from what the
 * records show of the principal leaders (or the regulation's points as a skeleton to fill in).
 */
import { UNIT_KIND_WORDING } from '../../../src-shared/domain/vocabulary';
import type { PlanPoint } from '../../../src-shared/import/types';
import { chineseNumeral } from '../../../src-shared/text/numerals';
import type { Facts } from './facts';
import { LEADER_MEETING, LEADER_REPORTING, quoteTitle, titleList } from './facts';
import type { LedgerEntry } from '../../../src-shared/domain/ledger';
import type { AreaDraft } from './measures';
import { LEADER_HEADINGS, PLAN_INTROS, PLAN_POINTS, REASON, SHORTCOMING_INTROS } from './phrases';

/** Areas and the indicators whose fall is worth a point of 不足, with the area's name in a sentence. */
const WATCHED: Array<{ area: string; label: string; ids: string[] }> = [
  { area: 'decision', label: '依法决策', ids: ['legality-review', 'adviser-support'] },
  { area: 'enforcement', label: '行政执法', ids: ['enf-inspections', 'enf-exam-pass-rate'] },
  { area: 'open', label: '政务公开', ids: ['open-total'] },
  { area: 'service', label: '公共法律服务', ids: ['adviser-lectures', 'clinic-sessions', 'clinic-villages'] },
  { area: 'pufa', label: '普法宣传', ids: ['pufa-events', 'jindu-events', 'fanzha-events'] },
  { area: 'mediation', label: '矛盾纠纷化解', ids: ['mediation-success-rate'] },
  { area: 'grassroots', label: '基层民主法治', ids: ['mingbairen-sessions', 'mingbairen-villages', 'democracy-meetings'] },
];

/** A point's short name: its first sentence when that is a name ("提升依法决策水平"). */
function pointName(text: string): string {
  const first = text.split(/[。！？；]/)[0]!.trim();
  return first.length >= 4 && first.length <= 40 ? first : text.replace(/[。；]+$/, '');
}

/** Publicity and service reach the villages; these are the categories asked about. */
const REACHING = ['pufa', 'xianfa', 'minfadian', 'jindu', 'jindu-lecture', 'fanzha', 'adviser-lecture', 'clinic', 'mingbairen'];

export interface Gap {
  /** a sentence without its end, for the 不足 part */
  text: string;
  /** the plan point answering it, for next year; an area's gap is answered by the area's own point */
  plan: string;
  area?: string;
}

export function gaps(f: Facts, plan: PlanPoint[]): Gap[] {
  const out: Gap[] = [];
  for (const p of plan.filter((x) => x.status === '未完成')) {
    const name = pointName(p.text);
    out.push({ text: `上年部署的“${name}”尚未完成`, plan: `继续推进“${name}”` });
  }
  for (const w of WATCHED) {
    const fell = w.ids.filter((id) => f.trend(id) === 'down');
    if (!fell.length) continue;
    const what = fell.map((id) => `${f.readings.get(id)!.def.name}${f.ph(id)}`).join('，');
    const rate = fell.every((id) => f.readings.get(id)!.def.measure === '%');
    out.push({ text: `${w.label}方面，${what}，比上年有所${rate ? '下降' : '减少'}`, plan: '', area: w.area });
  }
  const { reached, total } = f.reach(REACHING);
  const has = REACHING.some((c) => f.entries(c).length);
  if (has && total && reached.size < total) {
    const missing = (f.unit?.villages ?? []).filter((v) => !reached.has(v.id)).map((v) => v.name);
    const named = missing.length > 5 ? `${missing.slice(0, 5).join('、')}等村（社区）` : missing.join('、');
    out.push({ text: `普法宣传和法律服务活动尚未覆盖${named}`, plan: '推动普法宣传和法律服务覆盖全部村（社区）' });
  }
  return out;
}

/** 存在的不足和原因: an opening and one point per gap, each with the reason left for the clerk. */
export function shortcomingsText(f: Facts, found: Gap[]): string[] {
  const intro = f.pick.pick('shortcoming-intro', SHORTCOMING_INTROS);
  if (!found.length) return [`${intro}【请补充存在的不足】，${f.pick.pick('reason-0', REASON)}。`];
  const points = found.map((g, i) => `${found.length > 1 ? `${chineseNumeral(i + 1)}是` : ''}${g.text}，${f.pick.pick(`reason-${i}`, REASON)}。`);
  return [`${intro}${points.join('')}`];
}

/** 下一年度主要安排: points carried over, the gaps, and the areas of this year's work. */
export function planText(f: Facts, found: Gap[], plan: PlanPoint[], areas: AreaDraft[]): string[] {
  const next = f.year + 1;
  const intro = f.pick.pick('plan-intro', PLAN_INTROS).replace('{next}', String(next)).replace('{unit}', f.unitName);
  const points: string[] = [];
  for (const p of plan.filter((x) => x.status === '结转')) points.push(`继续推进“${pointName(p.text)}”`);
  for (const g of found) if (g.plan && !points.includes(g.plan)) points.push(g.plan);
  // areas whose figures fell come first, then the others in the report's order
  const fell = new Set(found.map((g) => g.area).filter(Boolean));
  for (const a of [...areas.filter((x) => fell.has(x.key)), ...areas.filter((x) => !fell.has(x.key))]) {
    const options = PLAN_POINTS[a.key];
    if (options) points.push(f.pick.pick(`plan-${a.key}`, options));
  }
  if (!points.length) points.push('【请补充下一年度工作安排】');
  // a plan of more than six points reads as a list of everything; the first six are the gaps and the main areas
  return [intro, ...points.slice(0, 6).map((p, i) => `${chineseNumeral(i + 1)}是${p}。`)];
}


/** Entries by date, one per title (a meeting logged twice is one meeting to name). */
function uniqueTitles(list: LedgerEntry[]): LedgerEntry[] {
  const seen = new Set<string>();
  return [...list].sort((a, b) => a.date.localeCompare(b.date)).filter((e) => (seen.has(e.title) ? false : (seen.add(e.title), true)));
}

export interface LeaderSection {
  key: 'deploy' | 'study' | 'report';
  heading: string;
  paragraph: string;
}

/**
 * 第一责任人: meetings that studied the rule of law, 学法 entries and the leaders' lectures, 述法 —
 * as the records show them; where they show nothing, the regulation's point with 【请补充】.
 */
export function leaderSections(f: Facts): LeaderSection[] {
  const w = UNIT_KIND_WORDING[f.unit?.kind ?? '镇'];
  const months = (list: { date: string }[]) => [...new Set(list.map((e) => `${Number(e.date.slice(5, 7))}月`))].join('、');
  const meetings = uniqueTitles(f.leaderEntries.filter((e) => LEADER_MEETING.test(e.title) && !LEADER_REPORTING.test(e.title)));
  const reports = uniqueTitles(f.leaderEntries.filter((e) => LEADER_REPORTING.test(e.title)));
  const study = f.entries('study');

  const deploy = meetings.length
    ? `${w.leaders}把法治建设摆在全局工作的重要位置，${months(meetings)}先后召开${meetings
        .slice(0, 3)
        .map((e) => quoteTitle(e.title))
        .join('')}${meetings.length > 3 ? '等会议' : ''}，研究部署法治政府建设工作。`
    : `${w.leaders}【请补充：主持召开会议研究部署法治建设、听取工作汇报的情况】。`;

  const studyParts = [
    f.has('study-sessions') ? `理论学习中心组全年集中学法${f.ph('study-sessions')}${f.yoy('study-sessions')}` : '',
    f.has('leader-lectures') ? `主要负责人讲授法治课${f.ph('leader-lectures')}` : '',
    f.topTitles(['study'], 3).length >= 2 ? `学习内容包括${titleList(f.topTitles(['study'], 3))}` : '',
  ].filter(Boolean);
  const studyText = studyParts.length ? `${w.party}${studyParts.join('，')}。` : `${w.leaders}【请补充：带头学法、讲授法治课的情况】。`;

  const reportText = reports.length
    ? `${months(reports)}，按照述法要求开展${reports.map((e) => quoteTitle(e.title)).slice(0, 2).join('')}，对述法中反映的问题【请补充：整改落实的情况】。`
    : `${w.leaders}【请补充：年终述职中述法、督促解决法治建设重大问题的情况】。`;

  return [
    { key: 'deploy', heading: f.pick.pick('leader-deploy', LEADER_HEADINGS.deploy), paragraph: deploy },
    { key: 'study', heading: f.pick.pick('leader-study', LEADER_HEADINGS.study), paragraph: studyText },
    { key: 'report', heading: f.pick.pick('leader-report', LEADER_HEADINGS.report), paragraph: reportText },
  ];
}
