/**
 * The rules of a clerk's own (自定义) indicator, zod-free so the 自定义指标 dialog offers exactly
 * what the service accepts: the service judges every new definition against this list and assigns
 * its id; the renderer only shows the choices.
 */
import type { IndicatorSource } from './indicatorSchema';
import { SOURCE_LABELS } from './wording';

/**
 * The ways a custom indicator may be computed. 调解案件计数 and 村（社区）数 stay built-in: each has
 * exactly one meaningful definition, which the catalog already holds.
 */
export const CUSTOM_INDICATOR_SOURCES = ['manual', 'ledgerCount', 'ledgerSum', 'ledgerVillages', 'rate'] as const satisfies readonly IndicatorSource['type'][];
export type CustomIndicatorSourceType = (typeof CUSTOM_INDICATOR_SOURCES)[number];

export function isCustomIndicatorSource(type: string): type is CustomIndicatorSourceType {
  return (CUSTOM_INDICATOR_SOURCES as readonly string[]).includes(type);
}

/** The message for any other source, naming the allowed ones in the dialog's words. */
export const CUSTOM_SOURCE_RULE = `数值来源只能是：${CUSTOM_INDICATOR_SOURCES.map((t) => SOURCE_LABELS[t]).join('、')}`;

/** The group a custom indicator is listed in unless another area is given. */
export const CUSTOM_INDICATOR_AREA = '自定义';

export const CUSTOM_ID_PREFIX = 'custom-';

/**
 * `custom-` and six random [a-z0-9] (fits the schema's id rule and reads well in a placeholder
 * `{{custom-x7k2p9}}`); one already taken is drawn again, so no definition is ever overwritten.
 */
export function newCustomIndicatorId(taken: ReadonlySet<string>, random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    let s = '';
    for (let i = 0; i < 6; i++) s += alphabet[Math.floor(random() * alphabet.length)];
    const id = `${CUSTOM_ID_PREFIX}${s}`;
    if (!taken.has(id)) return id;
  }
}
