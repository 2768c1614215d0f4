import type { Handlers } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import { buildDemo, DEMO_YEAR } from '../../demo';
import type { ServiceContext } from '../context';
import { summarizeYear as summarize } from '../../store';

type H = Pick<Handlers, 'app.info' | 'demo.create'>;

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
      const demo = buildDemo();
      await ctx.store.updateUnit(() => demo.unitFile);
      if (years.includes(DEMO_YEAR)) {
        // force: replace the demo year wholesale (the store backs the old file up first)
        await ctx.store.updateYear(DEMO_YEAR, (d) => {
          Object.assign(d, demo.year);
        });
      } else await ctx.store.createYear(demo.year);
      return summarize(demo.year);
    },
  };
}
