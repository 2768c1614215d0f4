/**
 * import.preview and import.commit: read a file, show what would be imported (nothing written),
 * then save the clerk's edited version in one write per file.
 */
import type { MethodParsed } from '../../../src-shared/contract';
import type { Part, Report } from '../../../src-shared/domain/report';
import { ReportSchema } from '../../../src-shared/domain/report';
import { UnitSchema, type Unit } from '../../../src-shared/domain/unit';
import { UNIT_FILE_VERSION, emptyYear, type YearData } from '../../../src-shared/domain/year';
import { indicatorValueProblem, normalizeIndicatorValue } from '../../../src-shared/domain/indicatorValue';
import { AppError } from '../../../src-shared/errors';
import type { ImportPreview, ImportResult } from '../../../src-shared/import/types';
import type { Finding, FindingField } from '../../../src-shared/proofread/finding';
import { findHalfWidth, groupedHalfWidthFindings, halfWidthFindings, toFullWidth } from '../../../src-shared/text/halfWidth';
import { findPlaceholders, placeholderToken } from '../../../src-shared/report/placeholders';
import { formatNumber } from '../../../src-shared/report/printedReport';
import { flattenParts, reportSlots, writeSlot } from '../../../src-shared/text/walk';
import type { ServiceContext } from '../context';
import { indicatorDefs, typedIn } from '../indicators/compute';
import { runInBox } from '../../sandbox/box';
import { detectStructure } from './structure';
import { contentItemOf } from '../../../src-shared/text/contentItems';
import { suggestIndicators } from './suggest';
import { unitFromTitle, yearFromTitle } from '../../../src-shared/text/titles';
import { titleOneLine } from '../../../src-shared/report/titleLines';

/** A year "has a report" once any of its text was written; the empty template may be overwritten. */
export function hasReportText(report: Report): boolean {
  return report.preamble.some((p) => p.trim()) || flattenParts(report.parts).some((p) => p.paragraphs.some((t) => t.trim()));
}

/** Every text of the report, the title, 主送机关 and 落款 name included: where half-width marks are looked for. */
const allSlots = (r: Report) => reportSlots(r, { frame: true });

function convertHalfWidth(r: Report): number {
  let n = 0;
  for (const s of allSlots(r)) {
    const hits = findHalfWidth(s.text).length;
    if (hits) {
      n += hits;
      writeSlot(r, s, toFullWidth(s.text));
    }
  }
  return n;
}

/**
 * Whether `year` holds (or, once created, will hold) typed-in figures only: last year's report
 * imported in the first year of use has no ledger behind it, so its counted figures are taken
 * from the report, not zeros from an empty ledger (issue 13).
 */
async function figuresOnlyYear(ctx: ServiceContext, year: number, data: YearData | null): Promise<boolean> {
  if (data) return data.figuresOnly === true;
  const kept = await ctx.store.listYears();
  return kept.length > 0 && kept.every((y) => y > year);
}

function mapContentItems(parts: Part[], year: number | null): void {
  for (const p of parts) p.contentItem = contentItemOf(p.heading, year);
}

