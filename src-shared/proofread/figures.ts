/**
 * Figures in the text against each other and against the year's data: `rate-arithmetic`,
 * `text-vs-data`, `same-figure-differs`, `approx-exact`. A figure is a number with a counting unit
 * (20次, 1500余份, 超过5000人, 95%); years, dates and figures inside 《…》 or “…” are not read.
 */
import type { IndicatorReading } from '../domain/wording';
import { roundStep, wordingProblem } from '../domain/wording';
import { findPlaceholders, placeholderToken } from '../report/placeholders';
import { formatNumber } from '../report/printedReport';
import { finding, type Finding } from './finding';
import type { CheckText } from './context';
import { clauseEnd, clauseStart, inSpans, quotedSpans } from '../text/clauses';
import { scanFigures } from '../text/figures';
import { keywordsOf, unitGroup, type Keyword } from './keywords';

export interface Mention {
  t: CheckText;
  /** span of the whole figure (qualifier, number, unit) in the text */
  offset: number;
  length: number;
  /** span of number and unit only (what a placeholder replaces when the figure is exact) */
  coreOffset: number;
  coreLength: number;
  value: number;
  raw: string;
  /** the figure as a wording ("40余", "超过5000"), or '' when exact */
  wording: string;
  unit: string;
  /** a placeholder printed by the export, not typed */
  placeholder: boolean;
  indicator: string | null;
  /** words naming the quantity, for figures no indicator matches */
  name: string;
}

interface IndicatorIndex {
  /** keywords with their indicator and unit group, longest first */
  entries: Array<Keyword & { id: string; group: string }>;
}

const indexCache = new WeakMap<ReadonlyMap<string, IndicatorReading>, IndicatorIndex>();
function indexOf(readings: ReadonlyMap<string, IndicatorReading>): IndicatorIndex {
  let idx = indexCache.get(readings);
  if (!idx) {
    const entries: IndicatorIndex['entries'] = [];
    for (const r of readings.values()) for (const k of keywordsOf(r.def)) entries.push({ ...k, id: r.def.id, group: unitGroup(r.def.measure) });
    entries.sort((a, b) => b.word.length - a.word.length);
    idx = { entries };
    indexCache.set(readings, idx);
  }
  return idx;
}

const TOTAL_CUE = /全年|各类|共计|共|累计|年内|全镇|全街道|全乡|总计|本年度/;

/**
 * The indicator a figure talks about: the longest keyword before it in its clause, else after it;
 * a weak keyword counts only with its cue (see keywords.ts). No match means the figure is not judged.
 */
function matchIndicator(text: string, offset: number, end: number, unit: string, idx: IndicatorIndex): string | null {
  const group = unitGroup(unit);
  const from = clauseStart(text, offset);
  const to = clauseEnd(text, end);
  const before = text.slice(from, offset);
  const after = text.slice(end, to);
  const isTotal = TOTAL_CUE.test(text.slice(from, to));
  let sentence: string | null = null;
  const ok = (e: IndicatorIndex['entries'][number]) => {
    if (e.group !== group || (e.total && !isTotal)) return false;
    if (!e.cue) return true;
    sentence ??= text.slice(clauseStart(text, offset, 'sentence'), clauseEnd(text, end, 'sentence'));
    return sentence.includes(e.cue);
  };
  // one word naming two indicators by their cues ("禁毒和反诈宣传，覆盖群众800人") names neither:
  // a figure that cannot be told apart is not judged
  const pick = (hit: (e: IndicatorIndex['entries'][number]) => boolean): string | null | undefined => {
    const e = idx.entries.find((x) => hit(x) && ok(x));
    if (!e) return undefined;
    return e.cue && idx.entries.some((x) => x.word === e.word && x.id !== e.id && ok(x)) ? null : e.id;
  };
  const found = pick((e) => !e.adjacentAfter && before.includes(e.word));
  if (found !== undefined) return found;
  return pick((e) => (e.adjacentAfter ? after.startsWith(e.word) : after.includes(e.word))) ?? null;
}

const LEAD_WORDS = /^(?:[一二三四五六七八九十]+是|其中|全年|年内|共计|累计|共|全镇|全街道|全乡|本年度|今年|组织|开展)+/;
const TAIL_WORDS = /(?:共计|累计|共|达到|达|为|约|近|超过|超|逾|将近|大约)+$/;

function quantityName(text: string, offset: number): string {
  const s = text.slice(clauseStart(text, offset), offset).replace(LEAD_WORDS, '').replace(TAIL_WORDS, '').slice(-12);
  return /^[\u4e00-\u9fff（）“”]{4,}$/.test(s) ? s : '';
}

