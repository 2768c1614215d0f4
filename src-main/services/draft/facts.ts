/**
 * What the year's records say, in the form the draft's sentences need: a placeholder for each
 * indicator that has a figure, year-on-year direction where both years have the figure, the
 * entries of a category, the villages they reached, the notable activities by name and month.
 */
import type { IndicatorReading } from '../../../src-shared/domain/wording';
import type { LedgerEntry } from '../../../src-shared/domain/ledger';
import type { Unit } from '../../../src-shared/domain/unit';
import type { YearData } from '../../../src-shared/domain/year';
import type { DraftCount, DraftFigures } from '../../../src-shared/draft/types';
import { placeholderToken } from '../../../src-shared/report/placeholders';
import { hasData } from '../../../src-shared/proofread/figures';
import { computeReadings, isFilled } from '../indicators/compute';
import { ALL_VILLAGES, Picker, SOME_VILLAGES, YOY } from './phrases';

export type Trend = 'upMuch' | 'up' | 'same' | 'down';

export interface DraftInput {
  unit: Unit | null;
  data: YearData;
  /** the year before, when the data folder has it */
  prev: YearData | null;
  figures: DraftFigures;
}

/** Holidays and campaigns a real report names: found by the entry's title, or by its date and category. */
const THEMES: Array<{ name: string; title: RegExp; date?: (md: string, cat: string) => boolean }> = [
  { name: '宪法宣传周', title: /宪法宣传周|宪法日|宪法宣誓|12[·.．]4/, date: (md, cat) => md >= '12-01' && md <= '12-07' && cat !== 'other' },
  { name: '民法典宣传月', title: /民法典宣传月/, date: (md, cat) => md.startsWith('05-') && cat === 'minfadian' },
  { name: '国际禁毒日', title: /国际禁毒日|6[·.．]26|禁毒日/, date: (md, cat) => md >= '06-20' && md <= '06-30' && (cat === 'jindu' || cat === 'jindu-lecture') },
  { name: '全民国家安全教育日', title: /国家安全教育日|4[·.．]15/ },
  { name: '“3·15”消费者权益日', title: /3[·.．]15|消费者权益/ },
  { name: '全国防灾减灾日', title: /防灾减灾日/ },
  { name: '全国法制宣传日', title: /法制宣传日|法治宣传日/ },
];

export const LEADER_MEETING = /专题会议|专题研究|常务会议|党委会|党工委会|研究部署|部署会|法治建设.{0,6}会/;
export const LEADER_REPORTING = /述法|述职述廉|年终述职/;
/** entries of these categories are the adviser's or the reviewer's work, not the leaders' meetings */
const NOT_LEADERS = new Set(['adviser-support', 'adviser-lecture', 'legality-review', 'clinic']);

const month = (date: string) => `${Number(date.slice(5, 7))}月`;

export class Facts {
  readonly unit: Unit | null;
  readonly data: YearData;
  readonly year: number;
  readonly readings: Map<string, IndicatorReading>;
  readonly prevReadings: Map<string, IndicatorReading> | null;
  readonly pick: Picker;
  readonly used = new Set<string>();
  readonly counts: DraftCount[] = [];
  private readonly byCategory = new Map<string, LedgerEntry[]>();
  private readonly villageNames = new Map<string, string>();
  /** entries that speak of the principal leaders (meetings on the rule of law, 述法): the 第一责任人 part tells them */
  readonly leaderEntries: LedgerEntry[];

  constructor(private readonly input: DraftInput) {
    this.unit = input.unit;
    this.data = input.data;
    this.year = input.data.year;
    this.readings = computeReadings(input.unit, input.data);
    this.prevReadings = input.prev ? computeReadings(input.unit, input.prev) : null;
    this.pick = new Picker(`${input.unit?.shortName ?? ''}|${input.data.year}`);
    for (const e of input.data.ledger) {
      let list = this.byCategory.get(e.category);
      if (!list) this.byCategory.set(e.category, (list = []));
      list.push(e);
    }
    for (const v of input.unit?.villages ?? []) this.villageNames.set(v.id, v.name);
    this.leaderEntries = input.data.ledger.filter((e) => !NOT_LEADERS.has(e.category) && e.category !== 'study' && (LEADER_MEETING.test(e.title) || LEADER_REPORTING.test(e.title)));
  }

  get unitName(): string {
    return this.unit?.shortName ?? '我单位';
  }

  /** Whether the year has a figure for the indicator (typed, or counted from entries that exist). */
  has(id: string): boolean {
    const r = this.readings.get(id);
    return !!r && hasData(r) && isFilled(r, this.data, this.readings);
  }

  /** The indicator's placeholder (the clerk's 约数 when there is one and they prefer it), or '' without a figure. */
  ph(id: string): string {
    if (!this.has(id)) return '';
    const r = this.readings.get(id)!;
    this.used.add(id);
    return placeholderToken(id, this.input.figures === 'wording' && r.wording !== '');
  }

  /** This year's figure against last year's, only when both years have it. */
  trend(id: string): Trend | null {
    if (!this.prevReadings || !this.input.prev || !this.has(id)) return null;
    const p = this.prevReadings.get(id);
    if (!p || !hasData(p) || !isFilled(p, this.input.prev, this.prevReadings)) return null;
    const now = this.readings.get(id)!.value!;
    const before = p.value;
    if (now === before) return 'same';
    if (now < before) return 'down';
    const isRate = this.readings.get(id)!.def.measure === '%';
    // 明显: a rate up by 5 points or more, a count up by 30% or more
    return (isRate ? now - before >= 5 : before > 0 && now >= before * 1.3) ? 'upMuch' : 'up';
  }

