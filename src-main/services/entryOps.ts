import type { Unit } from '../../src-shared/domain/unit';
import type { YearData } from '../../src-shared/domain/year';
import { dateInYear } from '../../src-shared/domain/ledger';
import { AppError } from '../../src-shared/errors';
import type { ServiceContext } from './context';
import { requireUnit, requireYear } from './context';
import { newId, newIds } from '../../src-shared/ids';
import type { RememberedMapping } from '../../src-shared/sheet/schema';

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
    /**
     * An import: every entry is checked first, then all are written in one update of the year
     * file (with the confirmed column mapping, if given), so either all are in or none.
     */
    async addMany(year: number, fields: F[], remember?: { key: string } & Omit<RememberedMapping, 'at' | 'kind'>): Promise<{ added: number; ids: string[] }> {
      const unit = await requireUnit(ctx);
      fields.forEach((f, i) => {
        try {
          check(unit, year, f);
        } catch (e) {
          if (e instanceof AppError) throw new AppError(e.code, `第${i + 1}条：${e.message}；没有导入任何记录`);
          throw e;
        }
      });
      const at = ctx.now().toISOString();
      const prefix = key === 'ledger' ? 'l' : 'm';
      const ids = newIds(prefix, fields.length);
      const entries = fields.map((f, i) => ({ ...f, id: ids[i]!, createdAt: at }) as E);
      await ctx.store.updateYear(year, (d) => {
        list(d).push(...entries);
        if (remember) {
          const { key: k, ...rest } = remember;
          d.sheetMappings = { ...(d.sheetMappings ?? {}), [k]: { ...rest, kind: key, at } };
        }
      });
      return { added: entries.length, ids: entries.map((e) => e.id) };
    },
    /** undo of an import: removes the entries still there; NOT_FOUND when none is */
    async removeMany(year: number, ids: string[]): Promise<{ removed: number }> {
      const wanted = new Set(ids);
      return ctx.store.updateYear(year, (d) => {
        const arr = list(d);
        const kept = arr.filter((e) => !wanted.has(e.id));
        const removed = arr.length - kept.length;
        if (!removed) throw new AppError('NOT_FOUND', `没有找到这些${label}（可能已被删除）`);
        arr.splice(0, arr.length, ...kept);
        return { removed };
      });
    },
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
