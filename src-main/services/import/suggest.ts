/**
 * Figures in imported sentences matched to indicators by meaning: the words before a number
 * ("调解矛盾纠纷120起") are compared with each indicator's name by shared character pairs, among
 * indicators with the same unit. Only offered; the clerk ticks what to take.
 */
import type { IndicatorDef } from '../../../src-shared/domain/indicatorSchema';
import type { Report } from '../../../src-shared/domain/report';
import type { IndicatorSuggestion } from '../../../src-shared/import/types';
import { reportSlots } from '../../../src-shared/text/walk';
import { scanFigures } from '../../../src-shared/text/figures';
import { clauseAround, clauseEnd, clauseStart } from '../../../src-shared/text/clauses';

/** words every indicator name shares, which would match anything */
const GENERIC = /全年|开展|各类|组织|年度|数量|情况|活动|事项|累计|共计|共|其中/g;
const SAME_UNIT: Record<string, string[]> = { 人: ['人', '名'], 名: ['名', '人'], 场次: ['场次', '场'], 场: ['场', '场次'] };

function pairs(s: string): Set<string> {
  const t = s.replace(GENERIC, '').replace(/[^\u4e00-\u9fff]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** `takes(def)`: whether the year can take a typed figure for the indicator (manual ones, and every counted one in a figures-only year). */
export function suggestIndicators(report: Report, defs: readonly IndicatorDef[], takes: (def: IndicatorDef) => boolean = (d) => d.source.type === 'manual'): IndicatorSuggestion[] {
  const named = defs.map((d) => ({ def: d, pairs: pairs(d.name) })).filter((d) => d.pairs.size > 0);
  const out: IndicatorSuggestion[] = [];
  const scan = (text: string, partId: string | null, paragraph: number) => {
    const figures = scanFigures(text);
    figures.forEach((m, n) => {
      // a rounded wording ("40余起", "超过500人") is not a figure to take; neither is 1.5万 read as 1.5
      if (m.wording || m.wan) return;
      const unit = m.unit;
      const at = m.coreOffset;
      const after = at + m.coreLength;
      // the clause before the figure says what it counts (from the end of the previous figure, so
      // two figures in one clause each get their own words) …and what follows it in the same
      // clause, up to the next figure ("共有12名机关干部参加考试")
      const prev = figures[n - 1];
      const start = Math.max(clauseStart(text, at), prev ? prev.coreOffset + prev.coreLength : 0);
      const next = figures[n + 1];
      const end = Math.min(clauseEnd(text, after), next ? next.coreOffset : text.length);
      const clause = text.slice(start, at) + text.slice(after, Math.max(after, end));
      const cp = pairs(clause);
      if (!cp.size) return;
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
      if (!best) return;
      const value = m.value;
      if (!Number.isFinite(value)) return;
      const figure = text.slice(at, after);
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
        excerpt: clauseAround(text, at, 'sentence').trim().slice(0, 200),
      });
    });
  };
  for (const s of reportSlots(report)) if (s.field !== 'heading') scan(s.text, s.partId, s.paragraph);
  return out;
}
