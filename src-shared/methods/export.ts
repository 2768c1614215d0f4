/** The report as a GB/T 9704 .docx, and the year's export history. Handlers: src-main/services/handlers/export.ts. */
import * as z from 'zod';
import { dateField, idField, yearField } from '../domain/text';
import { FONT_PRESETS, type FontPreset } from '../domain/vocabulary';
import type { RenderedReport } from '../domain/rendered';
import { EDITIONS } from '../domain/issuance';
import type { ExportRecord, ExportRecordFull } from '../domain/year';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';
import type { FilePayload } from './files';

/** What to make: the same for the .docx and for the printed pages. */
const EDITION_INPUT = z.object({
  year: yearField,
  fontPreset: z.enum(FONT_PRESETS, { error: '字体方案只能是 standard 或 windows' }).optional(),
  signature: z.object({ enabled: z.boolean(), date: z.union([z.literal(''), dateField('落款日期')]) }).optional(),
  today: dateField('今天日期').optional(),
  /** 征求意见稿: missing figures shown, unfinished parts commented, "征求意见稿" in the header */
  draft: z.boolean({ error: '“征求意见稿”必须是是/否' }).optional(),
  /**
   * 报送件 (with 版头 and 版记, GB/T 9704 §7.2/§7.4) or 公开件 (the text as published: no 版头,
   * 签发人, 版记 or 附注); absent = the body alone, as before editions existed
   */
  edition: z.enum(EDITIONS, { error: '文件版本只能是 submit（报送件）或 public（公开件）' }).optional(),
});

export const EXPORT_METHODS = {
  /** makes the file, writes nothing: the history changes with export.recorded */
  'export.docx': {
    input: EDITION_INPUT,
    output: returns<FilePayload & { record: Omit<ExportRecord, 'snapshot' | 'sameAs'> }>(),
    stale: [],
    callers: SCREEN_AND_CLI,
  },
  /**
   * The same report as export.docx makes it, for the screen to print (the 公开件 as a PDF: Electron's
   * printToPDF, the browser's print dialog) — where no LibreOffice is installed to convert the .docx.
   * Called when the clerk prints, never cached: it reads figures, report and unit as they are now.
   */
  'export.print': {
    input: EDITION_INPUT,
    output: returns<{ fileName: string; fontPreset: FontPreset; rendered: RenderedReport }>(),
    stale: [],
    callers: SCREEN,
  },
  /**
   * The file made by export.docx was written (saved by the transport): only now does it enter the
   * export history. A cancelled dialog or a failed write never calls this.
   */
  'export.recorded': {
    input: z.object({ year: yearField, id: idField }),
    output: returns<{ recorded: boolean }>(),
    // unit: a 报送件 leaves its 发文字号, 抄送 and 印发机关 with the unit for the next one
    stale: ['export', 'years', 'overview', 'unit'],
    callers: SCREEN_AND_CLI,
  },
  'export.history': { input: z.object({ year: yearField }), output: returns<ExportRecordFull[]>(), read: true, callers: SCREEN_AND_CLI },
} satisfies Declarations<'export'>;
