import type { Implements } from '../../../src-shared/methods/declare';
import type { YEARS_METHODS } from '../../../src-shared/methods/years';
import { summarizeYear as summarize } from '../../store';
import { emptyYear, type YearData } from '../../../src-shared/domain/year';
import { readIfReadable } from '../../store';
import { AppError } from '../../../src-shared/errors';
import { YEAR_MIN } from '../../../src-shared/domain/limits';
import { requireUnit, type ServiceContext } from '../context';
import { carryReport, templateReport } from '../reportTemplate';
import type { NewYearStart } from '../../../src-shared/domain/vocabulary';

/** The methods declared in src-shared/methods/years.ts, no more, no less. */
type H = Implements<typeof YEARS_METHODS>;

export function yearsHandlers(ctx: ServiceContext): H {
  const create = async ({ year, fromYear, start }: { year: number; fromYear?: number | undefined; start: NewYearStart }) => {
    const unit = await requireUnit(ctx);
    if (await ctx.store.readYear(year)) throw new AppError('CONFLICT', `${year}年度已存在`);
    let report = templateReport(unit, year);
    if (fromYear !== undefined) {
      const prev = await ctx.store.readYear(fromYear);
      if (!prev) throw new AppError('NOT_FOUND', `没有${fromYear}年度的数据，无法沿用其报告结构`);
      report = carryReport(prev.report, unit, fromYear, year, start);
    }
    const data = emptyYear(year, report);
    await ctx.store.createYear(data);
    return summarize(data);
  };
  const blank = async (year: number): Promise<YearData> => {
    const unit = await requireUnit(ctx);
    return emptyYear(year, templateReport(unit, year));
  };
  return {
    'years.create': ({ year, fromYear, start }) => create({ year, fromYear, start: start ?? 'headings' }),
    async 'years.createNext'({ after, start }) {
      const years = await ctx.store.listYears();
      // the year after the one the clerk is looking at (issue 13), else after the newest
      if (after !== undefined) {
        if (!years.includes(after)) throw new AppError('NOT_FOUND', `没有${after}年度的数据`);
        return create({ year: after + 1, fromYear: after, start });
      }
      const newest = years.at(-1);
      // the outline the clerk last worked on is the one to carry into the new year, as they chose
      return newest === undefined ? create({ year: ctx.now().getFullYear(), start }) : create({ year: newest + 1, fromYear: newest, start });
    },
    async 'years.createPrevious'() {
      // last year's figures for 同比 and the 上年 column in the first year of use: a year that holds
      // only indicator values typed by hand, the counted ones included (there is no ledger behind them)
      await requireUnit(ctx);
      const years = await ctx.store.listYears();
      const earliest = years[0];
      if (earliest === undefined) throw new AppError('NOT_FOUND', '还没有任何年度，请先新建本年度');
      const year = earliest - 1;
      if (year < YEAR_MIN) throw new AppError('VALIDATION', `年度不能早于${YEAR_MIN}`);
      const data = {
        ...(await blank(year)),
        figuresOnly: true,
      } satisfies YearData;
      await ctx.store.createYear(data);
      return summarize(data);
    },
    async 'years.list'() {
      const out = [];
      for (const y of await ctx.store.listYears()) {
        // a damaged year is listed by data.damaged; the others stay usable
        const s = await readIfReadable(() => ctx.store.readYearSummary(y));
        if (s) out.push(s);
      }
      return out;
    },
  };
}
