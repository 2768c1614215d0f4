/**
 * The regulation's content items (举措和成效, 不足, 第一责任人, 下一年度安排) in a report's words.
 * The import maps level-1 headings to items with `contentItemOf`; the outline lists the items no
 * level-1 part is mapped to; the proofreader looks for each item wherever real reports put it —
 * a sub-part（二）, a level-3 item, a run-in sentence, or themed level-1 parts that together are
 * the measures — and says which heading it took for which item.
 */
import type { Part, Report } from '../domain/report';
import { REQUIRED_CONTENT_ITEMS, type ContentItem } from '../domain/vocabulary';
import { readHeadingNumber } from './headingNumbers';

/** The regulation's content item a heading answers, by meaning rather than exact wording. */
export function contentItemOf(heading: string, reportYear: number | null): ContentItem {
  const h = heading.replace(/\s+/g, '');
  if (/第一责任人|主要负责人|党政负责人|主要领导|一把手|履职|履行.{0,12}职责/.test(h)) return 'firstResponsible';
  if (/不足|问题|短板|差距|薄弱|困难/.test(h)) return 'shortcomings';
  const yearMatch = /(\d{4})年/.exec(h);
  const laterYear = yearMatch && reportYear !== null && Number(yearMatch[1]) > reportYear;
  if (/下一年|下一步|明年|来年|今后|展望/.test(h) || (/(安排|打算|计划|思路|要点|目标|谋划)/.test(h) && (laterYear || !/(举措|成效|情况)/.test(h))))
    return 'nextYear';
  if (/举措|成效|基本情况|推进情况|工作情况|开展情况|主要做法|做法|主要工作|进展|成绩|措施|落实情况|建设情况|完成情况|亮点|特色/.test(h)) return 'measures';
  return 'other';
}

/** The required items no level-1 part is mapped to (the outline's "尚无一级标题对应"), in the regulation's order. */
export function missingContentItems(parts: readonly Pick<Part, 'contentItem'>[]): ContentItem[] {
  const present = new Set(parts.map((p) => p.contentItem).filter(Boolean));
  return REQUIRED_CONTENT_ITEMS.filter((item) => !present.has(item));
}

export interface ItemSource {
  partId: string;
  /** the heading (or the opening words of a paragraph) taken for the item */
  heading: string;
  /** the heading of the part it sits in */
  partHeading: string;
  how: 'mapped' | 'heading' | 'sub-part' | 'run-in' | 'themed';
}

/** A paragraph's opening words when they read as a run-in heading: "（三）党政主要负责人履行…。" */
function runInLead(paragraph: string): string | null {
  const num = readHeadingNumber(paragraph);
  const from = num ? num.end : 0;
  const rest = paragraph.slice(from);
  const stop = rest.search(/[。：:！？]/);
  if (stop < 2 || stop > 60) return null;
  return rest.slice(0, stop);
}

/**
 * Where the report answers each required item. A level-1 part mapped to it wins; else a heading at
 * any level whose words name it; else a paragraph opening with such words; and the measures also
 * count as answered by themed level-1 parts (强化法治思维… / 坚持依法决策…) that hold text.
 */
export function contentItemSources(report: Pick<Report, 'parts'>, year: number | null): Map<ContentItem, ItemSource> {
  const found = new Map<ContentItem, ItemSource>();
  for (const p of report.parts) if (p.contentItem && !found.has(p.contentItem)) found.set(p.contentItem, { partId: p.id, heading: p.heading, partHeading: p.heading, how: 'mapped' });
  const visit = (parts: readonly Part[], depth: number) => {
    for (const p of parts) {
      const byHeading = contentItemOf(p.heading, year);
      if (byHeading !== 'other' && !found.has(byHeading)) found.set(byHeading, { partId: p.id, heading: p.heading, partHeading: p.heading, how: depth === 0 ? 'heading' : 'sub-part' });
      for (const text of p.paragraphs) {
        const lead = runInLead(text);
        if (!lead) continue;
        const item = contentItemOf(lead, year);
        if (item !== 'other' && item !== 'measures' && !found.has(item)) found.set(item, { partId: p.id, heading: lead, partHeading: p.heading, how: 'run-in' });
      }
      visit(p.children, depth + 1);
    }
  };
  visit(report.parts, 0);
  if (!found.has('measures')) {
    const hasText = (p: Part): boolean => p.paragraphs.some((t) => t.trim() !== '') || p.children.some(hasText);
    const themed = report.parts.filter((p) => (p.contentItem ?? 'other') === 'other' && contentItemOf(p.heading, year) === 'other' && hasText(p));
    if (themed.length) found.set('measures', { partId: themed[0]!.id, heading: themed.map((p) => p.heading).join('”“'), partHeading: themed[0]!.heading, how: 'themed' });
  }
  return found;
}

/** Which heading was taken for an item, in words: “坚持依法决策”, “强化法治思维”等部分, “A”中的“B”. */
export function sourceWords(src: ItemSource): string {
  return src.how === 'themed' ? `“${src.heading}”等部分` : src.how === 'run-in' ? `“${src.partHeading}”中的“${src.heading}”` : `“${src.heading}”`;
}