/** Every figure of one text, typed or printed by a placeholder. */
export function figuresOf(t: CheckText, readings: ReadonlyMap<string, IndicatorReading>): Mention[] {
  const text = t.masked;
  const out: Mention[] = [];
  const idx = indexOf(readings);
  const quoted = quotedSpans(text);
  for (const f of scanFigures(text)) {
    if (inSpans(quoted, f.offset)) continue;
    out.push({
      t,
      offset: f.offset,
      length: f.length,
      coreOffset: f.coreOffset,
      coreLength: f.coreLength,
      value: f.value,
      raw: `${f.number}${f.wan ? '万' : ''}`,
      wording: f.wording,
      unit: f.unit,
      placeholder: false,
      indicator: matchIndicator(text, f.offset, f.offset + f.length, f.unit, idx),
      name: quantityName(text, f.offset),
    });
  }
  if (t.text.includes('{{')) {
    for (const p of findPlaceholders(t.text)) {
      const r = readings.get(p.id);
      if (!r || r.value === null) continue;
      out.push({
        t,
        offset: p.start,
        length: p.end - p.start,
        coreOffset: p.start,
        coreLength: p.end - p.start,
        value: r.value,
        raw: String(r.value),
        wording: p.rounded ? r.wording : '',
        unit: r.def.measure,
        placeholder: true,
        indicator: p.id,
        name: '',
      });
    }
    out.sort((a, b) => a.offset - b.offset);
  }
  return out;
}

/**
 * Whether the year holds data for an indicator: a typed figure, or a count over ledger entries
 * that exist. An empty ledger counts 0, which is "nothing recorded", not "none happened": an
 * imported report in an empty year must not light up every number. Likewise a unit whose villages
 * were never entered has no village count — "15个村（社区）" is then not judged against 0.
 */
export function hasData(r: IndicatorReading | undefined): r is IndicatorReading & { value: number } {
  if (!r || r.value === null) return false;
  const t = r.def.source.type;
  return t === 'manual' || t === 'rate' || r.value > 0;
}


/** The figures a year holds by indicator id (`ProofreadInput.lastYear` from last year's readings). */
export function figuresHeld(readings: Iterable<IndicatorReading>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of readings) if (hasData(r)) out.set(r.def.id, r.value);
  return out;
}

/** An interval of values a figure claims: 40余 → (40, 60), 近50 → [40, 50], 20 → [20, 20]. */
function claimed(m: Mention): [number, number] {
  const v = m.value;
  if (!m.wording) return [v, v];
  if (/^(近|将近)/.test(m.wording)) return [v * 0.8, v];
  if (/^(约|大约)/.test(m.wording)) return [v * 0.8, v * 1.2];
  if (/以上$/.test(m.wording)) return [v, Infinity];
  return [v + 1e-9, Math.max(v * 1.5, v + 10)];
}

/** 2087 → 2000, 1563 → 1500, 87 → 80: a rounded-down figure with two significant digits at most. */
export function roundDown(n: number): number {
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.floor(n / scale) * scale;
}

/** Whether a typed figure states a value: the exact number, or a wording the value bears out. */
function states(m: Mention, value: number): boolean {
  return m.wording ? wordingProblem(m.wording, value) === null : m.value === value;
}

/**
 * `carried-over`: a typed figure that states last year's value of its indicator and not this
 * year's — text carried from last year's report (新建下一年度 with 沿用上年正文) whose figures were
 * not updated. With this year's data it is an error (the figure is last year's); without it yet,
 * a reminder to update it once the year's data is in. Null when the figure is not last year's.
 */
function carriedOver(m: Mention & { indicator: string }, r: IndicatorReading | undefined, last: LastYear | null): Finding | null {
  const prev = last?.values.get(m.indicator);
  if (prev === undefined || !r || !states(m, prev)) return null;
  const typed = m.t.text.slice(m.offset, m.offset + m.length);
  const lastData = `${formatNumber(prev)}${r.def.measure}`;
  const fix = { label: '改用占位符', replacement: placeholderToken(m.indicator, false) };
  if (hasData(r)) {
    if (states(m, r.value)) return null;
    const data = `${formatNumber(r.value)}${r.def.measure}`;
    return finding(m.t, 'carried-over', '错误', `“${typed}”是${last!.year}年指标“${r.def.name}”的数字（${lastData}），本年度是${data}；请更新`, m.offset, m.length, fix);
  }
  // no figure of this year yet: a placeholder would print nothing (or a count of 0), so no fix
  return finding(m.t, 'carried-over', '提醒', `“${typed}”与${last!.year}年指标“${r.def.name}”的数字（${lastData}）相同，像是沿用上年的正文；本年度数据录入后请更新`, m.offset, m.length);
}

/**
 * `carried-over` for a typed figure the keywords tie to no indicator ("共列入事项8件"): when it is,
 * number and measure, one of last year's figures and not this year's, it is named as possibly
 * carried — a reminder, since the match is by value alone. Null otherwise.
 */
