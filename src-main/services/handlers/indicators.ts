import type { IndicatorRow } from '../../../src-shared/contract';
import type { Implements } from '../../../src-shared/methods/declare';
import type { INDICATOR_METHODS } from '../../../src-shared/methods/indicators';
import { wordingProblem, type IndicatorReading } from '../../../src-shared/domain/wording';
import type { Unit } from '../../../src-shared/domain/unit';
import { AppError } from '../../../src-shared/errors';
import { indicatorValueProblem, normalizeIndicatorValue } from '../../../src-shared/domain/indicatorValue';
import { findPlaceholders } from '../../../src-shared/report/placeholders';
import type { Report } from '../../../src-shared/domain/report';
import { reportTexts } from '../../../src-shared/text/walk';
import type { ServiceContext } from '../context';
import { requireUnit, requireYear } from '../context';
import { computeReadings, indicatorDefs, typedIn } from '../indicators/compute';
import { newCustomIndicatorId } from '../../../src-shared/domain/customIndicators';

import { readIfReadable } from '../../store';

/** The methods declared in src-shared/methods/indicators.ts, no more, no less. */
type H = Implements<typeof INDICATOR_METHODS>;

function toRow(r: IndicatorReading, last: IndicatorReading | undefined): IndicatorRow {
  return { ...r, lastYear: last?.value ?? null, problem: r.problem ?? wordingProblem(r.wording, r.value) };
}

export async function indicatorRows(ctx: ServiceContext, year: number): Promise<IndicatorRow[]> {
  const unit = (await ctx.store.readUnit())?.unit ?? null;
  const cur = computeReadings(unit, await requireYear(ctx, year));
  // last year's figures are only for comparison: a damaged last year must not block this one
  const prevData = await readIfReadable(() => ctx.store.readYear(year - 1));
  const prev = prevData ? computeReadings(unit, prevData) : new Map<string, IndicatorReading>();
  return [...cur.values()].map((r) => toRow(r, prev.get(r.def.id)));
}

function quotes(report: Report, id: string): boolean {
  for (const { text } of reportTexts(report)) if (findPlaceholders(text).some((x) => x.id === id)) return true;
  return false;
}

export function indicatorHandlers(ctx: ServiceContext): H {
  return {
    'indicators.list': ({ year }) => indicatorRows(ctx, year),

    async 'indicators.set'({ year, id, value, wording }) {
      const unit = (await ctx.store.readUnit())?.unit ?? null;
      const def = indicatorDefs(unit).find((d) => d.id === id);
      if (!def) throw new AppError('NOT_FOUND', `没有这个指标：${id}`);
      const typed = def.source.type === 'manual' || typedIn(await requireYear(ctx, year), def.source);
      if (!typed && value !== null)
        throw new AppError('VALIDATION', `“${def.name}”由系统计算（${def.source.type === 'rate' ? '比率' : '来自台账'}），不能手工填写数值，只能填写表述`);
      const problem = value === null ? null : indicatorValueProblem(def.measure, value);
      if (problem) throw new AppError('VALIDATION', `“${def.name}”的数值${problem}`);
      const stored = value === null ? null : normalizeIndicatorValue(def.measure, value);
      await ctx.store.updateYear(year, (d) => {
        if (stored === null && !wording) delete d.values[id];
        else d.values[id] = { value: typed ? stored : null, wording };
      });
      const rows = await indicatorRows(ctx, year);
      return rows.find((r) => r.def.id === id)!;
    },

    async 'indicators.define'({ def }) {
      await requireUnit(ctx);
      let id = '';
      const saved = await ctx.store.updateUnit((cur) => {
        if (!cur) throw new AppError('NOT_FOUND', '尚未设置单位信息');
        const all = indicatorDefs(cur.unit);
        const sameName = all.find((d) => d.name === def.name);
        if (sameName) throw new AppError('CONFLICT', `已有名为“${def.name}”的指标，请换一个名称`);
        if (def.source.type === 'rate') {
          for (const ref of [def.source.numerator, def.source.denominator])
            if (!all.some((d) => d.id === ref)) throw new AppError('VALIDATION', `比率引用的指标不存在：${ref}`);
        }
        // the service, not the caller, names it: an id can never overwrite another definition
        id = newCustomIndicatorId(new Set(all.map((d) => d.id)));
        return { ...cur, unit: { ...cur.unit, customIndicators: [...cur.unit.customIndicators, { ...def, id, builtIn: false }] } };
      });
      return saved.unit.customIndicators.find((d) => d.id === id)!;
    },

    async 'indicators.undefine'({ id }) {
      await requireUnit(ctx);
      // checks and write in one critical section of unit.json (see unit.removeVillage)
      await ctx.store.updateUnit(async (cur) => {
        const unit = cur!.unit;
        const def = unit.customIndicators.find((d) => d.id === id);
        if (!def) throw new AppError('NOT_FOUND', `没有这个自定义指标：${id}`);
        for (const year of await ctx.store.listYears()) {
          // a damaged year cannot be checked: refusing is safer than leaving a dangling quote
          const d = await ctx.store.readYear(year);
          if (d && quotes(d.report, id)) throw new AppError('CONFLICT', `${year}年度报告中引用了“${def.name}”，请先删除引用`);
        }
        if (indicatorDefs(unit).some((d) => d.source.type === 'rate' && (d.source.numerator === id || d.source.denominator === id)))
          throw new AppError('CONFLICT', `有比率指标引用了“${def.name}”，不能删除`);
        return { ...cur!, unit: { ...unit, customIndicators: unit.customIndicators.filter((d) => d.id !== id) } };
      });
      return { removed: id };
    },
  };
}
