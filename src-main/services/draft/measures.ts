/**
 * 主要举措和成效: one sub-part per area of work that has records this year, each a run-in heading
 * and a paragraph of points (一是…二是…). Figures are placeholders; a point whose figures the year
 * does not have is left out rather than written with a gap.
 */
import { BUILT_IN_INDICATORS } from '../../../src-shared/catalog/builtInIndicators';
import { findLedgerCategory } from '../../../src-shared/catalog/ledgerCategories';
import type { IndicatorDef } from '../../../src-shared/domain/indicatorSchema';
import { chineseNumeral } from '../../../src-shared/text/numerals';
import type { Facts } from './facts';
import { quoteTitle, titleList } from './facts';
import { AREA_HEADINGS, HELD, POINT_LEADS } from './phrases';

export interface AreaDraft {
  key: string;
  heading: string;
  /** words that name the area in a heading the clerk wrote ("深化政务公开和法律服务") */
  keywords: readonly string[];
  /** ledger categories it speaks for */
  categories: readonly string[];
  paragraph: string;
  /** the points the paragraph is made of, so areas sharing one sub-part can be numbered as one list */
  points: Array<[lead: string, body: string]>;
}

interface Area {
  key: string;
  keywords: readonly string[];
  categories: readonly string[];
  /** indicator areas whose custom indicators join this sub-part */
  indicatorArea: IndicatorDef['area'];
  /** indicators whose figure alone makes the area worth a sub-part */
  indicators: readonly string[];
  points: (f: Facts) => Array<[lead: string, body: string]>;
}

const catName = (id: string) => findLedgerCategory(id)?.name ?? id;

/** "，其中A、B" from the parts that have figures. */
const list = (items: string[], sep = '、') => items.filter(Boolean).join(sep);
const clause = (...parts: string[]) => parts.filter(Boolean).join('，');
/** Sentences of one point: each its own, the point's end (。) added by the paragraph. */
const sentences = (...parts: string[]) => parts.filter(Boolean).join('。');

function lead(f: Facts, key: string): string {
  return f.pick.pick(`lead-${key}`, POINT_LEADS[key] ?? ['做好相关工作']);
}

function held(f: Facts, slot: string): string {
  return f.pick.pick(`held-${slot}`, HELD);
}

/** Kinds of work among the titles, as "涉及A、B等" (the titles the entries repeat most). */
function kinds(f: Facts, categories: string[], prefix: string): string {
  const titles = f.topTitles(categories, 3).filter((t) => t.length <= 16);
  if (titles.length < 2) return '';
  return `${prefix}${titleList(titles, categories.length === 1 ? catName(categories[0]!) : '')}`;
}

