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

type H = Pick<Handlers, 'export.docx' | 'export.history'>;

export function exportHandlers(ctx: ServiceContext): H {
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
      await ctx.store.updateYear(year, (d) => void appendExport(d.exports, record));
      const { snapshot: _omit, ...meta } = record;
      return { fileName: record.fileName, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), record: meta };
    },
    async 'export.history'({ year }) {
      return resolveHistory((await requireYear(ctx, year)).exports);
    },
  };
}
