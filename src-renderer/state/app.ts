import { createContext, useContext } from 'react';
import type { Unit } from '../../src-shared/domain/unit';
import type { YearSummary } from '../../src-shared/contract';

export const SCREENS = [
  { key: 'overview', label: '概览' },
  { key: 'unit', label: '单位设置' },
  { key: 'indicators', label: '指标录入' },
  { key: 'ledger', label: '活动台账' },
  { key: 'mediation', label: '调解案件' },
  { key: 'charts', label: '图表' },
  { key: 'report', label: '报告编辑' },
  { key: 'export', label: '导出' },
] as const;
export type ScreenKey = (typeof SCREENS)[number]['key'];

export function isScreenKey(s: string): s is ScreenKey {
  return SCREENS.some((x) => x.key === s);
}

/** Extra state a screen is opened with, e.g. the ledger filtered to an indicator's categories. */
export interface NavParams {
  /** in the address bar as one comma-joined value: `categories=jindu,jindu-lecture` */
  categories?: string[];
  outcome?: string;
  /** 文件 → 新建年度 in the native menu: the overview asks to create the next year */
  action?: 'new-year';
}

export interface AppState {
  unit: Unit;
  setUnit: (u: Unit) => void;
  year: number;
  years: YearSummary[];
  setYear: (y: number) => void;
  reloadYears: () => Promise<void>;
  screen: ScreenKey;
  params: NavParams;
  go: (screen: ScreenKey, params?: NavParams) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const v = useContext(AppContext);
  if (!v) throw new Error('AppContext missing');
  return v;
}
