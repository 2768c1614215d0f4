import type { Implements } from '../../../src-shared/methods/declare';
import type { PROOFREAD_METHODS } from '../../../src-shared/methods/proofread';
import type { Unit } from '../../../src-shared/domain/unit';
import type { YearData } from '../../../src-shared/domain/year';
import type { Finding } from '../../../src-shared/proofread/finding';
import { findingPlace, mergeFindings, proofreadReport } from '../../../src-shared/proofread';
import { figuresHeld } from '../../../src-shared/proofread/figures';
import { computeReadings } from '../indicators/compute';
import { requireYear, type ServiceContext } from '../context';
import { readIfReadable } from '../../store';

/** The methods declared in src-shared/methods/proofread.ts, no more, no less. */
type H = Implements<typeof PROOFREAD_METHODS>;

/** Ignored keys kept per year; the schema caps the list, the oldest go first. */
const IGNORED_LIMIT = 2000;

/**
 * The open findings of a year: every live check on the report as stored, plus what the import
 * recorded while its text is still there, minus what the clerk ignored; each with `where`.
 */
export function yearFindings(unit: Unit | null, data: YearData, lastYear: ReadonlyMap<string, number> | null = null): Finding[] {
  const readings = computeReadings(unit, data);
  const live = proofreadReport({ report: data.report, year: data.year, readings, unit, lastYear });
  return mergeFindings(live, data.proofreading, data.report).map((f) => ({ ...f, where: findingPlace(data.report, f) }));
}

/**
 * The figures the year before holds, for `carried-over`; none when there is no such year or it
 * cannot be read (a damaged last year must not block this year's check).
 */
export async function lastYearFigures(ctx: ServiceContext, unit: Unit | null, year: number): Promise<Map<string, number> | null> {
  const prev = await readIfReadable(() => ctx.store.readYear(year - 1));
  return prev ? figuresHeld(computeReadings(unit, prev).values()) : null;
}

export function proofreadHandlers(ctx: ServiceContext): H {
  const unitOrNull = async () => (await ctx.store.readUnit())?.unit ?? null;
  return {
    async 'proofread.run'({ year }) {
      const data = await requireYear(ctx, year);
      const unit = await unitOrNull();
      return yearFindings(unit, data, await lastYearFigures(ctx, unit, year));
    },
    async 'proofread.state'({ year }) {
      return (await requireYear(ctx, year)).proofreading;
    },
    async 'proofread.ignore'({ year, key }) {
      await requireYear(ctx, year);
      return ctx.store.updateYear(year, (d) => {
        const ignored = d.proofreading.ignored.filter((k) => k !== key);
        ignored.push(key);
        d.proofreading.ignored = ignored.slice(-IGNORED_LIMIT);
        return { imported: [...d.proofreading.imported], ignored: [...d.proofreading.ignored] };
      });
    },
    async 'proofread.unignore'({ year, key }) {
      await requireYear(ctx, year);
      return ctx.store.updateYear(year, (d) => {
        d.proofreading.ignored = d.proofreading.ignored.filter((k) => k !== key);
        return { imported: [...d.proofreading.imported], ignored: [...d.proofreading.ignored] };
      });
    },
  };
}