export async function previewImport(ctx: ServiceContext, input: MethodParsed<'import.preview'>): Promise<ImportPreview> {
  const src = await runInBox('report', { fileName: input.fileName, data: input.data });
  const unitFile = await ctx.store.readUnit();
  const unit = unitFile?.unit ?? null;
  const detected = detectStructure(src.lines, { fallbackTitle: `${unit?.shortName ?? ''}${input.year ?? ''}${input.year ? '年' : ''}法治政府建设年度报告` });
  const { report, warnings } = detected;
  // the title names the year; failing that, often the file name ("2024年报告.docx")
  const titleYear = yearFromTitle(titleOneLine(report.title)) ?? yearFromTitle(input.fileName);
  const year = input.year ?? titleYear;
  mapContentItems(report.parts, year);
  const guess = unitFromTitle(titleOneLine(report.title));
  if (year === null) warnings.push('标题中没有读到年度，请选择导入到哪个年度');
  else if (input.year !== undefined && titleYear !== null && titleYear !== input.year) warnings.push(`标题中的年度是${titleYear}年，将导入到${input.year}年度`);
  if (unit && guess && guess.shortName !== unit.shortName) warnings.push(`标题中的单位“${guess.shortName}”与本单位“${unit.shortName}”不同，请确认`);
  if (!unit && !guess) warnings.push('数据文件夹中还没有单位信息，标题中也没有读到单位名称：导入时请填写单位名称和类型');
  const existingYear = year === null ? null : await ctx.store.readYear(year);
  const figuresOnly = year !== null && (await figuresOnlyYear(ctx, year, existingYear));
  const paragraphs = report.preamble.length + flattenParts(report.parts).reduce((n, p) => n + p.paragraphs.length, 0);
  const characters = [...src.lines.map((l) => l.text)].join('').replace(/\s/g, '').length;
  return {
    fileName: input.fileName,
    format: src.format,
    encoding: src.encoding,
    report,
    year,
    unit: guess,
    unitExists: unit !== null,
    existing: { yearExists: existingYear !== null, hasReport: existingYear !== null && hasReportText(existingYear.report) },
    styled: src.styled,
    counts: { paragraphs, characters, parts: flattenParts(report.parts).length },
    halfWidth: halfWidthFindings(allSlots(report)),
    findings: detected.findings,
    suggestions: suggestIndicators(report, indicatorDefs(unit), (def) => def.source.type === 'manual' || (year !== null && typedIn({ figuresOnly }, def.source))),
    warnings,
  };
}

function paragraphRef(r: Report, partId: string | null, paragraph: number): { get(): string; set(v: string): void } | null {
  if (partId === null) return paragraph < r.preamble.length ? { get: () => r.preamble[paragraph]!, set: (v) => (r.preamble[paragraph] = v) } : null;
  const p = flattenParts(r.parts).find((x) => x.id === partId);
  if (!p || paragraph >= p.paragraphs.length) return null;
  return { get: () => p.paragraphs[paragraph]!, set: (v) => (p.paragraphs[paragraph] = v) };
}