function carriedUnnamed(m: Mention, readings: ReadonlyMap<string, IndicatorReading>, last: LastYear | null): Finding | null {
  if (!last || m.wording || !m.unit) return null;
  for (const [id, prev] of last.values) {
    const r = readings.get(id);
    if (!r || prev !== m.value || r.def.measure !== m.unit || r.def.source.type === 'villageCount') continue;
    if (hasData(r) && r.value === m.value) return null;
    const typed = m.t.text.slice(m.offset, m.offset + m.length);
    return finding(m.t, 'carried-over', '提醒', `“${typed}”与${last.year}年指标“${r.def.name}”的数字（${formatNumber(prev)}${r.def.measure}）相同，可能是沿用上年的正文；请核对后更新`, m.offset, m.length);
  }
  return null;
}

export interface LastYear {
  year: number;
  values: ReadonlyMap<string, number>;
}

/** `text-vs-data`, `carried-over` and the data half of `approx-exact`, for one text's typed figures. */
export function checkFiguresAgainstData(mentions: readonly Mention[], readings: ReadonlyMap<string, IndicatorReading>, last: LastYear | null = null): Finding[] {
  const out: Finding[] = [];
  for (const m of mentions) {
    if (m.placeholder) continue;
    if (!m.indicator) {
      const unnamed = carriedUnnamed(m, readings, last);
      if (unnamed) out.push(unnamed);
      continue;
    }
    const r = readings.get(m.indicator);
    const carried = carriedOver(m as Mention & { indicator: string }, r, last);
    if (carried) {
      out.push(carried);
      continue;
    }
    if (!hasData(r)) continue;
    const name = r.def.name;
    const data = `${formatNumber(r.value)}${r.def.measure}`;
    const typed = m.t.text.slice(m.offset, m.offset + m.length);
    if (!m.wording) {
      if (m.value === r.value) {
        // the village count is the unit's, not the year's, and a typed rate (100%) reads naturally:
        // a typed match is no news there
        if (r.def.source.type === 'villageCount' || m.unit === '%') continue;
        out.push(
          finding(m.t, 'text-vs-data', '提醒', `“${typed}”是手写的数字，与指标“${name}”一致；改用占位符后数据变了也会跟着变`, m.coreOffset, m.coreLength, {
            label: '改用占位符',
            replacement: placeholderToken(m.indicator, false),
          }),
        );
      } else if (m.unit !== '%' && m.value >= 10 && m.value % 10 === 0 && r.value > m.value && r.value < m.value + roundStep(m.value)) {
        out.push(
          finding(m.t, 'approx-exact', '提醒', `“${typed}”像是准确数，但指标“${name}”是${data}：约数应写作“${m.raw}余${m.unit}”`, m.coreOffset, m.coreLength, {
            label: `改为“${m.raw}余${m.unit}”`,
            replacement: `${m.raw}余${m.unit}`,
          }),
        );
      } else {
        out.push(
          finding(m.t, 'text-vs-data', '错误', `正文写“${typed}”，本年度指标“${name}”是${data}`, m.coreOffset, m.coreLength, {
            label: '改用占位符',
            replacement: placeholderToken(m.indicator, false),
          }),
        );
      }
      continue;
    }
    const problem = wordingProblem(m.wording.replace(/以上$/, '以上'), r.value);
    if (problem) {
      out.push(
        finding(m.t, 'text-vs-data', '错误', `正文写“${typed}”，本年度指标“${name}”是${data}`, m.offset, m.length, {
          label: '改用占位符',
          replacement: placeholderToken(m.indicator, false),
        }),
      );
    } else if (r.wording && r.wording === m.wording) {
      out.push(
        finding(m.t, 'text-vs-data', '提醒', `“${typed}”是手写的约数，与指标“${name}”的表述一致；可改用占位符`, m.offset, m.length, {
          label: '改用占位符',
          replacement: placeholderToken(m.indicator, true),
        }),
      );
    }
  }
  return out;
}

/** `approx-exact` by form: 余/超过/近 with a number that looks exact (2087余). */
export function checkApproxForm(mentions: readonly Mention[], readings: ReadonlyMap<string, IndicatorReading>): Finding[] {
  const out: Finding[] = [];
  for (const m of mentions) {
    if (m.placeholder) {
      // a rounded placeholder prints the stored wording: it must agree with the figure
      const r = readings.get(m.indicator!);
      if (m.wording && r) {
        const problem = wordingProblem(r.wording, r.value);
        if (problem) out.push(finding(m.t, 'approx-exact', '错误', `指标“${r.def.name}”的约数${problem}`, m.offset, m.length));
      }
      continue;
    }
    if (!m.wording || m.unit === '%' || /以上$/.test(m.wording)) continue;
    const n = Number(m.raw.replace('万', ''));
    if (n < 10 || n % 10 === 0 || !Number.isInteger(n)) continue;
    const rounded = roundDown(n);
    const typed = m.t.text.slice(m.offset, m.offset + m.length);
    const fixed = typed.replace(m.raw.replace('万', ''), String(rounded));
    out.push(
      finding(m.t, 'approx-exact', '提醒', `“${typed}”是约数，却用了准确数字；约数一般取整，如“${fixed}”`, m.offset, m.length, {
        label: `改为“${fixed}”`,
        replacement: fixed,
      }),
    );
  }
  return out;
}

