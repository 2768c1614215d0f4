/**
 * The first draft of a year's report from its own records (issue 21): which parts, where in the
 * current report each piece of text belongs, the placeholders it uses with their values today.
 */
import type { Part, Report } from '../../../src-shared/domain/report';
import { CONTENT_ITEM_LABELS } from '../../../src-shared/domain/vocabulary';
import { findLedgerCategory } from '../../../src-shared/catalog/ledgerCategories';
import type { DraftPart, DraftPartKey, DraftSection, DraftText, ReportDraft } from '../../../src-shared/draft/types';
import { DRAFT_PARTS, DRAFT_PART_ITEMS } from '../../../src-shared/draft/types';
import type { PlanPoint } from '../../../src-shared/import/types';
import { formatReading } from '../../../src-shared/report/printedReport';
import { printText } from '../import/printText';
import { checklistPoints, planPart } from '../import/planPoints';
import { indicatorDefs } from '../indicators/compute';
import { carriedSentences } from './carried';
import { Facts, type DraftInput } from './facts';
import { areaOfCategory, measureAreas, paragraphOf, type AreaDraft } from './measures';
import { gaps, leaderSections, planText, shortcomingsText } from './remarks';

export type { DraftInput } from './facts';

/** Whether a part (with its sub-parts) has body text: headings alone (a carried outline) do not count. */
export function hasBody(p: Part): boolean {
  return p.paragraphs.some((t) => t.trim() !== '') || (p.tables ?? []).length > 0 || p.children.some(hasBody);
}

/** The existing sub-part whose heading names the area ("深化政务公开和法律服务" takes 政务公开 and 法律服务). */
function matchChild(children: readonly Part[], keywords: readonly string[]): Part | null {
  let best: { part: Part; at: number } | null = null;
  for (const c of children)
    for (const k of keywords) {
      const at = c.heading.indexOf(k);
      if (at >= 0 && (!best || at < best.at)) best = { part: c, at };
    }
  return best?.part ?? null;
}

export interface DraftRequest extends DraftInput {
  parts: readonly DraftPartKey[];
}


export function makeDraft(req: DraftRequest): ReportDraft {
  const f = new Facts(req);
  const report = req.data.report;
  const text = (t: string): DraftText => ({ text: t, printed: printText(t, f.readings).text });
  const prevPlan = req.prev ? planPart(req.prev.report) : null;
  const plan: PlanPoint[] = checklistPoints(prevPlan, req.data.planMarks);
  const defs = indicatorDefs(req.unit);

  // the areas are always worked out: the plan and the coverage speak of them too
  const areas = measureAreas(f);
  const found = gaps(f, plan);

  const target = (key: DraftPartKey) => report.parts.find((p) => p.contentItem === DRAFT_PART_ITEMS[key]) ?? null;
  const sectionsFor = (top: Part | null, list: Array<{ key: string; heading: string; keywords: readonly string[]; paragraph: string }>): DraftSection[] =>
    list.map((s) => {
      const child = top ? matchChild(top.children, s.keywords) : null;
      return { key: s.key, heading: s.heading, paragraphs: [text(s.paragraph)], targetPartId: child?.id ?? null, targetHeading: child?.heading ?? null };
    });

  const parts: DraftPart[] = [];
  for (const key of DRAFT_PARTS) {
    if (!req.parts.includes(key)) continue;
    const top = target(key);
    let paragraphs: string[] = [];
    let sections: DraftSection[] = [];
    if (key === 'measures') sections = mergeShared(sectionsFor(top, areas), areas).map((x) => ({ ...x, paragraphs: x.paragraphs.map((p) => text(p.text)) }));
    else if (key === 'shortcomings') paragraphs = shortcomingsText(f, found);
    else if (key === 'plan') paragraphs = planText(f, found, plan, areas);
    else {
      const leaders = leaderSections(f);
      // a part without sub-parts takes the points as paragraphs; with sub-parts, each where it belongs
      if (top && top.children.length) sections = sectionsFor(top, leaders.map((l) => ({ ...l, keywords: LEADER_KEYWORDS[l.key] })));
      else paragraphs = leaders.map((l) => l.paragraph);
    }
    parts.push({
      key,
      item: DRAFT_PART_ITEMS[key],
      label: CONTENT_ITEM_LABELS[DRAFT_PART_ITEMS[key]],
      targetPartId: top?.id ?? null,
      targetHeading: top?.heading ?? null,
      targetHasText: top ? hasBody(top) : false,
      paragraphs: paragraphs.map(text),
      sections,
      carried: req.prev ? carriedSentences(req.prev.report, req.prev.year, req.data.year, key, defs, (id) => f.has(id), f.readings) : [],
    });
  }

  const placeholders = [...f.used].map((id) => {
    const r = f.readings.get(id)!;
    return { id, name: r.def.name, value: r.value, printed: formatReading(r, false) ?? '', wording: r.wording, origin: r.origin };
  });
  return {
    year: req.data.year,
    lastYear: f.prevReadings ? req.prev!.year : null,
    figures: req.figures,
    parts,
    placeholders,
    counts: f.counts,
    coverage: coverageOf(f, areas),
  };
}