export async function commitImport(ctx: ServiceContext, input: MethodParsed<'import.commit'>): Promise<ImportResult> {
  const { year, mode } = input;
  const warnings: string[] = [];
  const unitFile = await ctx.store.readUnit();
  let unit: Unit;
  let unitCreated = false;
  if (unitFile) unit = unitFile.unit;
  else {
    const guess = input.unit ?? unitFromTitle(titleOneLine(input.report.title));
    if (!guess) throw new AppError('VALIDATION', '数据文件夹中还没有单位信息，标题中也没有读到单位名称：请填写单位名称和类型后再导入');
    unit = UnitSchema.parse({ ...guess, villages: [] });
    unitCreated = true;
  }
  const defs = indicatorDefs(unit);
  const report = structuredClone(input.report);
  const converted = input.convertHalfWidth ? convertHalfWidth(report) : 0;

  // indicator values: manual ones only, computed figures come from the ledger — except in a
  // figures-only year, where the counted figures are typed (here: taken from the report)
  const figuresOnly = await figuresOnlyYear(ctx, year, await ctx.store.readYear(year));
  const values = new Map<string, number>();
  for (const t of input.take) {
    const def = defs.find((d) => d.id === t.indicatorId);
    if (!def) throw new AppError('VALIDATION', `没有这个指标：${t.indicatorId}`);
    if (def.source.type !== 'manual' && !typedIn({ figuresOnly }, def.source)) throw new AppError('VALIDATION', `“${def.name}”由系统计算，不能采用导入的数值`);
    const problem = indicatorValueProblem(def.measure, t.value);
    if (problem) throw new AppError('VALIDATION', `“${def.name}”的数值${problem}`);
    const v = normalizeIndicatorValue(def.measure, t.value);
    if (values.has(def.id) && values.get(def.id) !== v) throw new AppError('VALIDATION', `“${def.name}”采用了两个不同的数值（${values.get(def.id)}和${v}），请只勾选一个`);
    values.set(def.id, v);
  }
  // figures → placeholders, right to left within a paragraph so earlier offsets stay valid
  let placeholders = 0;
  const wanted = input.take.filter((t) => t.placeholder).sort((a, b) => b.offset - a.offset);
  for (const t of wanted) {
    const def = defs.find((d) => d.id === t.indicatorId)!;
    const ref = paragraphRef(report, t.partId, t.paragraph);
    const printed = `${formatNumber(values.get(def.id)!)}${def.measure}`;
    if (!ref) {
      warnings.push(`“${def.name}”所在的段落已不存在，未改为占位符`);
      continue;
    }
    const text = ref.get();
    let at = text.slice(t.offset, t.offset + t.length) === t.text ? t.offset : -1;
    if (at < 0 && text.indexOf(t.text) >= 0 && text.indexOf(t.text) === text.lastIndexOf(t.text)) at = text.indexOf(t.text);
    if (at < 0 || t.text.replace(/％/, '%').replace(/\s+/g, '') !== printed) {
      warnings.push(`“${t.text}”与“${def.name}”打印出的“${printed}”不一致或已被修改，保留原文，未改为占位符`);
      continue;
    }
    ref.set(text.slice(0, at) + placeholderToken(def.id, false) + text.slice(at + t.length));
    placeholders++;
  }
  const known = new Set(defs.map((d) => d.id));
  for (const s of allSlots(report))
    for (const p of findPlaceholders(s.text)) if (!known.has(p.id)) throw new AppError('VALIDATION', `报告中引用了不存在的指标：${p.id}`);
  const checked = ReportSchema.safeParse(report);
  if (!checked.success) throw new AppError('VALIDATION', checked.error.issues[0]?.message ?? '报告内容无效');
  const finalReport = checked.data;

  // the preview's findings about parts the clerk removed or merged away no longer point anywhere
  const partIds = new Set(flattenParts(finalReport.parts).map((p) => p.id));
  const kept = input.findings.filter((f) => f.code !== 'half-width' && (f.partId === null || partIds.has(f.partId)));
  const findings = [...kept, ...groupedHalfWidthFindings(allSlots(finalReport))].slice(0, 2000);

  const existing = await ctx.store.readYear(year);
  if (existing && hasReportText(existing.report) && mode !== 'replace')
    throw new AppError('CONFLICT', `${year}年度已有报告：请选择“替换”（原报告被导入的内容取代），或选择“对比”逐部分采用修改`);

  // everything is checked; now the writes
  const storeValues = (d: YearData) => {
    for (const [id, value] of values) d.values[id] = { value, wording: d.values[id]?.wording ?? '' };
  };
  let yearCreated = false;
  let replaced = false;
  const writeYear = async () => {
    if (existing) {
      await ctx.store.updateYear(year, (d) => {
        if (hasReportText(d.report) && mode !== 'replace') throw new AppError('CONFLICT', `${year}年度已有报告：请选择“替换”或“对比”`);
        replaced = hasReportText(d.report);
        d.report = finalReport;
        d.proofreading = { imported: findings, ignored: d.proofreading?.ignored ?? [] };
        storeValues(d);
      });
    } else {
      const data = emptyYear(year, finalReport, findings);
      // last year's report imported in the first year of use: a year before every year kept here has
      // no ledger behind it, so its counted figures are typed (issue 13), not zeros from an empty ledger
      if (figuresOnly) data.figuresOnly = true;
      storeValues(data);
      await ctx.store.createYear(data);
      yearCreated = true;
    }
  };
  if (unitCreated) {
    // as 创建单位 (handlers/setup.ts): the year is written inside unit.json's critical section, so
    // a year that cannot be written leaves no unit behind and nobody sets the unit up meanwhile
    await ctx.store.updateUnit(async (cur) => {
      if (cur) throw new AppError('CONFLICT', '导入期间单位信息已被创建，请重新导入');
      await writeYear();
      return { version: UNIT_FILE_VERSION, unit };
    });
  } else {
    await writeYear();
  }
  return {
    year,
    unitCreated,
    yearCreated,
    replaced,
    report: finalReport,
    values: [...values].map(([indicatorId, value]) => ({ indicatorId, value })),
    placeholders,
    converted,
    findings,
    warnings,
  };
}