const AREAS: Area[] = [
  {
    key: 'decision',
    keywords: ['决策', '合法性审查', '依法行政'],
    categories: ['legality-review', 'adviser-support'],
    indicatorArea: '依法决策与合法性审查',
    indicators: ['decision-catalog', 'legality-review', 'normative-docs-reviewed', 'contracts-reviewed', 'adviser-hired'],
    points: (f) => {
      const out: Array<[string, string]> = [];
      if (f.has('decision-catalog')) out.push([lead(f, 'catalog'), `编制年度重大行政决策事项目录，列入重大行政决策事项${f.ph('decision-catalog')}${f.yoy('decision-catalog')}`]);
      const parts = list([f.has('normative-docs-reviewed') ? `规范性文件${f.ph('normative-docs-reviewed')}` : '', f.has('contracts-reviewed') ? `政府合同${f.ph('contracts-reviewed')}` : '']);
      if (f.has('legality-review'))
        out.push([lead(f, 'review'), clause(`全年开展合法性审查事项${f.ph('legality-review')}${f.yoy('legality-review')}`, parts ? `其中${parts}` : '', kinds(f, ['legality-review'], '涉及'))]);
      else if (parts) out.push([lead(f, 'review'), `全年审查${parts}`]);
      const adviser = clause(
        f.has('adviser-hired') ? `聘请专业法律顾问${f.ph('adviser-hired')}` : '',
        f.has('adviser-support') ? `法律顾问为政府决策提供法律支持${f.ph('adviser-support')}${f.yoy('adviser-support')}` : '',
        f.has('adviser-support') ? kinds(f, ['adviser-support'], '主要是') : '',
      );
      if (adviser) out.push([lead(f, 'adviser'), adviser]);
      return out;
    },
  },
  {
    key: 'enforcement',
    keywords: ['执法'],
    categories: ['enforcement'],
    indicatorArea: '行政执法',
    indicators: ['enf-exam-takers', 'enf-cert-transfer', 'enf-inspections'],
    points: (f) => {
      const out: Array<[string, string]> = [];
      const exam = clause(
        f.has('enf-exam-takers') ? `组织${f.ph('enf-exam-takers')}机关干部参加执法人员认证考试` : '',
        f.has('enf-exam-pass-rate') ? `通过率${f.ph('enf-exam-pass-rate')}` : '',
        f.has('enf-cert-transfer') ? `办理执法人员跨区换证${f.ph('enf-cert-transfer')}` : '',
      );
      if (exam) out.push([lead(f, 'exam'), exam]);
      if (f.has('enf-inspections')) out.push([lead(f, 'inspect'), clause(`全年开展执法检查${f.ph('enf-inspections')}${f.yoy('enf-inspections')}`, kinds(f, ['enforcement'], '主要有'))]);
      return out;
    },
  },
  {
    key: 'open',
    keywords: ['公开'],
    categories: ['gov-open'],
    indicatorArea: '政务公开',
    indicators: ['open-total', 'open-emergency', 'open-proposals', 'open-key-areas'],
    points: (f) => {
      const out: Array<[string, string]> = [];
      const parts = list([
        f.has('open-emergency') ? `应急管理信息${f.ph('open-emergency')}` : '',
        f.has('open-proposals') ? `建议提案办理信息${f.ph('open-proposals')}` : '',
        f.has('open-key-areas') ? `基层重点领域信息${f.ph('open-key-areas')}` : '',
      ]);
      if (f.has('open-total')) out.push([lead(f, 'openInfo'), clause(`全年主动公开政务信息${f.ph('open-total')}${f.yoy('open-total')}`, parts ? `其中${parts}` : '')]);
      else if (parts) out.push([lead(f, 'openInfo'), `全年主动公开${parts}`]);
      const entries = f.entries('gov-open');
      if (entries.length) out.push([lead(f, 'openWork'), sentences(kinds(f, ['gov-open'], '围绕') ? `${kinds(f, ['gov-open'], '围绕')}事项做好公开` : `${held(f, 'open')}政务公开工作`, f.notable(['gov-open'], 1)[0]?.text ?? '')]);
      return out;
    },
  },
  {
    key: 'service',
    keywords: ['法律服务', '法律顾问'],
    categories: ['adviser-lecture', 'clinic'],
    indicatorArea: '法律服务与法律顾问',
    indicators: ['adviser-lectures', 'clinic-sessions'],
    points: (f) => {
      const out: Array<[string, string]> = [];
      if (f.has('adviser-lectures'))
        out.push([lead(f, 'lecture'), sentences(clause(`村居法律顾问下村授课${f.ph('adviser-lectures')}${f.yoy('adviser-lectures')}`, f.coverage(['adviser-lecture'], '下村授课')), f.notable(['adviser-lecture'], 1)[0]?.text ?? '')]);
      if (f.has('clinic-sessions')) {
        const reach = f.has('clinic-villages') ? `覆盖${f.ph('clinic-villages')}村（社区）` : f.coverage(['clinic'], '法律服务“坐诊”');
        out.push([lead(f, 'clinic'), clause(`开展村居法律服务“坐诊”${f.ph('clinic-sessions')}${f.yoy('clinic-sessions')}`, reach, '群众在家门口即可得到法律咨询')]);
      }
      return out;
    },
  },
  {
    key: 'pufa',
    keywords: ['普法', '法治宣传', '宣传教育'],
    categories: ['pufa', 'xianfa', 'minfadian', 'jindu', 'jindu-lecture', 'fanzha'],
    indicatorArea: '普法宣传',
    indicators: ['pufa-events'],
    points: (f) => {
      const out: Array<[string, string]> = [];
      const themes = f.notable(['xianfa', 'minfadian', 'pufa', 'jindu', 'jindu-lecture', 'fanzha'], 2);
      if (f.has('pufa-events'))
        out.push([lead(f, 'general'), clause(`全年${held(f, 'pufa')}各类普法宣传活动${f.ph('pufa-events')}${f.yoy('pufa-events')}`, kinds(f, ['pufa'], '内容涵盖'), f.coverage(['pufa', 'xianfa', 'minfadian', 'jindu', 'jindu-lecture', 'fanzha'], '普法宣传'))]);
      // a campaign's own figure goes with it: 宪法日 with its people, 民法典 with its leaflets
      const own: Record<string, [id: string, words: string, alone: string]> = {
        xianfa: ['xianfa-participants', '参与群众', '国家宪法日活动参与群众'],
        minfadian: ['minfadian-materials', '发放资料', '民法典宣传发放资料'],
      };
      const told = new Set<string>();
      const themed = themes.map((t) => {
        const o = own[t.entry.category];
        if (!o || told.has(o[0]) || !f.has(o[0])) return t.text;
        told.add(o[0]);
        return `${t.text}，${o[1]}${f.ph(o[0])}`;
      });
      for (const [id, , alone] of Object.values(own)) if (!told.has(id) && f.has(id)) themed.push(`${alone}${f.ph(id)}`);
      if (themed.length) out.push([lead(f, 'theme'), themed.join('；')]);
      const jindu = clause(
        list([f.has('jindu-lectures') ? `禁毒普法授课${f.ph('jindu-lectures')}` : '', f.has('jindu-events') ? `禁毒宣传活动${f.ph('jindu-events')}${f.yoy('jindu-events')}` : '']),
        f.has('jindu-materials') ? `发放禁毒宣传资料${f.ph('jindu-materials')}` : '',
        f.has('jindu-audience') ? `禁毒宣传受众${f.ph('jindu-audience')}` : '',
      );
      if (jindu) out.push([lead(f, 'jindu'), `${held(f, 'jindu')}${jindu}`]);
      const fanzha = clause(f.has('fanzha-events') ? `${held(f, 'fanzha')}反诈宣传活动${f.ph('fanzha-events')}` : '', f.has('fanzha-audience') ? `反诈宣传覆盖人群${f.ph('fanzha-audience')}` : '');
      if (fanzha) out.push([lead(f, 'fanzha'), fanzha]);
      return out;
    },
  },
  {
    key: 'mediation',
    keywords: ['纠纷', '调解', '矛盾', '信访', '枫桥'],
    categories: [],
    indicatorArea: '矛盾纠纷化解',
    indicators: ['disputes-center', 'mediation-cases'],
    points: (f) => {
      const out: Array<[string, string]> = [];
      if (f.has('mediation-cases')) {
        const byKind = new Map<string, number>();
        for (const c of f.data.mediation) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
        const top = [...byKind.entries()].filter(([k]) => k !== '其他').sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([k]) => k);
        out.push([
          lead(f, 'mediate'),
          clause(
            `全年调解矛盾纠纷${f.ph('mediation-cases')}${f.yoy('mediation-cases')}`,
            f.has('mediation-success') ? `调解成功${f.ph('mediation-success')}` : '',
            f.has('mediation-success-rate') ? `调解成功率${f.ph('mediation-success-rate')}${f.yoy('mediation-success-rate')}` : '',
            top.length >= 2 ? `纠纷类型以${top.join('、')}为主` : '',
          ),
        ]);
      }
      if (f.has('disputes-center')) out.push([lead(f, 'center'), `村居和镇调解中心化解矛盾纠纷${f.ph('disputes-center')}${f.yoy('disputes-center')}`]);
      return out;
    },
  },
  {
    key: 'grassroots',
    keywords: ['基层', '明白人', '自治', '民主法治', '议事'],
    categories: ['mingbairen', 'democracy'],
    indicatorArea: '基层民主法治',
    indicators: ['mingbairen-sessions', 'democracy-meetings'],
    points: (f) => {
      const out: Array<[string, string]> = [];
      if (f.has('mingbairen-sessions')) {
        const reach = f.has('mingbairen-villages') ? `覆盖${f.ph('mingbairen-villages')}村（社区）` : '';
        out.push([lead(f, 'mingbairen'), clause(`${held(f, 'mingbairen')}“法律明白人”培训${f.ph('mingbairen-sessions')}${f.yoy('mingbairen-sessions')}`, reach)]);
      }
      if (f.has('democracy-meetings')) out.push([lead(f, 'democracy'), clause(`全年召开民主议事会议${f.ph('democracy-meetings')}${f.yoy('democracy-meetings')}`, f.coverage(['democracy'], '民主议事'))]);
      return out;
    },
  },
  {
    key: 'correction',
    keywords: ['矫正'],
    categories: [],
    indicatorArea: '社区矫正',
    indicators: ['correction-persons'],
    points: (f) => {
      const body = clause(
        f.has('correction-persons') ? `在册社区矫正对象${f.ph('correction-persons')}` : '',
        f.has('correction-check-rate') ? `社区矫正对象核查率${f.ph('correction-check-rate')}` : '',
        f.has('correction-plan-rate') ? `个性化矫正方案制定率${f.ph('correction-plan-rate')}` : '',
      );
      return body ? [[lead(f, 'correctionWork'), body]] : [];
    },
  },
  {
    key: 'review',
    keywords: ['复议', '诉讼', '应诉'],
    categories: [],
    indicatorArea: '行政复议与诉讼',
    indicators: ['admin-review-cases', 'admin-litigation-cases', 'leader-appearance-rate'],
    points: (f) => {
      const body = clause(
        f.has('admin-review-cases') ? `办理行政复议案件${f.ph('admin-review-cases')}` : '',
        f.has('admin-litigation-cases') ? `行政诉讼案件${f.ph('admin-litigation-cases')}` : '',
        f.has('leader-appearance-rate') ? `行政机关负责人出庭应诉率${f.ph('leader-appearance-rate')}` : '',
      );
      return body ? [[lead(f, 'reviewWork'), body]] : [];
    },
  },
  {
    key: 'other',
    keywords: ['其他'],
    categories: ['other'],
    indicatorArea: '自定义',
    indicators: [],
    points: (f) => {
      // meetings on the rule of law and 述法 are the leaders' part
      const told = new Set(f.leaderEntries.map((e) => e.id));
      const titles = [...new Set(f.entries('other').filter((e) => !told.has(e.id)).map((e) => e.title))].slice(0, 3);
      if (!titles.length) return [];
      return [[lead(f, 'otherWork'), `全年还开展了${titles.map(quoteTitle).join('')}${titles.length > 1 ? '等' : ''}工作`]];
    },
  },
];

