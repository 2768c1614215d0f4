/**
 * What a clerk's edit of one indicator in 指标录入 amounts to: refused (the shared number rule's
 * words), nothing to save, or the figure and wording to send. A computed indicator takes a wording
 * only; its figure is never sent. Zod-free (the renderer imports it).
 */
import { parseNumberInput } from './numberInput';
import type { IndicatorReading } from './wording';

export type IndicatorEdit =
  | { ok: false; error: string }
  | {
      ok: true;
      /** the typed figure as read (null = not filled; for a computed indicator always null) */
      value: number | null;
      /** what to send to indicators.set, or null when nothing changed */
      save: { value: number | null; wording: string } | null;
    };

export function readIndicatorEdit(row: Pick<IndicatorReading, 'def' | 'value' | 'wording' | 'computed'>, typed: string, wording: string): IndicatorEdit {
  let value: number | null = null;
  if (!row.computed) {
    const c = parseNumberInput(typed, row.def.measure);
    if (!c.ok) return { ok: false, error: c.error };
    value = c.value;
  }
  const w = wording.trim();
  const unchanged = (row.computed || value === row.value) && w === row.wording;
  return { ok: true, value, save: unchanged ? null : { value: row.computed ? null : value, wording: w } };
}
