/**
 * The report against the regulation: every required content item has a part, no part is empty,
 * every placeholder has a figure to print.
 */
import type { Part } from '../domain/report';
import type { IndicatorReading } from '../domain/wording';
import { CONTENT_ITEM_LABELS } from '../domain/vocabulary';
import { missingContentItems } from '../report/contentItems';
import { findPlaceholders } from '../report/placeholders';
import type { Finding } from './finding';
import { finding, wholeFinding, type CheckText, type ProofreadReport } from './context';

/** `missing-content-item`: a required item of the regulation no level-1 part answers. */
export function checkContentItems(report: ProofreadReport): Finding[] {
  return missingContentItems(report.parts).map((item) =>
    wholeFinding(null, 'report', 'missing-content-item', '错误', `报告缺少规定内容：“${CONTENT_ITEM_LABELS[item]}”（在提纲中为一个一级部分选择对应内容项）`, CONTENT_ITEM_LABELS[item]),
  );
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
