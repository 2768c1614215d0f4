/**
 * The draft's phrase bank: our own wording for each kind of sentence, several ways of saying it, so
 * that sub-parts of one report (and one year's report and the next) do not read alike. A phrase
 * never claims more than the data: 明显 only for a rise the figures show, 持平 only for equal ones.
 *
 * A pick is deterministic (same data, same draft) but spread by a seed made from the unit and the
 * year, and a Picker never hands out the same phrase twice while others are left.
 */

/** FNV-1a of a string: a small stable seed. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Picker {
  private readonly used = new Set<string>();
  constructor(private readonly seed: string) {}

  /** One of `options` for `slot`, preferring phrases not used yet in this draft. */
  pick(slot: string, options: readonly string[]): string {
    if (!options.length) return '';
    const start = hash(`${this.seed}|${slot}`) % options.length;
    for (let i = 0; i < options.length; i++) {
      const o = options[(start + i) % options.length]!;
      if (!this.used.has(o)) {
        this.used.add(o);
        return o;
      }
    }
    return options[start]!;
  }
}

/** Run-in headings of the areas of work, by area key. */
export const AREA_HEADINGS: Record<string, readonly string[]> = {
  decision: ['坚持依法科学民主决策', '规范重大行政决策程序', '推进决策科学化民主化法治化'],
  enforcement: ['推进严格规范公正文明执法', '规范行政执法行为', '提升行政执法规范化水平'],
  open: ['深化政务公开', '推进政务公开标准化规范化', '做好政务信息主动公开'],
  service: ['完善公共法律服务', '推动公共法律服务就近可及', '发挥法律顾问和法律服务作用'],
  pufa: ['深入开展法治宣传教育', '扎实做好普法宣传', '推进全民普法走深走实'],
  mediation: ['多元化解矛盾纠纷', '做好矛盾纠纷排查调处', '推进矛盾纠纷就地化解'],
  grassroots: ['夯实基层民主法治基础', '推进基层依法治理', '加强基层法治队伍建设'],
  correction: ['规范社区矫正管理', '抓好社区矫正工作'],
  review: ['依法做好行政复议和应诉', '加强行政复议应诉工作'],
  other: ['统筹推进其他法治工作', '做好其他法治建设工作'],
};

/** Short lead sentences that open a point ("一是完善决策程序。"), by point key. */
export const POINT_LEADS: Record<string, readonly string[]> = {
  catalog: ['完善决策程序', '健全决策机制', '规范决策事项管理'],
  review: ['落实合法性审查', '把好合法性审查关', '推进合法性审查全覆盖'],
  adviser: ['发挥法律顾问作用', '用好法律顾问', '借助专业力量服务决策'],
  exam: ['加强执法队伍建设', '提升执法人员素质', '抓好执法资格管理'],
  inspect: ['规范执法检查', '开展执法检查', '加强涉企检查管理'],
  openInfo: ['主动公开政务信息', '做好信息公开', '拓展公开内容'],
  openWork: ['规范公开载体', '做好公开栏目维护', '推进基层政务公开'],
  lecture: ['开展法律顾问下村授课', '送法进村（社区）', '组织法律顾问讲法'],
  clinic: ['开展法律服务“坐诊”', '推进法律服务进村（社区）', '提供家门口的法律服务'],
  theme: ['抓好主题宣传', '突出重要节点宣传', '开展主题普法活动'],
  general: ['开展日常普法', '推进普法常态化', '广泛开展普法宣传'],
  jindu: ['开展禁毒宣传', '抓好禁毒普法', '推进禁毒宣传进村（社区）'],
  fanzha: ['开展反诈宣传', '做好防范电信网络诈骗宣传', '推进反诈宣传入户'],
  minfadian: ['宣传民法典', '推动民法典走进群众', '开展民法典主题宣传'],
  xianfa: ['弘扬宪法精神', '开展宪法宣传', '组织国家宪法日活动'],
  mediate: ['做好矛盾纠纷调解', '推进纠纷就地化解', '开展矛盾纠纷调处'],
  center: ['发挥调解组织作用', '依托调解中心化解纠纷', '用好各级调解力量'],
  mingbairen: ['培育“法律明白人”', '加强“法律明白人”队伍建设', '开展“法律明白人”培训'],
  democracy: ['推进民主议事', '规范村（社区）议事协商', '开展民主议事协商'],
  correctionWork: ['落实社区矫正监管', '规范社区矫正对象管理'],
  reviewWork: ['依法办理复议应诉案件', '做好行政复议和行政诉讼工作'],
  otherWork: ['做好其他法治工作', '统筹开展其他工作'],
  custom: ['推进特色工作', '做好本单位重点工作'],
};

