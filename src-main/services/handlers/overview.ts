import type { Overview } from '../../../src-shared/contract';
import type { DeadlineStatus } from '../../../src-shared/methods/overview';
import type { Implements } from '../../../src-shared/methods/declare';
import type { OVERVIEW_METHODS } from '../../../src-shared/methods/overview';
import { CONTENT_ITEMS, CONTENT_ITEM_LABELS, PART_STATUSES, type PartStatus } from '../../../src-shared/domain/report';
import { wordingProblem } from '../../../src-shared/domain/wording';
import type { Finding } from '../../../src-shared/proofread/finding';
import { wholeFinding } from '../../../src-shared/proofread/finding';
import { findPlaceholders } from '../../../src-shared/report/placeholders';
import { isoDate, requireUnit, requireYear, type ServiceContext } from '../context';
import { computeReadings, isFilled } from '../indicators/compute';
import { flattenParts, reportTexts } from '../../../src-shared/text/walk';
import { lastYearFigures, yearFindings } from './proofread';
import { reportCalendar } from '../../../src-shared/dates';
import { contentItemSources, sourceWords } from '../../../src-shared/text/contentItems';

/** The methods declared in src-shared/methods/overview.ts, no more, no less. */
type H = Implements<typeof OVERVIEW_METHODS>;

function daysBetween(fromIso: string, toIso: string): number {
  const a = Date.UTC(...(fromIso.split('-').map(Number) as [number, number, number]).map((n, i) => (i === 1 ? n - 1 : n)) as [number, number, number]);
  const b = Date.UTC(...(toIso.split('-').map(Number) as [number, number, number]).map((n, i) => (i === 1 ? n - 1 : n)) as [number, number, number]);
  return Math.round((b - a) / 86_400_000);
}


export function overviewHandlers(ctx: ServiceContext): H {
  return {
    async 'overview.get'({ year, today }) {
      const unit = await requireUnit(ctx);
      const data = await requireYear(ctx, year);
      const readings = computeReadings(unit, data);
      const todayIso = today ?? isoDate(ctx.now());
      const all = flattenParts(data.report.parts);
      const parts = Object.fromEntries(PART_STATUSES.map((s) => [s, 0])) as Record<PartStatus, number>;
      for (const p of all) parts[p.status]++;
      const present = new Set(data.report.parts.map((p) => p.contentItem).filter(Boolean));
      // an item is written when its part, or a part under it, has body text
      const written = new Set(
        data.report.parts.filter((p) => flattenParts([p]).some((q) => q.paragraphs.some((t) => t.trim()))).map((p) => p.contentItem).filter(Boolean),
      );

      // the report's slips are the proofreader's findings; an indicator's rounded wording that
      // disagrees with its figure is one too, unless the text already marks it where it is used
      const sources = contentItemSources(data.report, year);
      const warnings: Finding[] = yearFindings(unit, data, await lastYearFigures(ctx, unit, year));
      const usedRounded = new Set<string>();
      for (const { text } of reportTexts(data.report)) for (const p of findPlaceholders(text)) if (p.rounded) usedRounded.add(p.id);
      let filled = 0;
      for (const r of readings.values()) {
        if (isFilled(r, data, readings)) filled++;
        // a rate over 100% is told once, at the rate (its parts carry the same message)
        const rateProblem = r.def.source.type === 'rate' ? r.problem : null;
        const problem = rateProblem ?? (usedRounded.has(r.def.id) ? null : wordingProblem(r.wording, r.value));
        if (problem)
          warnings.push({
            ...wholeFinding(null, 'report', rateProblem ? 'rate-arithmetic' : 'approx-exact', '提醒', `指标“${r.def.name}”：${problem}`, `${r.def.name}：${r.wording}`),
            where: '指标录入',
          });
      }

      // what the store repaired on its own this run (a file put back from a backup, a restore
      // finished after a crash): reads that skip damaged files would otherwise leave it untold
      const notices: string[] = ctx.store.recoveryNotices().map((n) => n.message);
      const villages = new Set(unit.villages.map((v) => v.id));
      const orphans = [...data.ledger, ...data.mediation].filter((e) => e.villageId && !villages.has(e.villageId)).length;
      if (data.figuresOnly) notices.push(`${year}年度只录入指标数值（供下一年度同比），台账与报告不需填写`);
      if (orphans) notices.push(`有${orphans}条记录关联的村（社区）已不在单位设置中`);

      const { due, dueRule, publishBy } = reportCalendar(year);
      const years = await ctx.store.listYears();
      const daysLeft = daysBetween(todayIso, due);
      const finals = data.exports.filter((x) => !x.draft);
      const exportedOn = finals.length ? isoDate(new Date(finals.at(-1)!.at)) : null;
      // a year gone by is no emergency: no red count of days for a year the clerk has moved on from
      const status: DeadlineStatus = data.figuresOnly
        ? 'figuresOnly'
        : daysLeft >= 0
          ? 'open'
          : exportedOn !== null || years.some((y) => y > year)
            ? 'past'
            : 'overdue';
      const overview: Overview = {
        unit,
        year,
        years,
        indicators: { filled, total: readings.size },
        parts,
        contentItems: CONTENT_ITEMS.map((item) => {
          // an item no level-1 part is mapped to may still be answered where real reports put it
          const src = present.has(item) ? undefined : sources.get(item);
          const from = src && all.find((p) => p.id === src.partId);
          const taken = !!src && (src.how === 'run-in' || src.how === 'themed' || (!!from && flattenParts([from]).some((q) => q.paragraphs.some((t) => t.trim()))));
          return { item, label: CONTENT_ITEM_LABELS[item], present: present.has(item) || !!src, hasText: written.has(item) || taken, takenFrom: src ? sourceWords(src) : null };
        }),
        deadline: { due, dueRule, publishBy, daysLeft, status, exportedOn },
        ledgerCount: data.ledger.length,
        mediationCount: data.mediation.length,
        warnings,
        notices,
      };
      return overview;
    },
  };
}
