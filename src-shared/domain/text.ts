import * as z from 'zod';
import { cleanText, isRealDate, lineValue } from './textRules';
import { MAX_FIGURE, YEAR_MAX, YEAR_MIN } from './limits';
export { cleanText, isRealDate, ISO_DATE, dateInYear } from './textRules';


export const MAX_LINE = 200;
export const MAX_PARAGRAPH = 20000;

/** One-line text: trimmed, XML-safe, newlines folded to spaces. */
export const lineText = (label: string, max = MAX_LINE, min = 0) =>
  z
    .string({ error: `${label}必须是文字` })
    .transform(lineValue)
    .pipe(
      z
        .string()
        .min(min, { error: min > 0 ? `${label}不能为空` : `${label}过短` })
        .max(max, { error: `${label}不能超过${max}个字符` }),
    );

/** Multi-line text (a paragraph); XML-safe. */
export const paragraphText = (label: string, max = MAX_PARAGRAPH) =>
  z
    .string({ error: `${label}必须是文字` })
    .transform((s) => cleanText(s).replace(/\r\n?/g, '\n'))
    .pipe(z.string().max(max, { error: `${label}不能超过${max}个字符` }));

export const countField = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .refine((n) => Number.isFinite(n), { error: `${label}必须是有限的数字` })
    .refine((n) => Number.isInteger(n), { error: `${label}必须是整数` })
    .refine((n) => n >= 0, { error: `${label}不能为负数` })
    .refine((n) => n <= MAX_FIGURE, { error: `${label}过大（不能超过1亿）` });


/**
 * A value picked from a fixed list. Nothing picked is a question to the clerk ("类别尚未选择"),
 * not a refusal of a value they never typed; a value outside the list names what is allowed.
 */
export const choiceField = <T extends readonly [string, ...string[]]>(label: string, values: T, invalid = `${label}只能是：${values.join('、')}`) =>
  z.enum(values, { error: (iss) => (iss.input === undefined || iss.input === '' ? `${label}尚未选择` : invalid) });

export const dateField = (label: string) =>
  z
    .string({ error: `${label}必须是日期文字` })
    .refine(isRealDate, { error: `${label}格式应为 YYYY-MM-DD 且为有效日期` });

export const yearField = z
  .number({ error: '年度必须是数字' })
  .int({ error: '年度必须是整数' })
  .min(YEAR_MIN, { error: `年度不能早于${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `年度不能晚于${YEAR_MAX}` });

export const idField = z.string({ error: '编号必须是文字' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '编号格式无效' });

/**
 * A time stamp the services set (createdAt, updatedAt, an export's time). A client never needs
 * more than an ISO date-time, but `ledger.restore` carries whole entries back: bounded, one line,
 * no control characters, and a time JavaScript can read.
 */
export const timestampField = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .max(40, { error: `${label}过长（不能超过40个字符）` })
    .refine((s) => !/[\u0000-\u001F\u007F-\u009F]/.test(s), { error: `${label}不能包含控制字符` })
    .refine((s) => !Number.isNaN(Date.parse(s)), { error: `${label}不是有效的时间` });

/** How deep a JSON value nests (iterative: a 5,000-deep value must not overflow the stack here). */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, d + 1]);
  }
  return max;
}

/** Nesting any data file legitimately has stays far below this (outline levels are few). */
export const MAX_JSON_DEPTH = 64;
