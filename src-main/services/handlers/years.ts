import type { Handlers } from '../../../src-shared/contract';
import { summarizeYear as summarize } from '../../store';
import { YEAR_FILE_VERSION, type YearData } from '../../../src-shared/domain/year';
import { AppError } from '../../../src-shared/errors';
import { requireUnit, type ServiceContext } from '../context';
import { carryReport, templateReport } from '../reportTemplate';

type H = Pick<Handlers, 'years.list' | 'years.create'>;

export function yearsHandlers(ctx: ServiceContext): H {
  return {
    async 'years.list'() {
      const out = [];
      for (const y of await ctx.store.listYears()) {
        const d = await ctx.store.readYear(y);
        if (d) out.push(summarize(d));
      }
      return out;
    },
    async 'years.create'({ year, fromYear }) {
      const unit = await requireUnit(ctx);
      if (await ctx.store.readYear(year)) throw new AppError('CONFLICT', `${year}年度已存在`);
      let report = templateReport(unit, year);
      if (fromYear !== undefined) {
        const prev = await ctx.store.readYear(fromYear);
        if (!prev) throw new AppError('NOT_FOUND', `没有${fromYear}年度的数据，无法沿用其报告结构`);
        report = carryReport(prev.report, unit, fromYear, year);
      }
      const data: YearData = { version: YEAR_FILE_VERSION, year, values: {}, ledger: [], mediation: [], report, exports: [] };
      await ctx.store.createYear(data);
      return summarize(data);
    },
  };
}
