/**
 * The report against the regulation: every required content item has a part, no part is empty,
 * every placeholder has a figure to print.
 */
import type { Part } from '../domain/report';
import type { IndicatorReading } from '../domain/wording';
import { CONTENT_ITEM_LABELS, REQUIRED_CONTENT_ITEMS } from '../domain/vocabulary';
import { contentItemSources, sourceWords } from '../text/contentItems';
import { findPlaceholders } from '../report/placeholders';
import { finding, wholeFinding, type Finding } from './finding';
import type { CheckText, ProofreadReport } from './context';

/**
 * `missing-content-item`: a required item of the regulation the report does not answer anywhere —
 * not by a level-1 part mapped to it, nor by a heading at any level, a run-in sentence, or (for
 * the measures) themed level-1 parts. Where an item is answered by a part not mapped to it, a
 * 提醒 says which heading was taken for it, so the clerk can map it in the outline.
 */
export function checkContentItems(report: ProofreadReport, year: number | null = null): Finding[] {
  const sources = contentItemSources(report, year);
  const out: Finding[] = [];
  for (const item of REQUIRED_CONTENT_ITEMS) {
    const src = sources.get(item);
    const label = CONTENT_ITEM_LABELS[item];
    if (!src) {
      out.push(wholeFinding(null, 'report', 'missing-content-item', '错误', `报告缺少规定内容：“${label}”（在提纲中为一个一级部分选择对应内容项）`, label));
      continue;
    }
    if (src.how === 'mapped') continue;
    out.push(wholeFinding(src.partId, 'heading', 'missing-content-item', '提醒', `规定内容“${label}”取自${sourceWords(src)}；可在提纲中为对应部分选择这一内容项`, label));
  }
  return out;
}

/** `empty-part`: a part with neither text nor sub-parts prints as a bare heading. */
export function checkEmptyPart(part: Part): Finding[] {
  if (part.children.length || part.paragraphs.some((t) => t.trim())) return [];
  const name = part.heading.trim() || '无标题部分';
  return [wholeFinding(part.id, 'body', 'empty-part', '错误', '这一部分还没有正文（写上正文或子部分，或删去这一部分）', name)];
}

/** `placeholder-no-data`: a placeholder whose indicator has no figure (or no longer exists). */
export function checkPlaceholders(t: CheckText, readings: ReadonlyMap<string, IndicatorReading>): Finding[] {
  if (!t.text.includes('{{')) return [];
  const out: Finding[] = [];
  for (const p of findPlaceholders(t.text)) {
    const r = readings.get(p.id);
    const ok = r && (r.value !== null || (p.rounded && r.wording));
    if (ok) continue;
    const msg = r ? `指标“${r.def.name}”还没有数值，导出时无法填入` : `引用的指标“${p.id}”已不存在`;
    out.push(finding(t, 'placeholder-no-data', '错误', msg, p.start, p.end - p.start));
  }
  return out;
}
