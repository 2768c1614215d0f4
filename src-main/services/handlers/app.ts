import type { Implements } from '../../../src-shared/methods/declare';
import type { APP_METHODS } from '../../../src-shared/methods/app';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { summarizeYear as summarize } from '../../store';

// The demo's unit, ledger and report load when a demo is made: no other call pays for them.
const demoData = () => import('../../demo');

/** The methods declared in src-shared/methods/app.ts, no more, no less. */
type H = Implements<typeof APP_METHODS>;

export function appHandlers(ctx: ServiceContext): H {
  return {
    async 'app.info'() {
      return { version: ctx.version, dataDir: ctx.store.dataDir };
    },
    async 'demo.create'({ force }) {
      const existing = await ctx.store.readUnit();
      const years = await ctx.store.listYears();
      if ((existing || years.length) && !force)
        throw new AppError('CONFLICT', '数据文件夹中已有数据，示例数据不会覆盖它；请换一个空文件夹');
      const demo = (await demoData()).buildDemo();
      if (existing || years.length) {
        // force: the whole folder becomes the demo, as a restore would do it — the current data is
        // saved to backups/ first and years the demo lacks are moved there, not deleted
        await ctx.store.replaceAll({ unit: demo.unitFile, years: [demo.year] });
      } else {
        await ctx.store.updateUnit(() => demo.unitFile);
        await ctx.store.createYear(demo.year);
      }
      return summarize(demo.year);
    },
  };
}
