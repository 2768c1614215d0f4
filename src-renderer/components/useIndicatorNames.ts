import { useCallback, useMemo } from 'react';
import { useMethodQuery } from '../api/queries';

/** An indicator's name as the clerk knows it (指标录入), by id; undefined for one that no longer exists. */
export function useIndicatorNames(year: number): (id: string) => string | undefined {
  const list = useMethodQuery('indicators.list', { year });
  const names = useMemo(() => new Map((list.data ?? []).map((r) => [r.def.id, r.def.name])), [list.data]);
  return useCallback((id: string) => names.get(id), [names]);
}
