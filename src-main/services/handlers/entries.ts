import type { Unit } from '../../../src-shared/domain/unit';
import type { YearData } from '../../../src-shared/domain/year';
import { dateInYear } from '../../../src-shared/domain/ledger';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../context';
import { requireUnit, requireYear } from '../context';
import { newId } from '../../../src-shared/ids';

interface EntryFields {
  date: string;
  villageId?: string | undefined;
}
interface StoredEntry extends EntryFields {
  id: string;
  createdAt: string;
  updatedAt?: string | undefined;
}

/**
 * The ledger and the mediation cases behave alike (dated entries of one year, optionally tied to
 * a village); one implementation keeps their rules identical.
 */
export function entryOps<F extends EntryFields, E extends F & StoredEntry>(
  ctx: ServiceContext,
  key: 'ledger' | 'mediation',
  label: string,
) {
  const list = (d: YearData) => d[key] as unknown as E[];

  const check = (unit: Unit, year: number, f: EntryFields) => {
    if (!dateInYear(f.date, year)) throw new AppError('VALIDATION', `日期 ${f.date} 不在${year}年度内`);
    if (f.villageId !== undefined && !unit.villages.some((v) => v.id === f.villageId))
      throw new AppError('VALIDATION', `村（社区）不存在：${f.villageId}，请先在“单位设置”中添加`);
  };

  return {
    async list(year: number): Promise<E[]> {
      return list(await requireYear(ctx, year));
    },
    async add(year: number, fields: F): Promise<E> {
      await requireUnit(ctx);
      // the village check and the write in one unit section: removeVillage cannot slip between
      return ctx.store.withUnit(async (u) => {
        check(u!.unit, year, fields);
        const entry = { ...fields, id: newId(key === 'ledger' ? 'l' : 'm'), createdAt: ctx.now().toISOString() } as E;
        await ctx.store.updateYear(year, (d) => {
          list(d).push(entry);
        });
        return entry;
      });
    },
    async update(year: number, id: string, fields: F): Promise<E> {
      await requireUnit(ctx);
      return ctx.store.withUnit(async (u) => {
        check(u!.unit, year, fields);
        return ctx.store.updateYear(year, (d) => {
          const arr = list(d);
          const i = arr.findIndex((e) => e.id === id);
          if (i < 0) throw new AppError('NOT_FOUND', `没有找到这条${label}（可能已被删除）`);
          const next = { ...fields, id, createdAt: arr[i]!.createdAt, updatedAt: ctx.now().toISOString() } as E;
          arr[i] = next;
          return next;
        });
      });
    },
    async remove(year: number, id: string): Promise<E> {
      return ctx.store.updateYear(year, (d) => {
        const arr = list(d);
        const i = arr.findIndex((e) => e.id === id);
        if (i < 0) throw new AppError('NOT_FOUND', `没有找到这条${label}（可能已被删除）`);
        return arr.splice(i, 1)[0]!;
      });
    },
    /** undo of remove: puts the entry back with its id */
    async restore(year: number, entry: E): Promise<E> {
      await requireUnit(ctx);
      return ctx.store.withUnit(async (u) => {
        check(u!.unit, year, entry);
        return ctx.store.updateYear(year, (d) => {
          const arr = list(d);
          if (arr.some((e) => e.id === entry.id)) throw new AppError('CONFLICT', `这条${label}已经存在，无需恢复`);
          arr.push(entry);
          arr.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
          return entry;
        });
      });
    },
  };
}