/**
 * Areas that go into one sub-part the clerk wrote ("深化政务公开和法律服务" takes 政务公开 and
 * 法律服务) become one paragraph numbered as one list, not two lists each starting at 一是.
 */
function mergeShared(sections: DraftSection[], areas: AreaDraft[]): DraftSection[] {
  const out: DraftSection[] = [];
  const points = new Map<DraftSection, AreaDraft['points']>();
  for (const [i, s] of sections.entries()) {
    const into = s.targetPartId ? out.find((o) => o.targetPartId === s.targetPartId) : undefined;
    if (!into) {
      out.push(s);
      points.set(s, [...areas[i]!.points]);
      continue;
    }
    const merged = [...points.get(into)!, ...areas[i]!.points];
    points.set(into, merged);
    into.key = `${into.key}+${s.key}`;
    into.paragraphs = [{ text: paragraphOf(merged), printed: '' }];
  }
  return out;
}

const LEADER_KEYWORDS: Record<'deploy' | 'study' | 'report', readonly string[]> = {
  deploy: ['部署', '第一责任', '推动', '谋划'],
  study: ['学法', '尊法', '守法'],
  report: ['述法', '督促', '整改', '问题'],
};

function coverageOf(f: Facts, areas: AreaDraft[]): ReportDraft['coverage'] {
  const drafted = new Set(areas.map((a) => a.key));
  return f.categoriesWithEntries().map((c) => {
    const area = areaOfCategory(c);
    const leaders = f.leaderEntries.some((e) => e.category === c);
    const where = area === 'firstResponsible' ? '第一责任人' : area && drafted.has(area) ? areas.find((a) => a.key === area)!.heading : leaders ? '第一责任人' : null;
    return { category: c, name: findLedgerCategory(c)?.name ?? c, entries: f.entries(c).length, where };
  });
}

/**
 * The draft written into the report's empty parts only (`fazhi draft --apply`): a level-1 part that
 * has body text is left as it is; a missing one is added. Sub-parts go into the empty sub-part
 * whose heading names their area, or are added after the others; a carried sub-part the draft has
 * nothing for gets 【请补充】 so no heading prints bare.
 */
export function applyDraft(report: Report, draft: ReportDraft, newId: () => string): { report: Report; written: string[]; skipped: string[] } {
  const written: string[] = [];
  const skipped: string[] = [];
  let parts = [...report.parts];
  for (const d of draft.parts) {
    const at = parts.findIndex((p) => p.contentItem === d.item);
    const top: Part = at >= 0 ? parts[at]! : { id: newId(), heading: d.key === 'plan' ? `${draft.year + 1}年主要安排` : d.label, runIn: false, paragraphs: [], status: '草稿', contentItem: d.item, children: [] };
    if (hasBody(top)) {
      skipped.push(d.label);
      continue;
    }
    const children = top.children.map((c) => ({ ...c, paragraphs: [...c.paragraphs] }));
    for (const s of d.sections) {
      const into = s.targetPartId ? children.find((c) => c.id === s.targetPartId) : undefined;
      if (into) into.paragraphs.push(...s.paragraphs.map((p) => p.text));
      else children.push({ id: newId(), heading: s.heading, runIn: true, paragraphs: s.paragraphs.map((p) => p.text), status: '草稿', children: [] });
    }
    for (const c of children) if (!hasBody(c)) c.paragraphs = ['【请补充】'];
    const next: Part = { ...top, paragraphs: d.paragraphs.map((p) => p.text), children };
    if (at >= 0) parts[at] = next;
    else parts = insertInOrder(parts, next);
    written.push(d.label);
  }
  return { report: { ...report, parts }, written, skipped };
}

/** A new level-1 part goes before the first part of a later content item (the regulation's order). */
function insertInOrder(parts: Part[], part: Part): Part[] {
  const order = ['measures', 'shortcomings', 'firstResponsible', 'nextYear', 'other'];
  const mine = order.indexOf(part.contentItem ?? 'other');
  const before = parts.findIndex((p) => p.contentItem && order.indexOf(p.contentItem) > mine);
  return before < 0 ? [...parts, part] : [...parts.slice(0, before), part, ...parts.slice(before)];
}