/** Verbs for "held" an activity. */
export const HELD = ['开展', '组织', '举办'] as const;

/** Ways to say the activities reached every village: `{all}` is the village total placeholder. */
export const ALL_VILLAGES = ['覆盖全部{all}村（社区）', '实现全部{all}村（社区）全覆盖', '做到{all}村（社区）全覆盖'] as const;
/**
 * Part of the villages: `{n}` the number (a count the data gives), `{what}` the activity — named, so
 * two such counts in one report are not read as the same quantity by the proofreader.
 */
export const SOME_VILLAGES = ['{what}覆盖村（社区）{n}个', '{what}走进村（社区）{n}个'] as const;

/** Year-on-year wording, by what the figures show; rates rise and fall, counts grow and shrink. */
export const YOY: Record<'upMuch' | 'up' | 'same' | 'down', { count: readonly string[]; rate: readonly string[] }> = {
  upMuch: { count: ['较上年明显增加', '比上年明显增多'], rate: ['比上年明显提高', '较上年明显提升'] },
  up: { count: ['较上年有所增加', '比上年有所增多'], rate: ['比上年有所提高', '较上年有所提升'] },
  same: { count: ['与上年持平'], rate: ['与上年持平'] },
  down: { count: ['较上年有所减少', '比上年有所下降'], rate: ['比上年有所下降', '较上年有所降低'] },
};

/** Openings of the 不足 part. */
export const SHORTCOMING_INTROS = [
  '对照法治政府建设的要求和年初工作安排，本年度工作中还存在以下不足：',
  '回顾全年工作，对照年度工作安排，还存在以下差距和不足：',
  '在肯定成绩的同时，对照年度工作安排，工作中仍有以下不足：',
] as const;
/** How a point of the 不足 ends: the clerk writes the reason. */
export const REASON = ['主要原因是【请补充原因】', '原因在于【请补充原因】', '究其原因，【请补充原因】'] as const;

/** Openings of the 下一年度安排 part; `{next}` is the next year, `{unit}` the unit's short name. */
export const PLAN_INTROS = [
  '{next}年，{unit}将针对存在的不足，重点做好以下工作：',
  '{next}年，{unit}将围绕法治政府建设年度任务，着力抓好以下工作：',
  '{next}年，{unit}将坚持问题导向，重点推进以下工作：',
] as const;

/** Forward-looking points of the plan, by area key (what continuing the year's work means). */
export const PLAN_POINTS: Record<string, readonly string[]> = {
  decision: ['严格落实重大行政决策程序，做到合法性审查应审尽审', '继续规范重大行政决策，落实合法性审查和法律顾问参与决策'],
  enforcement: ['规范行政执法行为，统筹安排执法检查，落实执法人员持证上岗', '加强执法队伍管理，推进执法检查规范开展'],
  open: ['做好政务信息主动公开，及时更新基层重点领域信息', '推进政务公开标准化规范化，回应群众关切'],
  service: ['推动法律顾问下村授课和法律服务“坐诊”常态开展', '完善村（社区）公共法律服务，方便群众就近获得法律帮助'],
  pufa: ['围绕重要时间节点开展主题普法，推动普法宣传进村入户', '落实普法责任制，提升普法宣传的针对性'],
  mediation: ['做好矛盾纠纷排查调处，推动纠纷在基层化解', '健全调解工作机制，提升纠纷调解成效'],
  grassroots: ['加强“法律明白人”培养，规范村（社区）民主议事', '推进基层依法治理，发挥村（社区）议事协商作用'],
  correction: ['落实社区矫正对象日常监管和教育帮扶'],
  review: ['依法做好行政复议和行政应诉工作'],
  other: ['统筹做好其他各项法治建设工作'],
};

/** The three points the regulation asks of the principal leaders, with their headings. */
export const LEADER_HEADINGS: Record<'deploy' | 'study' | 'report', readonly string[]> = {
  deploy: ['亲自部署推动法治建设', '履行推进法治建设第一责任人职责', '研究部署法治建设重要工作'],
  study: ['带头尊法学法守法用法', '带头学法用法', '抓好领导干部学法'],
  report: ['落实述法和督促整改', '带头述法并抓好整改', '推进述法工作'],
};
