import * as z from 'zod';
import { cleanText, dateField, idField, lineText, paragraphText } from './text';
import { CONTENT_ITEMS, PART_STATUSES, MAX_DEPTH, type ContentItem, type PartStatus } from './vocabulary';
export {
  CONTENT_ITEMS,
  CONTENT_ITEM_LABELS,
  CONTENT_ITEM_GUIDANCE,
  REQUIRED_CONTENT_ITEMS,
  PART_STATUSES,
  MAX_DEPTH,
  type ContentItem,
  type PartStatus,
} from './vocabulary';
import { COUNT_LIMITS, LIMITS } from './limits';
import { IssuanceSchema } from './issuance';


/** A table inside a part (e.g. a figures table): rows × columns of text or placeholders. */
export interface PartTable {
  id: string;
  /** printed after this many of the part's paragraphs (0 = right under the heading) */
  after: number;
  rows: string[][];
  /** top rows repeated on every page the table runs onto */
  headerRows: number;
  size: TableFontSize;
}
export const TABLE_FONT_SIZES = ['四号', '五号'] as const;
export type TableFontSize = (typeof TABLE_FONT_SIZES)[number];

export const PartTableSchema = z.object({
  id: idField,
  after: z.number({ error: '表格位置必须是数字' }).int().min(0).max(200).default(0),
  rows: z
    .array(z.array(lineText('表格单元格', 500)).min(1).max(12, { error: '表格最多12列' }))
    .min(1, { error: '表格至少要有一行' })
    .max(300, { error: '表格最多300行' }),
  headerRows: z.number().int().min(0).max(5).default(1),
  size: z.enum(TABLE_FONT_SIZES, { error: '表格字号只能是四号或五号' }).default('四号'),
});

export interface Part {
  id: string;
  heading: string;
  /** heading sentence and first paragraph printed as one paragraph */
  runIn: boolean;
  paragraphs: string[];
  status: PartStatus;
  /** only meaningful on level-1 parts */
  contentItem?: ContentItem | undefined;
  children: Part[];
  /** tables between the paragraphs; absent in year files written before tables existed */
  tables?: PartTable[] | undefined;
}

export const PartSchema: z.ZodType<Part, unknown> = z.lazy(() =>
  z.object({
    id: idField,
    heading: lineText('标题', LIMITS.heading),
    runIn: z.boolean({ error: '“标题接排”必须是是/否' }).default(false),
    paragraphs: z.array(paragraphText('段落')).max(200, { error: '一个部分最多200段' }).default([]),
    status: z.enum(PART_STATUSES, { error: '状态只能是 草稿、待审 或 定稿' }).default('草稿'),
    contentItem: z.enum(CONTENT_ITEMS, { error: '对应内容项无效' }).optional(),
    children: z.array(PartSchema).max(50).default([]),
    tables: z.array(PartTableSchema).max(20, { error: '一个部分最多20个表格' }).optional(),
  }),
) as unknown as z.ZodType<Part, unknown>;

export const SignatureSchema = z.object({
  enabled: z.boolean().default(true),
  /** empty = the unit's signature name */
  name: lineText('落款单位', LIMITS.signatureName).default(''),
  /** empty = date of export */
  date: z.union([z.literal(''), dateField('落款日期')]).default(''),
  /** 联合行文 (GB/T 9704 §7.3.5.2): a second unit signing beside the first; empty = single signature */
  jointName: lineText('联合落款单位', LIMITS.signatureName).optional(),
  /** 加盖印章 (§7.3.5.1, room for the seal over name and date) or not (§7.3.5.3, 署名右空二字) */
  sealed: z.boolean({ error: '“加盖印章”必须是是/否' }).optional(),
});

/** 附件 (GB/T 9704 §7.3.6, §7.4): listed after the body, each printed on its own page. */
export const AttachmentSchema = z.object({
  id: idField,
  // may be empty while the clerk is typing; an attachment without a name is not printed
  title: lineText('附件名称', LIMITS.attachmentTitle),
  paragraphs: z.array(paragraphText('附件正文')).max(200, { error: '一个附件最多200段' }).default([]),
  /** an attachment may be (or hold) a table, e.g. a figures table */
  tables: z.array(PartTableSchema).max(20, { error: '一个附件最多20个表格' }).optional(),
});
export type Signature = z.output<typeof SignatureSchema>;
export type Attachment = z.output<typeof AttachmentSchema>;

/**
 * The title keeps the line breaks the clerk typed (GB/T 9704 §7.3.1 lets them decide where a long
 * title breaks); blank lines and edge spaces go. A title without breaks is broken automatically.
 */
export const titleText = z
  .string({ error: '报告标题必须是文字' })
  .transform((s) =>
    cleanText(s)
      .split(/\r\n?|\n|\u2028|\u2029/)
      .map((l) => l.replace(/\t/g, ' ').replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
      .filter((l) => l !== '')
      .join('\n'),
  )
  .pipe(
    z
      .string()
      .min(1, { error: '报告标题不能为空' })
      .max(LIMITS.reportTitle, { error: `报告标题不能超过${LIMITS.reportTitle}个字符` })
      .refine((t) => t.split('\n').length <= 5, { error: '报告标题最多分5行' }),
  );

export const ReportSchema = z
  .object({
    title: titleText,
    /** overrides the unit's 主送机关 when non-empty */
    recipient: lineText('主送机关', LIMITS.recipient).default(''),
    preamble: z.array(paragraphText('导语')).max(20).default([]),
    parts: z.array(PartSchema).max(20),
    signature: SignatureSchema.default({ enabled: true, name: '', date: '' }),
    /** optional (not defaulted) so reports built in code before attachments existed still type-check */
    attachments: z.array(AttachmentSchema).max(COUNT_LIMITS.attachments, { error: `附件最多${COUNT_LIMITS.attachments}个` }).optional(),
    /** 版头/版记 of the 报送件 (发文字号, 签发人, 抄送 …); absent until the clerk sets them */
    issuance: IssuanceSchema.optional(),
  })
  .superRefine((r, ctx) => {
    const ids = new Set<string>();
    const walk = (parts: Part[], depth: number) => {
      for (const p of parts) {
        if (depth > MAX_DEPTH) ctx.addIssue({ code: 'custom', path: ['parts'], message: `报告层级不能超过${MAX_DEPTH}级` });
        if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['parts'], message: `部分编号重复：${p.id}` });
        ids.add(p.id);
        walk(p.children, depth + 1);
      }
    };
    walk(r.parts, 1);
  });
export type Report = z.output<typeof ReportSchema>;
