import type { Implements } from '../../../src-shared/methods/declare';
import type { REPORT_METHODS } from '../../../src-shared/methods/report';
import type { Report } from '../../../src-shared/domain/report';
import { reportTexts } from '../../../src-shared/text/walk';
import { type Unit } from '../../../src-shared/domain/unit';
import { signatureNameOf } from '../../../src-shared/domain/unitNames';
import { AppError } from '../../../src-shared/errors';
import { EMPTY_ISSUANCE, IssuanceSchema } from '../../../src-shared/domain/issuance';
import { findPlaceholders } from '../../../src-shared/report/placeholders';
import { renderReport, type RenderResult } from '../../../src-shared/report/printedReport';
import { isoDate, type ServiceContext, requireYear } from '../context';
import { computeReadings, indicatorDefs } from '../indicators/compute';

/** The methods declared in src-shared/methods/report.ts, no more, no less. */
type H = Implements<typeof REPORT_METHODS>;

function checkPlaceholders(report: Report, unit: Unit | null) {
  const known = new Set(indicatorDefs(unit).map((d) => d.id));
  for (const { text, where } of reportTexts(report))
    for (const t of findPlaceholders(text))
      if (!known.has(t.id)) throw new AppError('VALIDATION', `“${where}”中引用了不存在的指标：${t.id}`);
}

export async function renderYear(
  ctx: ServiceContext,
  year: number,
  today?: string,
  opts: { draft?: boolean } = {},
): Promise<RenderResult & { unit: Unit | null }> {
  const unit = (await ctx.store.readUnit())?.unit ?? null;
  const data = await requireYear(ctx, year);
  const result = renderReport({
    report: data.report,
    readings: computeReadings(unit, data),
    unitSignatureName: unit ? signatureNameOf(unit) : '',
    unitRecipient: unit?.recipient ?? '',
    today: today ?? isoDate(ctx.now()),
    ...(opts.draft ? { draft: true } : {}),
  });
  return { ...result, unit };
}

export function reportHandlers(ctx: ServiceContext): H {
  return {
    async 'report.get'({ year }) {
      return (await requireYear(ctx, year)).report;
    },
    async 'report.save'({ year, report }) {
      checkPlaceholders(report, (await ctx.store.readUnit())?.unit ?? null);
      // the 报送件's fields change through report.issuance only: the editor's copy of them may be older
      // (set on the 导出 screen or with `fazhi report set` since the editor read the report)
      let saved = report;
      await ctx.store.updateYear(year, (d) => {
        const { issuance: _sent, ...text } = report;
        saved = d.report.issuance ? { ...text, issuance: d.report.issuance } : text;
        d.report = saved;
      });
      return saved;
    },
    async 'report.issuance'({ year, issuance }) {
      let out = EMPTY_ISSUANCE;
      await ctx.store.updateYear(year, (d) => {
        const set = Object.fromEntries(Object.entries(issuance).filter(([, v]) => v !== undefined));
        out = IssuanceSchema.parse({ ...(d.report.issuance ?? {}), ...set });
        d.report.issuance = out;
      });
      return out;
    },
    async 'report.render'({ year, today }) {
      const { rendered, missing, omitted } = await renderYear(ctx, year, today);
      return { rendered, missing, ...(omitted ? { omitted } : {}) };
    },
  };
}
