/**
 * Figures in imported sentences matched to indicators by meaning: the words before a number
 * ("调解矛盾纠纷120起") are compared with each indicator's name by shared character pairs, among
 * indicators with the same unit. Only offered; the clerk ticks what to take.
 */
import type { IndicatorDef } from '../../../src-shared/domain/indicatorSchema';
import type { Report } from '../../../src-shared/domain/report';
import type { IndicatorSuggestion } from '../../../src-shared/import/types';
import { flattenParts } from '../../../src-shared/report/walk';

const FIGURE = /(\d+(?:\.\d+)?)\s*(余|多)?\s*(场次|人次|场|条|次|份|人|名|起|件|个|项|%|％)/g;
/** words every indicator name shares, which would match anything */
const GENERIC = /全年|开展|各类|组织|年度|数量|情况|活动|事项|累计|共计|共|其中/g;
const SAME_UNIT: Record<string, string[]> = { 人: ['人', '名'], 名: ['名', '人'], '％': ['%'], 场次: ['场次', '场'], 场: ['场', '场次'] };

function pairs(s: string): Set<string> {
  const t = s.replace(GENERIC, '').replace(/[^\u4e00-\u9fff]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('。', at - 1), text.lastIndexOf('；', at - 1)) + 1;
  const ends = ['。', '；'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : text.length;
  return text.slice(start, end).trim().slice(0, 200);
}

/** `takes(def)`: whether the year can take a typed figure for the indicator (manual ones, and every counted one in a figures-only year). */
export function suggestIndicators(report: Report, defs: readonly IndicatorDef[], takes: (def: IndicatorDef) => boolean = (d) => d.source.type === 'manual'): IndicatorSuggestion[] {
  const named = defs.map((d) => ({ def: d, pairs: pairs(d.name) })).filter((d) => d.pairs.size > 0);
  const out: IndicatorSuggestion[] = [];
  const scan = (text: string, partId: string | null, paragraph: number) => {
    // end of the previous figure: two figures in one clause each get their own words
    let prevEnd = -1;
    for (const m of text.matchAll(FIGURE)) {
      const figureStart = prevEnd;
      prevEnd = m.index! + m[0].length - 1;
      if (m[2]) continue; // "40余起" is a rounded wording, not a figure to take
      const unit = m[3] === '％' ? '%' : m[3]!;
      const at = m.index!;
      // the clause before the figure says what it counts
      const clauseStart = Math.max(...['，', '。', '；', '：', ',', ';'].map((c) => text.lastIndexOf(c, at - 1)), figureStart) + 1;
      // …and what follows it in the same clause ("共有12名机关干部参加考试")
      const after = at + m[0].length;
      const ends = ['，', '。', '；', '：', ',', ';', '、'].map((c) => text.indexOf(c, after)).filter((i) => i >= 0);
      const nextFigure = text.slice(after).search(/\d/);
      const clauseEnd = Math.min(ends.length ? Math.min(...ends) : text.length, nextFigure >= 0 ? after + nextFigure : text.length);
      const clause = text.slice(clauseStart, at) + text.slice(after, clauseEnd);
      const cp = pairs(clause);
      if (!cp.size) continue;
      let best: { def: IndicatorDef; score: number } | null = null;
      for (const d of named) {
        const units = SAME_UNIT[unit] ?? [unit];
        if (!units.includes(d.def.measure)) continue;
        let hit = 0;
        for (const p of d.pairs) if (cp.has(p)) hit++;
        // most of the indicator's name is in the clause, or (for a short clause such as
        // "其中应急管理") nearly all of the clause is in the name
        const score = Math.max(hit / d.pairs.size, hit >= 3 ? (hit / cp.size) * 0.9 : 0);
        if (score >= 0.4 && (!best || score > best.score)) best = { def: d.def, score };
      }
      if (!best) continue;
      const value = Number(m[1]);
      if (!Number.isFinite(value)) continue;
      const figure = m[0];
      out.push({
        key: `${partId ?? 'preamble'}:${paragraph}:${at}`,
        indicatorId: best.def.id,
        name: best.def.name,
        value,
        measure: best.def.measure,
        computed: !takes(best.def),
        partId,
        paragraph,
        offset: at,
        length: figure.length,
        text: figure,
        excerpt: sentenceAround(text, at),
      });
    }
  };
  report.preamble.forEach((t, i) => scan(t, null, i));
  for (const p of flattenParts(report.parts)) p.paragraphs.forEach((t, i) => scan(t, p.id, i));
  return out;
}