const BUILT_IN_IDS = new Set(BUILT_IN_INDICATORS.map((d) => d.id));

/** The unit's own indicators of an area, as "名称12次" clauses. */
function customPoints(f: Facts, area: IndicatorDef['area']): string {
  const defs = (f.unit?.customIndicators ?? []).filter((d) => d.area === area && !BUILT_IN_IDS.has(d.id) && f.has(d.id));
  return defs.map((d) => `${d.name}${f.ph(d.id)}`).join('，');
}

/** "一是完善决策程序。编制…。二是…。" */
export function paragraphOf(points: Array<[string, string]>): string {
  if (points.length === 1) return `${points[0]![1]}。`;
  return points.map(([l, b], i) => `${chineseNumeral(i + 1)}是${l}。${b}。`).join('');
}

/** Every area with records (entries, typed figures or a custom indicator of its own) as a sub-part. */
export function measureAreas(f: Facts): AreaDraft[] {
  const out: AreaDraft[] = [];
  for (const area of AREAS) {
    const points = area.points(f);
    const custom = customPoints(f, area.indicatorArea);
    if (custom) points.push([lead(f, area.key === 'other' ? 'custom' : 'otherWork'), custom]);
    // entries of a category no point spoke of still show: the area names what was done
    const spoken = points.length > 0;
    if (!spoken) {
      const cats = area.categories.filter((c) => f.entries(c).length);
      if (!cats.length) continue;
      points.push([lead(f, 'otherWork'), `${held(f, area.key)}${cats.map(catName).join('、')}工作，${kinds(f, cats, '主要有') || '相关记录见台账'}`]);
    }
    out.push({ key: area.key, heading: f.pick.pick(`heading-${area.key}`, AREA_HEADINGS[area.key] ?? ['其他工作']), keywords: area.keywords, categories: area.categories, paragraph: paragraphOf(points), points });
  }
  return out;
}

/** The ledger categories each area speaks for, so coverage can be shown (study goes to 第一责任人). */
export function areaOfCategory(category: string): string | null {
  for (const a of AREAS) if (a.categories.includes(category)) return a.key;
  return category === 'study' ? 'firstResponsible' : null;
}

export const AREA_KEYWORDS: ReadonlyMap<string, readonly string[]> = new Map(AREAS.map((a) => [a.key, a.keywords]));
export const AREA_KEYS = AREAS.map((a) => a.key);
