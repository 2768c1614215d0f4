import type { Implements } from '../../../src-shared/methods/declare';
import type { PLAN_METHODS } from '../../../src-shared/methods/plan';
import { AppError } from '../../../src-shared/errors';
import type { PlanChecklist } from '../../../src-shared/import/types';
import { requireYear, type ServiceContext } from '../context';
import { computeReadings } from '../indicators/compute';
import { printText } from '../import/printText';
import { checklistPoints, planPart, unfinishedText } from '../import/planPoints';

/** The methods declared in src-shared/methods/plan.ts, no more, no less. */
type H = Implements<typeof PLAN_METHODS>;

async function checklist(ctx: ServiceContext, year: number): Promise<PlanChecklist> {
  const data = await requireYear(ctx, year);
  const prev = await ctx.store.readYear(year - 1);
  const part = prev ? planPart(prev.report) : null;
  const unit = (await ctx.store.readUnit())?.unit ?? null;
  const readings = prev && part ? computeReadings(unit, prev) : null;
  const points = checklistPoints(part, data.planMarks, (t) => (readings ? printText(t, readings).text : t));
  return {
    year,
    fromYear: prev && part ? prev.year : null,
    fromHeading: part?.heading ?? '',
    points,
    unfinishedText: prev && part ? unfinishedText(prev.year, points) : '',
    shortcomingsPartId: data.report.parts.find((p) => p.contentItem === 'shortcomings')?.id ?? null,
  };
}

export function planHandlers(ctx: ServiceContext): H {
  return {
    'plan.checklist': ({ year }) => checklist(ctx, year),
    async 'plan.setStatus'({ year, key, status }) {
      const current = await checklist(ctx, year);
      const point = current.points.find((p) => p.key === key);
      if (!point) throw new AppError('NOT_FOUND', current.fromYear === null ? `${year - 1}年度没有“下一年度安排”部分，没有可标记的事项` : '上年度安排中没有这个事项（可能已被修改），请刷新后再试');
      await ctx.store.updateYear(year, (d) => {
        const marks = { ...(d.planMarks ?? {}) };
        if (status === '未标记') delete marks[key];
        else marks[key] = status;
        d.planMarks = marks;
      });
      return checklist(ctx, year);
    },
  };
}
