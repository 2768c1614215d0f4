import { createHash } from 'node:crypto';
import type { Implements } from '../../../src-shared/methods/declare';
import type { SHEET_METHODS } from '../../../src-shared/methods/sheet';
import { AppError } from '../../../src-shared/errors';
import type { Grid } from '../../spreadsheet/grid';

// The preview and the writer load on first use; the file itself is read in the box (src-main/sandbox).
const reading = () => import('../../spreadsheet/preview');
const writing = () => import('../../spreadsheet/export');
import { requireUnit, requireYear, type ServiceContext } from '../context';
import { indicatorRows } from './indicators';
import { runInBox } from '../../sandbox/box';

/** The methods declared in src-shared/methods/sheet.ts, no more, no less. */
type H = Implements<typeof SHEET_METHODS>;

/**
 * Spreadsheet import preview and the year's workbook. The last parsed file is kept, so the
 * clerk's changes in the mapping step re-run only the cheap part.
 */
export function sheetHandlers(ctx: ServiceContext): H {
  let cache: { hash: string; grid: Grid } | null = null;
  return {
    async 'sheet.preview'({ kind, fileName, data, year, mapping, values }) {
      const unit = await requireUnit(ctx);
      const yd = await requireYear(ctx, year);
      const hash = createHash('sha256').update(fileName).update('\0').update(data).digest('hex');
      const { buildPreview } = await reading();
      const grid = cache?.hash === hash ? cache.grid : await runInBox('sheet', { fileName, data });
      cache = { hash, grid };
      // a mapping confirmed last year still applies to this year's sheet of the same shape
      const last = (await ctx.store.readYear(year - 1))?.sheetMappings ?? {};
      return buildPreview({
        kind,
        year,
        grid,
        unit,
        existing: { ledger: yd.ledger, mediation: yd.mediation },
        mapping,
        values,
        remembered: { ...last, ...(yd.sheetMappings ?? {}) },
      });
    },
    async 'xlsx.export'({ year, sheets }) {
      const { XLSX_SHEETS, buildWorkbook, xlsxFileName } = await writing();
      const unit = await requireUnit(ctx);
      const yd = await requireYear(ctx, year);
      const chosen = XLSX_SHEETS.filter((s) => (sheets ?? XLSX_SHEETS).includes(s));
      if (!chosen.length) throw new AppError('VALIDATION', '没有选择要导出的工作表');
      const data = await buildWorkbook({
        unit,
        year,
        ledger: yd.ledger,
        mediation: yd.mediation,
        indicators: chosen.includes('indicators') ? await indicatorRows(ctx, year) : [],
        sheets: chosen,
        now: ctx.now(),
      });
      return { fileName: xlsxFileName(unit.shortName, year, chosen), data };
    },
  };
}
