/**
 * Start-up: unreadable data files first (shown with their choices), then the unit (none: the welcome
 * screen), then the years. Each step is fetched through the query cache (refetchMethod), so the
 * screens that read the same data start from it; `start()` runs it again after a change that
 * decides which of these the app shows (a damaged file dealt with, the first unit created).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Unit } from '../../src-shared/domain/unit';
import type { DamagedFile, YearSummary } from '../../src-shared/contract';
import { refetchMethod } from '../api/queries';
import { prefetchOverview } from '../screens/overview/useOverview';
import { pickYear, readHash } from './useFrame';
import { errorText } from '../components/errors';

export type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'welcome' }
  | { phase: 'damaged'; damaged: DamagedFile[] }
  | { phase: 'ready'; unit: Unit; years: YearSummary[]; damaged: DamagedFile[] };

export function useBoot(): { boot: Boot; start: () => Promise<void> } {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });

  const start = useCallback(async () => {
    setBoot({ phase: 'loading' });
    try {
      // unreadable files are shown with their choices (asked first: that read is the one that
      // repairs a file from its backup); the rest opens as usual
      const damaged = await refetchMethod('data.damaged', {});
      if (damaged.some((d) => d.year === null)) return setBoot({ phase: 'damaged', damaged });
      // the unit and the years in one wait, not two in a row; no unit is the welcome screen
      const yearsP = refetchMethod('years.list', {});
      yearsP.catch(() => undefined); // looked at only when there is a unit
      const unit = await refetchMethod('unit.get', {});
      if (!unit) return setBoot({ phase: 'welcome' });
      const years = await yearsP;
      // the first screen's reads go out before the frame is drawn, not after
      if (years.length && readHash().screen === 'overview') prefetchOverview(pickYear(years));
      setBoot({ phase: 'ready', unit, years, damaged });
    } catch (err) {
      setBoot({ phase: 'failed', message: errorText(err) });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  return { boot, start };
}
