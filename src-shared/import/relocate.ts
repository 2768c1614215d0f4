/**
 * The preview's indicator suggestions point into the report as the file was read (part id,
 * paragraph, offset). The clerk may split or merge parts before committing, which moves
 * paragraphs; this finds each ticked figure again in the edited report by its sentence, so the
 * service can check and replace exactly the figure the clerk saw.
 */
import type { Part, Report } from '../domain/report';
import type { IndicatorSuggestion, TakenSuggestion } from './types';
import { findPart, flattenOutline } from '../report/outline';

interface Place {
  partId: string | null;
  paragraph: number;
  text: string;
}

function paragraphAt(report: Report, partId: string | null, paragraph: number): string | undefined {
  if (partId === null) return report.preamble[paragraph];
  return findPart(report.parts, partId)?.paragraphs[paragraph];
}

function places(report: Report): Place[] {
  const out: Place[] = report.preamble.map((text, paragraph) => ({ partId: null, paragraph, text }));
  for (const { part } of flattenOutline(report.parts) as Array<{ part: Part }>) {
    part.paragraphs.forEach((text, paragraph) => out.push({ partId: part.id, paragraph, text }));
  }
  return out;
}

/**
 * Where the suggestion's figure is in `edited`, or null when its sentence is no longer body text
 * (e.g. it became a heading). Tried first where it was; then wherever the sentence stands, closest
 * to the same part first.
 */
export function locate(original: Report, edited: Report, s: IndicatorSuggestion): Omit<TakenSuggestion, 'indicatorId' | 'value' | 'placeholder'> | null {
  const at = (text: string | undefined, offset: number) => text !== undefined && text.slice(offset, offset + s.length) === s.text;
  const same = paragraphAt(edited, s.partId, s.paragraph);
  if (at(same, s.offset)) return { partId: s.partId, paragraph: s.paragraph, offset: s.offset, length: s.length, text: s.text };
  const before = paragraphAt(original, s.partId, s.paragraph);
  if (before === undefined) return null;
  // the sentence (or, failing that, a stretch around the figure) anchors the search
  const anchors: Array<{ text: string; lead: number }> = [];
  const e = before.indexOf(s.excerpt);
  if (s.excerpt && e >= 0 && e <= s.offset) anchors.push({ text: s.excerpt, lead: s.offset - e });
  const from = Math.max(0, s.offset - 12);
  anchors.push({ text: before.slice(from, s.offset + s.length + 12), lead: s.offset - from });
  const all = places(edited);
  for (const a of anchors) {
    const hits = all.filter((p) => p.text.includes(a.text));
    const hit = hits.find((p) => p.partId === s.partId) ?? hits[0];
    if (!hit) continue;
    const offset = hit.text.indexOf(a.text) + a.lead;
    if (at(hit.text, offset)) return { partId: hit.partId, paragraph: hit.paragraph, offset, length: s.length, text: s.text };
  }
  return null;
}

/** The ticked suggestions as `import.commit` takes them. */
export function takenSuggestions(original: Report, edited: Report, list: IndicatorSuggestion[], placeholders: boolean): TakenSuggestion[] {
  return list.map((s) => {
    const where = locate(original, edited, s);
    return where
      ? { indicatorId: s.indicatorId, value: s.value, placeholder: placeholders, ...where }
      : // the figure is still taken as a value; only its sentence cannot become a placeholder
        { indicatorId: s.indicatorId, value: s.value, placeholder: false, partId: s.partId, paragraph: s.paragraph, offset: s.offset, length: s.length, text: s.text };
  });
}