  /** "，较上年有所增加" or '' (no comparison the figures do not carry). */
  yoy(id: string): string {
    const t = this.trend(id);
    if (!t) return '';
    const isRate = this.readings.get(id)!.def.measure === '%';
    return `，${this.pick.pick(`yoy-${id}`, YOY[t][isRate ? 'rate' : 'count'])}`;
  }

  entries(...categories: string[]): LedgerEntry[] {
    return categories.flatMap((c) => this.byCategory.get(c) ?? []);
  }

  categoriesWithEntries(): string[] {
    return [...this.byCategory.keys()];
  }

  village(id: string | undefined): string {
    return (id && this.villageNames.get(id)) || '';
  }

  /** Villages reached by entries of these categories, and the unit's total. */
  reach(categories: string[]): { reached: Set<string>; total: number } {
    const reached = new Set<string>();
    for (const e of this.entries(...categories)) if (e.villageId && this.villageNames.has(e.villageId)) reached.add(e.villageId);
    return { reached, total: this.villageNames.size };
  }

  /**
   * Coverage as words: all villages by the village-total placeholder, or how many (a count the data
   * gives, listed in `counts`); '' when the entries name no village.
   */
  coverage(categories: string[], what: string): string {
    const { reached, total } = this.reach(categories);
    if (!reached.size || !total) return '';
    if (reached.size === total && this.has('village-count'))
      return this.pick.pick(`all-${what}`, ALL_VILLAGES).replace('{all}', this.ph('village-count'));
    const text = this.pick.pick(`some-${what}`, SOME_VILLAGES).replace('{what}', what).replace('{n}', String(reached.size));
    this.counts.push({ text: `${reached.size}个`, what: `${what}覆盖的村（社区）数`, value: reached.size, categories: [...categories] });
    return text;
  }

  /** The activities a report names: campaign days found by title or date, then the one with most people. */
  notable(categories: string[], limit = 2): Notable[] {
    const list = this.entries(...categories);
    if (!list.length) return [];
    const out: Notable[] = [];
    const seen = new Set<string>();
    for (const theme of THEMES) {
      const hit = list.filter((e) => theme.title.test(e.title) || theme.date?.(e.date.slice(5), e.category)).sort((a, b) => a.date.localeCompare(b.date))[0];
      if (!hit || seen.has(hit.id)) continue;
      seen.add(hit.id);
      out.push({ entry: hit, text: this.activity(hit, theme.title.test(hit.title) ? null : theme.name) });
      if (out.length >= limit) return out;
    }
    const biggest = list.filter((e) => (e.participants ?? 0) > 0 && !seen.has(e.id)).sort((a, b) => (b.participants ?? 0) - (a.participants ?? 0) || a.date.localeCompare(b.date))[0];
    if (biggest && out.length < limit) out.push({ entry: biggest, text: `${this.activity(biggest, null)}，是全年参与人数最多的一场` });
    return out;
  }

  /** "12月，在锦绣社区开展“宪法宣传周”活动"; `theme` names the campaign when the title does not. */
  activity(e: LedgerEntry, theme: string | null): string {
    const where = this.village(e.villageId);
    const held = this.pick.pick(`held-${e.id}`, ['开展', '组织', '举办']);
    return `${month(e.date)}，${theme ? `${theme}期间` : ''}${where ? `在${where}` : ''}${held}${quoteTitle(e.title)}`;
  }

  /** The most frequent kinds of work among the entries, by their titles. */
  topTitles(categories: string[], limit = 3): string[] {
    const n = new Map<string, number>();
    for (const e of this.entries(...categories)) n.set(e.title, (n.get(e.title) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([t]) => t);
  }
}

export interface Notable {
  entry: LedgerEntry;
  text: string;
}

/**
 * Titles as a list a sentence can hold, ending in 等: "安全生产法、未成年人保护法等主题普法宣传" when
 * they share a tail that names the activity (the tail dropped when it only repeats the category's
 * name: "政府合同、重大行政决策等"), else each in quotes ("“A”“B”等", no 顿号 between quotes).
 */
export function titleList(titles: readonly string[], categoryName = ''): string {
  if (titles.length >= 2) {
    let tail = titles[0]!;
    for (const t of titles) while (tail && !t.endsWith(tail)) tail = tail.slice(1);
    // the shared tail starts where a word does ("劳动合同法主题普法宣传": 主题…, not 法主题…)
    const word = TAIL_START.exec(tail);
    tail = word ? tail.slice(word.index) : '';
    const heads = titles.map((t) => t.slice(0, t.length - tail.length));
    if (tail.length >= 2 && ACTIVITY_NOUN.test(tail) && heads.every((h) => h.replace(/[“”]/g, '').length >= 2 && !VERB_END.test(h)))
      return `${heads.join('、')}等${tail.length >= 4 && tail !== categoryName ? tail : ''}`;
  }
  return `${titles.map(quoteTitle).join('')}等`;
}
const TAIL_START = /联合|专项|主题|专题|普法|宣传|合法性|审查|检查|培训|授课|活动|会议|讲座|学习|集中|学法/;
const ACTIVITY_NOUN = /宣传|审查|检查|培训|授课|活动|会议|讲座|学习|学法/;
const VERB_END = /[出提开组举进参列为对的]$/;

/** A title in “…”, unless it already carries quotes of its own (no nested “…“…”…”). */
export function quoteTitle(title: string): string {
  return /[“”"]/.test(title) ? title.replace(/"/g, '') : `“${title}”`;
}
