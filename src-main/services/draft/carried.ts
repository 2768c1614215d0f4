/**
 * Last year's report, sentence by sentence, offered beside the draft: a figure the import matched
 * to an indicator becomes that indicator's placeholder (so it prints this year's figure), a figure
 * no indicator matches stays as typed inside 【核对：…】, and last year's year numbers move on.
 */
import type { IndicatorDef } from '../../../src-shared/domain/indicatorSchema';
import type { IndicatorReading } from '../../../src-shared/domain/wording';
import type { Part, Report } from '../../../src-shared/domain/report';
import type { CarriedSentence, DraftPartKey } from '../../../src-shared/draft/types';
import { DRAFT_PART_ITEMS } from '../../../src-shared/draft/types';
import { flattenParts } from '../../../src-shared/text/walk';
import { scanFigures } from '../../../src-shared/text/figures';
import { pointMarkers } from '../../../src-shared/text/headingNumbers';
import { shiftYears } from '../../../src-shared/text/years';
import { findPlaceholders, placeholderToken } from '../../../src-shared/report/placeholders';
import { suggestIndicators } from '../import/suggest';
import { printText } from '../import/printText';

/** A paragraph's points (一是…。二是…。 each whole), else its sentences; short leftovers go. */
function sentences(text: string): string[] {
  // a point opens at the start or after 。/；, as the shared point markers find it
  const cuts = pointMarkers(text)
    .filter((m) => m.kind === 'shi' && (m.at === 0 || /[。；]/.test(text[m.at - 1]!)))
    .map((m) => m.at);
  const points = [0, ...cuts.filter((c) => c > 0)].map((c, i, all) => text.slice(c, all[i + 1] ?? text.length).trim());
  const list = points.length > 1 ? points : (text.match(/[^。！？]+[。！？]?/g) ?? []);
  return list.map((s) => s.trim()).filter((s) => s.replace(/\{\{[^}]*\}\}/g, '1').length >= 8);
}

export function carriedSentences(
  prev: Report,
  prevYear: number,
  year: number,
  key: DraftPartKey,
  defs: readonly IndicatorDef[],
  has: (id: string) => boolean,
  readings: ReadonlyMap<string, IndicatorReading>,
): CarriedSentence[] {
  const item = DRAFT_PART_ITEMS[key];
  const top = prev.parts.find((p) => p.contentItem === item);
  if (!top) return [];
  const out: CarriedSentence[] = [];
  for (const part of flattenParts([top]) as Part[]) {
    for (const s of part.paragraphs.flatMap(sentences)) {
      // one paragraph per sentence, so the import's matcher reads it in its own clause
      const probe: Report = { title: '', recipient: '', preamble: [], parts: [{ id: 'x', heading: '', runIn: false, paragraphs: [s], status: '草稿', children: [] }], signature: { enabled: false, name: '', date: '' } };
      const matched = new Map(suggestIndicators(probe, defs, () => true).map((m) => [m.offset, m]));
      const unmatched: string[] = [];
      const tokens = findPlaceholders(s);
      let text = '';
      let last = 0;
      for (const f of scanFigures(s)) {
        const at = f.coreOffset;
        const typed = s.slice(at, at + f.coreLength);
        if (tokens.some((t) => at >= t.start && at < t.end)) continue;
        text += s.slice(last, at);
        const hit = matched.get(at);
        if (hit && has(hit.indicatorId)) text += placeholderToken(hit.indicatorId, false);
        else {
          unmatched.push(typed);
          text += `【核对：${typed}】`;
        }
        last = at + typed.length;
      }
      text = shiftYears(text + s.slice(last), prevYear, year);
      // a placeholder this year has no figure for cannot print: it is marked too
      for (const t of findPlaceholders(text).reverse())
        if (!has(t.id)) {
          unmatched.push(t.id);
          text = `${text.slice(0, t.start)}【核对：${readings.get(t.id)?.def.name ?? t.id}】${text.slice(t.end)}`;
        }
      out.push({ text, printed: printText(text, readings).text, unmatched, from: part.heading || top.heading });
    }
  }
  return out;
}
