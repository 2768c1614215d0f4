/**
 * Start-up: unreadable data files (shown with their choices), the unit (none: the welcome screen)
 * and the years, asked for at once as the page loads. Each is fetched through the query cache
 * (refetchMethod), so the screens that read the same data start from it; `start()` runs it again
 * after a change that decides which of these the app shows (a damaged file dealt with, the first
 * unit created).
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

/** Where start-up ends, as the services answer (no React here: main.tsx starts it before the first render). */
async function readBoot(): Promise<Boot> {
  try {
    // The three reads at once, not one after another. Unreadable files are shown with their
    // choices. Any of the three may be the read that repairs a file from its backup (the store
    // does it once, under the file's lock); the unit's read is then told so and asks again below.
    const damagedP = refetchMethod('data.damaged', {});
    const yearsP = refetchMethod('years.list', {});
    const unitP = refetchMethod('unit.get', {});
    // looked at only when no unreadable unit.json stops start-up first
    yearsP.catch(() => undefined);
    unitP.catch(() => undefined);
    const damaged = await damagedP;
    if (damaged.some((d) => d.year === null)) return { phase: 'damaged', damaged };
    const unit = await unitP.catch(() => refetchMethod('unit.get', {}));
    // no unit is the welcome screen
    if (!unit) return { phase: 'welcome' };
    const years = await yearsP;
    // the first screen's reads go out before the frame is drawn, not after
    if (years.length && readHash().screen === 'overview') prefetchOverview(pickYear(years));
    return { phase: 'ready', unit, years, damaged };
  } catch (err) {
    return { phase: 'failed', message: errorText(err) };
  }
}

/** Start-up begun by main.tsx before React's first render, which takes a while (antd's theme). */
let early: Promise<Boot> | null = null;
export function startBootEarly(): void {
  early = readBoot();
}

export function useBoot(): { boot: Boot; start: () => Promise<void> } {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });

  const start = useCallback(async () => {
    setBoot({ phase: 'loading' });
    setBoot(await readBoot());
  }, []);

  useEffect(() => {
    const first = early ?? readBoot();
    early = null;
    let shown = true;
    void first.then((b) => shown && setBoot(b));
    return () => {
      shown = false;
    };
  }, []);

  return { boot, start };
}
