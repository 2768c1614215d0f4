import { createContext, useContext } from 'react';
import type { IndicatorRow } from '../../../src-shared/contract';
import { formatReading } from '../../../src-shared/report/printedReport';

/** Current indicator figures by id; chips and the preview read them, so a figure changes everywhere at once. */
export const ReadingsContext = createContext<ReadonlyMap<string, IndicatorRow>>(new Map());

export function useReadings(): ReadonlyMap<string, IndicatorRow> {
  return useContext(ReadingsContext);
}

export function readingsById(rows: readonly IndicatorRow[]): Map<string, IndicatorRow> {
  return new Map(rows.map((r) => [r.def.id, r]));
}

export interface ChipText {
  name: string;
  /** "55条" / "40余次", or null when there is no figure to show */
  value: string | null;
  /** why there is no value, in Chinese */
  problem: string | null;
}

/** What a placeholder chip shows: the indicator's name and the figure the report will print. */
export function chipText(readings: ReadonlyMap<string, IndicatorRow>, id: string, rounded: boolean): ChipText {
  const r = readings.get(id);
  if (!r) return { name: id, value: null, problem: '指标不存在' };
  const value = formatReading(r, rounded);
  if (value === null) return { name: r.def.name, value: null, problem: '未填报' };
  return { name: r.def.name, value, problem: null };
}
