/** zod schemas for the spreadsheet import: contract inputs and the remembered mappings in the year file. */
import * as z from 'zod';
import { MAX_IMPORT_ROWS, SHEET_KINDS, SHEET_TARGETS } from './targets';

const key = z.string({ error: '列名必须是文字' }).max(200, { error: '列名过长' });
const text = z.string({ error: '必须是文字' }).max(200, { error: '文字过长' });

export const SheetMappingSchema = z.record(key, z.enum(SHEET_TARGETS, { error: '对应字段无效' }).nullable(), { error: '列对应关系格式无效' });

const valueMap = z.record(text, z.string({ error: '必须是文字' }).max(64, { error: '编号过长' }));
export const SheetValueMapSchema = z.object({
  category: valueMap.optional(),
  village: valueMap.optional(),
  kind: valueMap.optional(),
  outcome: valueMap.optional(),
});

export const SheetKindSchema = z.enum(SHEET_KINDS, { error: '导入类型只能是 ledger 或 mediation' });

/** One remembered mapping, keyed in the year file by the header set's key. */
export const RememberedMappingSchema = z.object({
  kind: SheetKindSchema,
  headers: z.array(key).max(200),
  mapping: SheetMappingSchema,
  values: SheetValueMapSchema.default({}),
  at: z.string().max(40),
});
export type RememberedMapping = z.output<typeof RememberedMappingSchema>;

export const MappingKeySchema = z.string().regex(/^[a-f0-9]{16}$/, { error: '列对应关系编号无效' });

/** What addMany may remember with the rows it adds (in the same write). */
export const RememberInputSchema = z.object({
  key: MappingKeySchema,
  headers: z.array(key).max(200),
  mapping: SheetMappingSchema,
  values: SheetValueMapSchema.default({}),
});

export const importRows = <T extends z.ZodType>(item: T) =>
  z
    .array(item, { error: '导入的记录必须是列表' })
    .min(1, { error: '没有可导入的记录' })
    .max(MAX_IMPORT_ROWS, { error: `一次最多导入${MAX_IMPORT_ROWS}条` });
