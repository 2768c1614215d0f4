import * as z from 'zod';
// the one locale used: `z.locales` would pull every language into each bundle
import zhCN from 'zod/v4/locales/zh-CN.js';
import { AppError } from './errors';
import { ISSUANCE_FIELD_LABELS } from './domain/issuanceVocabulary';

// zod's own messages are the fallback; every field we expose gets a Chinese label below so the
// clerk reads "台账日期：…" rather than a path like "entry.date".
z.config(zhCN());

const FIELD_LABELS: Record<string, string> = {
  year: '年度',
  fromYear: '来源年度',
  date: '日期',
  category: '类别',
  title: '标题',
  villageId: '村（社区）',
  village: '村（社区）',
  participants: '参与人数',
  materials: '发放资料数',
  note: '备注',
  kind: '类型',
  outcome: '结果',
  value: '数值',
  wording: '表述',
  shortName: '单位简称',
  fullName: '单位全称',
  name: '名称',
  villages: '村（社区）列表',
  heading: '标题',
  paragraphs: '段落',
  parts: '报告结构',
  status: '状态',
  measure: '计量单位',
  unit: '单位信息',
  id: '编号',
  fonts: '字体方案',
  fontPreset: '字体方案',
  recipient: '主送机关',
  preamble: '导语',
  signature: '落款',
  issuance: '报送件',
  ...ISSUANCE_FIELD_LABELS,
  edition: '文件版本',
  issuing: '报送件习惯',
  leaders: '主要负责人',
  area: '所属领域',
  numerator: '分子指标',
  denominator: '分母指标',
  categories: '台账类别',
  field: '合计项',
  source: '数值来源',
  type: '数值来源',
};

function labelFor(path: PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string' && FIELD_LABELS[seg]) return FIELD_LABELS[seg];
  }
  return path.length ? path.map(String).join('.') : '输入';
}

export function zodToAppError(error: z.ZodError, context?: string): AppError {
  const first = error.issues[0];
  const label = first ? labelFor(first.path) : '输入';
  const msg = first?.message ?? '输入无效';
  const prefix = context ? `${context}：` : '';
  return new AppError('VALIDATION', `${prefix}${label}${msg.startsWith(label) ? msg.slice(label.length) : `：${msg}`}`, {
    issues: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
  });
}

/** Parse `input` with `schema` or throw an AppError with a Chinese message naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, context?: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw zodToAppError(r.error, context);
  return r.data;
}
