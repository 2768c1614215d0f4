import { z } from 'zod';

// zod's own messages are the fallback; every field we expose gets a Chinese label below so the
// clerk reads "台账日期：…" rather than a path like "entry.date".
z.config(z.locales.zhCN());

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CORRUPT_RECOVERED'
  | 'CORRUPT_UNRECOVERABLE'
  | 'IO'
  | 'MISSING_VALUE'
  | 'INTERNAL';

/** An error meant for the user: `message` is one Chinese sentence that can be shown as is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Messages may quote what the user typed; a 100k-character paste must not come back whole. */
export function clip(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof AppError) return { code: err.code, message: clip(err.message), details: err.details };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: clip(`内部错误：${message}`) };
}

export function reviveError(e: SerializedError): AppError {
  return new AppError(e.code, e.message, e.details);
}

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
  unit: '计量单位',
  id: '编号',
  fonts: '字体方案',
  fontPreset: '字体方案',
  recipient: '主送机关',
  preamble: '导语',
  signature: '落款',
  leaders: '主要负责人',
  area: '所属领域',
  numerator: '分子指标',
  denominator: '分母指标',
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
