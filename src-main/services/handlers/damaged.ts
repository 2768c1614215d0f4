import type { DamagedFile } from '../../../src-shared/contract';
import type { Implements } from '../../../src-shared/methods/declare';
import type { DAMAGED_METHODS } from '../../../src-shared/methods/damaged';
import { emptyYear } from '../../../src-shared/domain/year';
import { AppError } from '../../../src-shared/errors';
import { summarizeYear } from '../../store';
import { requireUnit, type ServiceContext } from '../context';
import { templateReport } from '../reportTemplate';

/** The methods declared in src-shared/methods/damaged.ts, no more, no less. */
type H = Implements<typeof DAMAGED_METHODS>;

/**
 * One unreadable file must not lock the clerk out of the rest: the app lists what cannot be read
 * (with where it is) and offers, per file, a restore from a backup file or a fresh start that keeps
 * the damaged copy.
 */

const details = (e: AppError) => (e.details ?? {}) as { file?: string; reason?: string };

/** Reads `read`; a damaged file is returned as a DamagedFile, a file just recovered from backup is read again. */
async function probe(read: () => Promise<unknown>, fileName: string, fallbackPath: string, year: number | null): Promise<DamagedFile | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await read();
      return null;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'CORRUPT_RECOVERED') continue;
      if (e.code !== 'CORRUPT_UNRECOVERABLE') throw e;
      return { fileName, path: details(e).file ?? fallbackPath, year, message: e.message };
    }
  }
  return null;
}

async function damagedFiles(ctx: ServiceContext): Promise<DamagedFile[]> {
  const dir = ctx.store.dataDir;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const out: DamagedFile[] = [];
  const unit = await probe(() => ctx.store.readUnit(), 'unit.json', `${dir}${sep}unit.json`, null);
  if (unit) out.push(unit);
  for (const y of await ctx.store.listYears()) {
    const f = `year-${y}.json`;
    // its counts, not a copy: every year file is read each time the app opens
    const d = await probe(() => ctx.store.readYearSummary(y), f, `${dir}${sep}${f}`, y);
    if (d) out.push(d);
  }
  return out;
}

export function damagedHandlers(ctx: ServiceContext): H {
  return {
    'data.damaged': () => damagedFiles(ctx),
    // the store keeps them for the run; 概览 lists them too, the CLI prints them after a command
    'data.notices': async () => ctx.store.recoveryNotices().map((n) => n.message),
    'data.waiting': async () => ctx.store.waiting(),
    async 'data.startEmpty'({ year }) {
      if (year === null) {
        const keptAs = await ctx.store.setAsideDamaged(null);
        return { keptAs, year: null };
      }
      // the new empty year needs the unit (its report title); check before moving anything
      const unit = await requireUnit(ctx);
      const keptAs = await ctx.store.setAsideDamaged(year);
      const data = emptyYear(year, templateReport(unit, year));
      await ctx.store.createYear(data);
      return { keptAs, year: summarizeYear(data) };
    },
  };
}
