/**
 * Spreadsheets: a sheet read for import (the rows then go to ledger.addMany / mediation.addMany)
 * and the year's workbook. Handlers: src-main/services/handlers/sheet.ts.
 */
import * as z from 'zod';
import { yearField } from '../domain/text';
import { SheetKindSchema, SheetMappingSchema, SheetValueMapSchema } from '../sheet/schema';
import type { SheetPreview } from '../sheet/targets';
import { returns, SCREEN_AND_CLI, type Declarations } from './declare';
import { fileBytes, type FilePayload } from './files';

export const SHEET_METHODS = {
  'sheet.preview': {
    input: z.object({
      kind: SheetKindSchema,
      fileName: z.string({ error: '文件名必须是文字' }).max(260, { error: '文件名过长' }),
      data: fileBytes,
      year: yearField,
      mapping: SheetMappingSchema.optional(),
      values: SheetValueMapSchema.optional(),
    }),
    output: returns<SheetPreview>(),
    stale: [],
    callers: SCREEN_AND_CLI,
  },
  'xlsx.export': {
    input: z.object({
      year: yearField,
      sheets: z
        .array(z.enum(['ledger', 'mediation', 'indicators'], { error: '工作表只能是 ledger、mediation 或 indicators' }))
        .min(1, { error: '至少选择一个工作表' })
        .max(3, { error: '工作表最多三个：ledger、mediation、indicators' })
        .optional(),
    }),
    output: returns<FilePayload>(),
    stale: [],
    callers: SCREEN_AND_CLI,
  },
} satisfies Declarations<'sheet' | 'xlsx'>;
