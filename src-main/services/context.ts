import type { Store } from '../store/types';
import type { Unit } from '../../src-shared/domain/unit';
import type { YearData } from '../../src-shared/domain/year';
import { AppError } from '../../src-shared/errors';

export interface ServiceContext {
  store: Store;
  /** injectable clock so tests and the bench are deterministic */
  now(): Date;
  version: string;
}

export { isoDate } from '../../src-shared/dates';

export async function requireUnit(ctx: ServiceContext): Promise<Unit> {
  const f = await ctx.store.readUnit();
  if (!f) throw new AppError('NOT_FOUND', '尚未设置单位信息，请先在“单位设置”中填写，或载入示例数据');
  return f.unit;
}

export async function requireYear(ctx: ServiceContext, year: number): Promise<YearData> {
  const y = await ctx.store.readYear(year);
  if (!y) {
    const years = await ctx.store.listYears();
    throw new AppError('NOT_FOUND', `没有${year}年度的数据${years.length ? `（现有年度：${years.join('、')}）` : '，请先新建年度'}`);
  }
  return y;
}
