/** import.compare / import.applyCompare: the services' side of "the leader's edits came back". */
import type { MethodParsed } from '../../../src-shared/contract';
import { ReportSchema } from '../../../src-shared/domain/report';
import { AppError } from '../../../src-shared/errors';
import type { ApplyCompareResult, CompareResult } from '../../../src-shared/import/types';
import { findPlaceholders } from '../../../src-shared/report/placeholders';
import { reportTexts } from '../../../src-shared/text/walk';
import { requireYear, type ServiceContext } from '../context';
import { computeReadings, indicatorDefs } from '../indicators/compute';
import { applyChanges, compareReports, type Comparison } from './compare';
import { readTakeKey } from '../../../src-shared/import/compareChanges';
import { runInBox } from '../../sandbox/box';
import { detectStructure } from './structure';
import { contentItemOf } from '../../../src-shared/text/contentItems';

async function comparison(ctx: ServiceContext, year: number, fileName: string, data: Uint8Array) {
  const src = await runInBox('report', { fileName, data });
  const unit = (await ctx.store.readUnit())?.unit ?? null;
  const yearData = await requireYear(ctx, year);
  const theirs = detectStructure(src.lines, { fallbackTitle: yearData.report.title });
  for (const p of theirs.report.parts) p.contentItem = contentItemOf(p.heading, year);
  const cmp: Comparison = compareReports(yearData.report, theirs.report, computeReadings(unit, yearData));
  return { cmp, theirs, unit, yearData };
}

export async function compareImport(ctx: ServiceContext, input: MethodParsed<'import.compare'>): Promise<CompareResult> {
  const { cmp, theirs } = await comparison(ctx, input.year, input.fileName, input.data);
  return {
    year: input.year,
    fileName: input.fileName,
    parts: cmp.parts,
    changedCount: cmp.parts.filter((p) => p.status !== 'same').length,
    warnings: theirs.warnings,
  };
}

export async function applyCompare(ctx: ServiceContext, input: MethodParsed<'import.applyCompare'>): Promise<ApplyCompareResult> {
  const { cmp, unit, yearData } = await comparison(ctx, input.year, input.fileName, input.data);
  const changes = new Map(cmp.parts.map((p) => [p.key, p.changeCount]));
  for (const k of input.take) {
    const { partKey, change } = readTakeKey(k);
    const count = changes.get(partKey);
    if (count === undefined || (change !== null && change >= count))
      throw new AppError('VALIDATION', `对比结果中没有这一项（${k.slice(0, 40)}），报告可能已被修改，请重新对比`);
  }
  const next = applyChanges(yearData.report, cmp, [...new Set(input.take)]);
  const known = new Set(indicatorDefs(unit).map((d) => d.id));
  for (const { text, where } of reportTexts(next))
    for (const t of findPlaceholders(text)) if (!known.has(t.id)) throw new AppError('VALIDATION', `“${where}”中引用了不存在的指标：${t.id}`);
  const checked = ReportSchema.safeParse(next);
  if (!checked.success) throw new AppError('VALIDATION', checked.error.issues[0]?.message ?? '采用修改后的报告无效');
  const before = JSON.stringify(yearData.report);
  await ctx.store.updateYear(input.year, (d) => {
    // compared against what is on disk now; a save in between means comparing again
    if (JSON.stringify(d.report) !== before) throw new AppError('CONFLICT', '对比之后报告又被修改过，请重新对比');
    d.report = checked.data;
  });
  return { report: checked.data, taken: [...new Set(input.take)] };
}
