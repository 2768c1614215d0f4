import type * as z from 'zod';
import type { Implements } from '../../../src-shared/methods/declare';
import type { EXPORT_METHODS } from '../../../src-shared/methods/export';
import type { ExportRecordFull } from '../../../src-shared/domain/year';
import { appendExport, resolveHistory } from '../exportHistory';
import { AppError } from '../../../src-shared/errors';
import { assertComplete, chineseDate } from '../../../src-shared/report/printedReport';
import { signatureNameOf } from '../../../src-shared/domain/unitNames';
import { exportFileName } from '../../export/fileName';
import type { RenderedIssuance, RenderedReport } from '../../../src-shared/domain/rendered';
import type { Unit } from '../../../src-shared/domain/unit';
import { EMPTY_ISSUANCE, IssuingHabitsSchema, type Issuance } from '../../../src-shared/domain/issuance';
import { renderIssuance } from '../../../src-shared/report/issuance';

// The .docx writer (the docx library and the GB/T 9704 layout) loads on the first export: no other
// command or screen pays for evaluating it.
const docxWriter = () => import('../../export/buildDocx');
import { isoDate, requireYear, type ServiceContext } from '../context';
import { newId } from '../../../src-shared/ids';
import { renderYear } from './report';
import { lastYearFigures, yearFindings } from './proofread';
import { countBySeverity } from '../../../src-shared/proofread';

/**
 * The 报送件's 版头/版记 from what the clerk set, the unit's habits and today (GB/T 9704 §7.2, §7.4).
 */
function issuanceOf(stored: Issuance | undefined, unit: Unit, today: string): RenderedIssuance {
  return renderIssuance({ issuance: stored ?? EMPTY_ISSUANCE, habits: unit.issuing, unitFullName: unit.fullName, today, chineseDate });
}

/**
 * A joint document (§10) is signed by both issuers in their order unless the report names its own
 * joint signature — in the 报送件 and in the 公开件 alike, which publishes the same text.
 */
function signJointly(rendered: RenderedReport, issuers: string[]): void {
  const sig = rendered.signature;
  if (sig && issuers.length === 2 && !sig.jointName) rendered.signature = { ...sig, name: issuers[0]!, jointName: issuers[1]! };
}

type EditionInput = z.output<(typeof EXPORT_METHODS)['export.docx']['input']>;

/**
 * The report as the chosen file prints it: the figures resolved (a final export refuses missing
 * ones), the 导出 screen's 落款 choice, and per edition the 报送件's 版头/版记 or none of them.
 * The .docx and the 公开件's printed PDF are both made from this, so they carry the same text.
 */
async function editionOf(ctx: ServiceContext, { year, signature, today, draft, edition }: EditionInput): Promise<{ rendered: RenderedReport; unit: Unit }> {
  const { rendered: r0, missing, unit } = await renderYear(ctx, year, today, { draft: !!draft });
  if (!unit) throw new AppError('NOT_FOUND', '尚未设置单位信息，无法生成落款和文件名');
  // a draft (征求意见稿) prints missing figures as 【待填：…】; the final export refuses them
  const rendered = draft ? r0 : assertComplete({ rendered: r0, missing });
  if (signature) {
    // the export dialog's choice wins over what the report stored
    rendered.signature = signature.enabled
      ? {
          ...rendered.signature,
          name: rendered.signature?.name ?? signatureNameOf(unit),
          date: signature.date ? chineseDate(signature.date) : (rendered.signature?.date ?? chineseDate(today ?? isoDate(ctx.now()))),
        }
      : null;
  }
  if (!rendered.blocks.length) throw new AppError('VALIDATION', '报告还没有任何内容，无法导出');
  // the 公开件 is the text alone: no 版头, 签发人, 版记 or 附注 whatever the report holds
  delete rendered.issuance;
  if (edition) {
    const iss = issuanceOf((await requireYear(ctx, year)).report.issuance, unit, today ?? isoDate(ctx.now()));
    signJointly(rendered, iss.issuers);
    if (edition === 'submit') rendered.issuance = iss;
  }
  return { rendered, unit };
}

async function rememberIssuing(ctx: ServiceContext, iss: RenderedIssuance): Promise<void> {
  await ctx.store.updateUnit((cur) => {
    if (!cur) throw new AppError('NOT_FOUND', '尚未设置单位信息');
    const habits = IssuingHabitsSchema.parse(cur.unit.issuing ?? {});
    const issuing = {
      ...habits,
      ...(iss.docNumber ? { lastDocNumber: iss.docNumber } : {}),
      ...(iss.cc ? { cc: iss.cc } : {}),
      ...(iss.printer && iss.printer !== cur.unit.fullName ? { printer: iss.printer } : {}),
    };
    return { ...cur, unit: { ...cur.unit, issuing } };
  });
}

/** The methods declared in src-shared/methods/export.ts, no more, no less. */
type H = Implements<typeof EXPORT_METHODS>;

/** Exports produced but not yet reported written, by record id (a clerk may leave a save dialog open). */
const PENDING_LIMIT = 20;

export function exportHandlers(ctx: ServiceContext): H {
  const pending = new Map<string, { year: number; record: ExportRecordFull }>();
  return {
    async 'export.docx'(input) {
      const { year, fontPreset, draft, edition } = input;
      const { rendered, unit } = await editionOf(ctx, input);
      const preset = fontPreset ?? unit.fontPreset;
      const data = await (await docxWriter()).buildDocx(rendered, { fontPreset: preset, draft: !!draft });
      // the record says how many findings were open: exporting anyway is the clerk's call
      const stored = await requireYear(ctx, year);
      const counts = countBySeverity(yearFindings(unit, stored, await lastYearFigures(ctx, unit, year)));
      const record: ExportRecordFull = {
        id: newId('x'),
        at: ctx.now().toISOString(),
        fileName: exportFileName(unit.shortName, year, rendered.title, !!draft, edition),
        fontPreset: preset,
        ...(draft ? { draft: true } : {}),
        ...(edition ? { edition } : {}),
        snapshot: rendered,
        openFindings: { errors: counts.错误, reminders: counts.提醒 },
      };
      // recorded by export.recorded once the transport has written the file: producing the
      // .docx writes nothing to the data folder (a full data disk must not stop saving it elsewhere)
      pending.set(record.id, { year, record });
      while (pending.size > PENDING_LIMIT) pending.delete(pending.keys().next().value!);
      const { snapshot: _omit, ...meta } = record;
      return { fileName: record.fileName, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), record: meta };
    },
    async 'export.print'(input) {
      const { rendered, unit } = await editionOf(ctx, input);
      const preset = input.fontPreset ?? unit.fontPreset;
      const name = exportFileName(unit.shortName, input.year, rendered.title, !!input.draft, input.edition).replace(/\.docx$/, '.pdf');
      return { fileName: name, fontPreset: preset, rendered };
    },
    async 'export.recorded'({ year, id }) {
      const p = pending.get(id);
      if (!p || p.year !== year) throw new AppError('NOT_FOUND', '找不到这次导出（可能程序已重新启动），导出记录没有写入；文件本身不受影响。');
      await ctx.store.updateYear(year, (d) => void appendExport(d.exports, p.record));
      pending.delete(id);
      // a 报送件 sent: its 发文字号, 抄送 and 印发机关 are where the next one starts (remembered per unit)
      const iss = p.record.edition === 'submit' ? p.record.snapshot.issuance : undefined;
      if (iss) await rememberIssuing(ctx, iss);
      return { recorded: true };
    },
    async 'export.history'({ year }) {
      return resolveHistory((await requireYear(ctx, year)).exports);
    },
  };
}