/** `rate-arithmetic`: 参加考试20人，通过17人，通过率95% — the rate must be 通过 ÷ 参加. */
export function checkRates(mentions: readonly Mention[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const rate = mentions[i]!;
    if (rate.unit !== '%') continue;
    const text = rate.t.masked;
    const lead = text.slice(clauseStart(text, rate.offset), rate.offset);
    const stem = /([\u4e00-\u9fff]{2})率(?:为|达到|达|是|实现)?$/.exec(lead)?.[1];
    if (!stem) continue;
    const sentence = clauseStart(text, rate.offset, 'sentence');
    const earlier = mentions.slice(0, i).filter((m) => m.offset >= sentence && m.unit !== '%');
    let k = earlier.length - 1;
    while (k >= 0 && !text.slice(clauseStart(text, earlier[k]!.offset), earlier[k]!.offset).includes(stem)) k--;
    if (k < 1) continue;
    const num = earlier[k]!;
    let j = k - 1;
    while (j >= 0 && unitGroup(earlier[j]!.unit) !== unitGroup(num.unit)) j--;
    if (j < 0) continue;
    const den = earlier[j]!;
    if (num.wording || den.wording || rate.wording || den.value <= 0 || (num.placeholder && den.placeholder && rate.placeholder)) continue;
    const computed = Math.round((num.value / den.value) * 1000) / 10;
    const tolerance = Number.isInteger(rate.value) ? 1 : 0.1;
    if (Math.abs(computed - rate.value) < tolerance) continue;
    const shown = rate.placeholder ? `${formatNumber(rate.value)}%` : rate.t.text.slice(rate.offset, rate.offset + rate.length);
    out.push(
      finding(
        rate.t,
        'rate-arithmetic',
        '错误',
        `${stem}率${shown}与前文不符：${formatNumber(num.value)}÷${formatNumber(den.value)}=${formatNumber(computed)}%`,
        rate.offset,
        rate.length,
        rate.placeholder ? undefined : { label: `改为${formatNumber(computed)}%`, replacement: `${formatNumber(computed)}%` },
      ),
    );
  }
  return out;
}

/**
 * `same-figure-differs`: one quantity quoted twice with numbers that cannot both be true. Figures
 * are the same quantity when they match the same indicator (and the year has no data for it — else
 * `text-vs-data` already speaks), or when the same words name them.
 */
export function checkSameFigure(all: readonly Mention[], readings: ReadonlyMap<string, IndicatorReading>): Finding[] {
  const out: Finding[] = [];
  const flagged = new Set<Mention>();
  const conflict = (first: Mention, m: Mention) => {
    const [lo, hi] = claimed(first);
    const [a, b] = claimed(m);
    if (a <= hi && b >= lo) return;
    flagged.add(m);
    const before = first.placeholder ? `${formatNumber(first.value)}${first.unit}` : first.t.text.slice(first.offset, first.offset + first.length);
    const here = m.t.text.slice(m.offset, m.offset + m.length);
    out.push(finding(m.t, 'same-figure-differs', '错误', `“${here}”与“${first.t.where}”中的“${before}”说的是同一件事，数字不一致`, m.offset, m.length));
  };
  // figures of one indicator (the year has no data for it — else text-vs-data already speaks)
  const groups = new Map<string, Mention[]>();
  const named: Mention[] = [];
  for (const m of all) {
    if (m.indicator) {
      if (hasData(readings.get(m.indicator))) continue;
      const g = groups.get(m.indicator);
      if (g) g.push(m);
      else groups.set(m.indicator, [m]);
    } else if (m.name) named.push(m);
  }
  for (const g of groups.values()) for (const m of g.slice(1)) if (!m.placeholder) conflict(g[0]!, m);
  // figures named by the same words: "开展法治讲座12场" and "虽然开展法治讲座15场" (one name ends the other)
  for (let i = 1; i < named.length; i++) {
    const m = named[i]!;
    for (let j = 0; j < i && !flagged.has(m); j++) {
      const o = named[j]!;
      if (unitGroup(o.unit) !== unitGroup(m.unit)) continue;
      if (o.name.endsWith(m.name) || m.name.endsWith(o.name)) conflict(o, m);
    }
  }
  return out;
}

