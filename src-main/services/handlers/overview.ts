import type { Handlers, Overview } from '../../../src-shared/contract';
import { CONTENT_ITEMS, CONTENT_ITEM_LABELS, REQUIRED_CONTENT_ITEMS, PART_STATUSES, type PartStatus } from '../../../src-shared/domain/report';
import { wordingProblem } from '../../../src-shared/domain/indicators';
import { missingMessage, renderReport } from '../../../src-shared/report/render';
import { signatureNameOf } from '../../../src-shared/domain/unit';
import { isoDate, requireUnit, requireYear, type ServiceContext } from '../context';
import { computeReadings } from '../indicators/compute';
import { proofread } from '../proofread';
import { flattenParts } from '../../../src-shared/report/walk';

type H = Pick<Handlers, 'overview.get'>;

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
      const warnings: string[] = [];

      const all = flattenParts(data.report.parts);
      const parts = Object.fromEntries(PART_STATUSES.map((s) => [s, 0])) as Record<PartStatus, number>;
      for (const p of all) parts[p.status]++;

      const present = new Set(data.report.parts.map((p) => p.contentItem).filter(Boolean));
      for (const item of REQUIRED_CONTENT_ITEMS)
        if (!present.has(item)) warnings.push(`报告缺少规定内容：“${CONTENT_ITEM_LABELS[item]}”`);
      for (const p of all)
        if (!p.paragraphs.some((t) => t.trim()) && !p.children.length) warnings.push(`“${p.heading || '无标题部分'}”还没有正文`);

      const { missing } = renderReport({
        report: data.report,
        readings,
        unitSignatureName: signatureNameOf(unit),
        unitRecipient: unit.recipient,
        today: todayIso,
      });
      if (missing.length) warnings.push(missingMessage(missing, '导出前需要补齐'));

      let filled = 0;
      for (const r of readings.values()) {
        if (r.value !== null) filled++;
        // a rate over 100% is told once, at the rate (its parts carry the same message)
        const problem = (r.def.source.type === 'rate' ? r.problem : null) ?? wordingProblem(r.wording, r.value);
        if (problem) warnings.push(`指标“${r.def.name}”：${problem}`);
      }
      warnings.push(...proofread(data.report));

      const villages = new Set(unit.villages.map((v) => v.id));
      const orphans = [...data.ledger, ...data.mediation].filter((e) => e.villageId && !villages.has(e.villageId)).length;
      if (orphans) warnings.push(`有${orphans}条记录关联的村（社区）已不在单位设置中`);

      const due = `${year + 1}-03-31`;
      const overview: Overview = {
        unit,
        year,
        years: await ctx.store.listYears(),
        indicators: { filled, total: readings.size },
        parts,
        contentItems: CONTENT_ITEMS.map((item) => ({ item, label: CONTENT_ITEM_LABELS[item], present: present.has(item) })),
        deadline: { due, publishBy: `${year + 1}-04-01`, daysLeft: daysBetween(todayIso, due) },
        ledgerCount: data.ledger.length,
        mediationCount: data.mediation.length,
        warnings,
      };
      return overview;
    },
  };
}
