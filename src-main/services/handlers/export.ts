import type { Handlers } from '../../../src-shared/contract';
import type { ExportRecordFull } from '../../../src-shared/domain/year';
import { appendExport, resolveHistory } from '../exportHistory';
import { AppError } from '../../../src-shared/errors';
import { assertComplete, chineseDate } from '../../../src-shared/report/render';
import { signatureNameOf } from '../../../src-shared/domain/unit';
import { buildDocx, exportFileName } from '../../export';
import { isoDate, requireYear, type ServiceContext } from '../context';
import { newId } from '../../../src-shared/ids';
import { renderYear } from './report';

type H = Pick<Handlers, 'export.docx' | 'export.recorded' | 'export.history'>;

/** Exports produced but not yet reported written, by record id (a clerk may leave a save dialog open). */
const PENDING_LIMIT = 20;

export function exportHandlers(ctx: ServiceContext): H {
  const pending = new Map<string, { year: number; record: ExportRecordFull }>();
  return {
    async 'export.docx'({ year, fontPreset, signature, today }) {
      const { rendered: r0, missing, unit } = await renderYear(ctx, year, today);
      if (!unit) throw new AppError('NOT_FOUND', '尚未设置单位信息，无法生成落款和文件名');
      const rendered = assertComplete({ rendered: r0, missing });
      if (signature) {
        // the export dialog's choice wins over what the report stored
        rendered.signature = signature.enabled
          ? {
              name: rendered.signature?.name ?? signatureNameOf(unit),
              date: signature.date ? chineseDate(signature.date) : (rendered.signature?.date ?? chineseDate(today ?? isoDate(ctx.now()))),
            }
          : null;
      }
      if (!rendered.blocks.length) throw new AppError('VALIDATION', '报告还没有任何内容，无法导出');
      const preset = fontPreset ?? unit.fontPreset;
      const data = await buildDocx(rendered, { fontPreset: preset });
      const record: ExportRecordFull = {
        id: newId('x'),
        at: ctx.now().toISOString(),
        fileName: exportFileName(unit.shortName, year),
        fontPreset: preset,
        snapshot: rendered,
      };
      // recorded by export.recorded once the transport has written the file: producing the
      // .docx writes nothing to the data folder (a full data disk must not stop saving it elsewhere)
      pending.set(record.id, { year, record });
      while (pending.size > PENDING_LIMIT) pending.delete(pending.keys().next().value!);
      const { snapshot: _omit, ...meta } = record;
      return { fileName: record.fileName, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), record: meta };
    },
    async 'export.recorded'({ year, id }) {
      const p = pending.get(id);
      if (!p || p.year !== year) throw new AppError('NOT_FOUND', '找不到这次导出（可能程序已重新启动），导出记录没有写入；文件本身不受影响。');
      await ctx.store.updateYear(year, (d) => void appendExport(d.exports, p.record));
      pending.delete(id);
      return { recorded: true };
    },
    async 'export.history'({ year }) {
      return resolveHistory((await requireYear(ctx, year)).exports);
    },
  };
}
