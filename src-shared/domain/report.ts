import { z } from 'zod';
import { dateField, idField, lineText, paragraphText } from './text';

/** The regulation's five content items a level-1 part may answer. */
export const CONTENT_ITEMS = ['measures', 'shortcomings', 'firstResponsible', 'nextYear', 'other'] as const;
export type ContentItem = (typeof CONTENT_ITEMS)[number];
export const CONTENT_ITEM_LABELS: Record<ContentItem, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  firstResponsible: '党政主要负责人履行推进法治建设第一责任人职责情况',
  nextYear: '下一年度主要安排',
  other: '其他需要报告的情况',
};
/** Items the regulation requires; 其他 is optional. */
export const REQUIRED_CONTENT_ITEMS: readonly ContentItem[] = ['measures', 'shortcomings', 'firstResponsible', 'nextYear'];

export const PART_STATUSES = ['草稿', '待审', '定稿'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export const MAX_DEPTH = 4;

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
}

export const PartSchema: z.ZodType<Part, unknown> = z.lazy(() =>
  z.object({
    id: idField,
    heading: lineText('标题', 200),
    runIn: z.boolean({ error: '“标题接排”必须是是/否' }).default(false),
    paragraphs: z.array(paragraphText('段落')).max(200, { error: '一个部分最多200段' }).default([]),
    status: z.enum(PART_STATUSES, { error: '状态只能是 草稿、待审 或 定稿' }).default('草稿'),
    contentItem: z.enum(CONTENT_ITEMS, { error: '对应内容项无效' }).optional(),
    children: z.array(PartSchema).max(50).default([]),
  }),
) as unknown as z.ZodType<Part, unknown>;

export const SignatureSchema = z.object({
  enabled: z.boolean().default(true),
  /** empty = the unit's signature name */
  name: lineText('落款单位', 60).default(''),
  /** empty = date of export */
  date: z.union([z.literal(''), dateField('落款日期')]).default(''),
});
export type Signature = z.output<typeof SignatureSchema>;

export const ReportSchema = z
  .object({
    title: lineText('报告标题', 100, 1),
    /** overrides the unit's 主送机关 when non-empty */
    recipient: lineText('主送机关', 100).default(''),
    preamble: z.array(paragraphText('导语')).max(20).default([]),
    parts: z.array(PartSchema).max(20),
    signature: SignatureSchema.default({ enabled: true, name: '', date: '' }),
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

/** Short guidance shown beside each content item in a new report (not exported). */
export const CONTENT_ITEM_GUIDANCE: Record<ContentItem, string> = {
  measures: '按依法决策、行政执法、政务公开、法律服务、普法宣传、矛盾纠纷化解等方面分条写明本年度做了什么、成效如何，数字用指标占位符引用。',
  shortcomings: '实事求是写明差距和短板，并分析原因，避免空泛表态。',
  firstResponsible: '写明党政主要负责人如何部署推进法治建设、带头学法用法、解决重大问题、督促整改等。',
  nextYear: '针对存在的不足，写明下一年度的工作思路和具体举措。',
  other: '需要报告的其他情况；没有可删除本部分。',
};
