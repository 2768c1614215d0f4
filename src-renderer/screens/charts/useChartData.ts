import type { IndicatorRow } from '../../../src-shared/contract';
import type { LedgerCategory } from '../../../src-shared/catalog/ledgerCategories';
import type { LedgerEntry, MediationCase } from '../../../src-shared/domain/ledger';
import type { Unit } from '../../../src-shared/domain/unit';
import { failureText, useMethodQuery } from '../../api/queries';

export interface ChartData {
  year: number;
  unit: Unit | null;
  ledger: LedgerEntry[];
  mediation: MediationCase[];
  categories: LedgerCategory[];
  indicators: IndicatorRow[];
}

/**
 * What the charts draw, from the query cache: an entry added or a figure changed anywhere
 * refetches what it dirtied, and the charts follow.
 */
export function useChartData(year: number): { data: ChartData | null; error: string | null; retry: () => void } {
  const unit = useMethodQuery('unit.get', {});
  const ledger = useMethodQuery('ledger.list', { year });
  const mediation = useMethodQuery('mediation.list', { year });
  const categories = useMethodQuery('ledger.categories', {});
  const indicators = useMethodQuery('indicators.list', { year });
  const all = [unit, ledger, mediation, categories, indicators];
  const error = all.map(failureText).find(Boolean) ?? null;
  const retry = () => all.forEach((q) => q.error && void q.refetch());
  if (unit.data === undefined || !ledger.data || !mediation.data || !categories.data || !indicators.data) return { data: null, error, retry };
  return {
    data: { year, unit: unit.data, ledger: ledger.data, mediation: mediation.data, categories: categories.data, indicators: indicators.data },
    error,
    retry,
  };
}
