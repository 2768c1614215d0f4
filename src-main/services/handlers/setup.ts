import type { Implements } from '../../../src-shared/methods/declare';
import type { SETUP_METHODS } from '../../../src-shared/methods/setup';
import { UNIT_FILE_VERSION, YearDataSchema, emptyYear, type YearData } from '../../../src-shared/domain/year';
import { AppError } from '../../../src-shared/errors';
import { zodToAppError } from '../../../src-shared/validation';
import { UnitFileSchema, readOrDamaged, summarizeYear } from '../../store';
import type { ServiceContext } from '../context';
import { templateReport } from '../reportTemplate';

/** The methods declared in src-shared/methods/setup.ts, no more, no less. */
type H = Implements<typeof SETUP_METHODS>;

/**
 * 创建单位 on the welcome screen: the unit and its first year as one operation, so a refusal or a
 * failure never leaves a unit without a year (the clerk would land on an empty screen) nor writes
 * the unit of a setup that failed.
 */
export function setupHandlers(ctx: ServiceContext): H {
  return {
    async 'unit.setup'({ unit, year }) {
      let yearData: YearData | null = null;
      let yearCreated = false;
      // unit.json's critical section (lock order: unit.json, then years) holds through both writes:
      // no other process can set the unit up meanwhile, and a throw before the unit is written
      // leaves unit.json absent
      const saved = await ctx.store.updateUnit(async (cur) => {
        if (cur) throw new AppError('CONFLICT', `已设置单位“${cur.unit.shortName}”，不能再次创建；请在“单位设置”中修改`);
        // everything is judged before the first write: the unit file and the year file as stored
        const unitFile = UnitFileSchema.safeParse({ version: UNIT_FILE_VERSION, unit });
        if (!unitFile.success) throw zodToAppError(unitFile.error, '单位信息');
        const existing = await readOrDamaged(() => ctx.store.readYear(year));
        if (existing === 'damaged') {
          // that year's file is damaged beyond its backups: the unit is still set up, so the app
          // opens and shows the file with its choices (从备份恢复 / 以空白重新开始) instead of the
          // welcome screen refusing 创建单位 for this year for ever
          yearData = null;
        } else if (existing) {
          // a year kept from before (unit.json was set aside as damaged): it stays as it is
          yearData = existing;
        } else {
          const checked = YearDataSchema.safeParse(emptyYear(year, templateReport(unitFile.data.unit, year)));
          if (!checked.success) throw zodToAppError(checked.error, `${year}年度`);
          await ctx.store.createYear(checked.data);
          yearData = checked.data;
          yearCreated = true;
        }
        return unitFile.data;
      });
      return { unit: saved.unit, year: yearData ? summarizeYear(yearData) : null, yearCreated };
    },
  };
}
