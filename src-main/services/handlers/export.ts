import type { Handlers } from '../../../src-shared/contract';
import type { ExportRecord } from '../../../src-shared/domain/year';
import { AppError } from '../../../src-shared/errors';
import { assertComplete, chineseDate } from '../../../src-shared/report/render';
import { signatureNameOf } from '../../../src-shared/domain/unit';
import { buildDocx, exportFileName } from '../../export';
import { isoDate, requireYear, type ServiceContext } from '../context';
import { newId } from '../../../src-shared/ids';
import { renderYear } from './report';
import { yearFindings } from './proofread';
import { countBySeverity } from '../../../src-shared/proofread';

type H = Pick<Handlers, 'export.docx' | 'export.history'>;

/** Exports kept per year; older snapshots beyond this are dropped to keep the year file small. */
const HISTORY_LIMIT = 50;

export function exportHandlers(ctx: ServiceContext): H {
  return {
    async 'export.docx'({ year, fontPreset, signature, today, draft }) {
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
      const preset = fontPreset ?? unit.fontPreset;
      const data = await buildDocx(rendered, { fontPreset: preset, draft: !!draft });
      // the record says how many findings were open: exporting anyway is the clerk's call
      const stored = await requireYear(ctx, year);
      const counts = countBySeverity(yearFindings(unit, stored));
      const record: ExportRecord = {
        id: newId('x'),
        at: ctx.now().toISOString(),
        fileName: exportFileName(unit.shortName, year, rendered.title, !!draft),
        fontPreset: preset,
        ...(draft ? { draft: true } : {}),
        snapshot: rendered,
        openFindings: { errors: counts.错误, reminders: counts.提醒 },
      };
      await ctx.store.updateYear(year, (d) => {
        d.exports.push(record);
        if (d.exports.length > HISTORY_LIMIT) d.exports.splice(0, d.exports.length - HISTORY_LIMIT);
      });
      const { snapshot: _omit, ...meta } = record;
      return { fileName: record.fileName, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), record: meta };
    },
    async 'export.history'({ year }) {
      return [...(await requireYear(ctx, year)).exports].reverse();
    },
  };
}
