import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../components/errors';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** reload; `quiet` keeps the current data on screen while loading */
  reload: (quiet?: boolean) => Promise<void>;
  setData: (updater: T | ((prev: T | undefined) => T)) => void;
}

/** Load something from the services; errors become a Chinese message instead of a throw. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  // a load that ends after the screen is gone (an export's follow-up reload, a test torn down)
  // must not set state: the page, or in tests the whole window, may no longer exist
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const current = (mine: number) => alive.current && mine === seq.current;
  // the caller's deps decide when `fn` is a new loader (fn itself is a fresh closure each render)
  const load = useCallback(fn, deps);

  const reload = useCallback(
    async (quiet = false) => {
      const mine = ++seq.current;
      if (!quiet) setLoading(true);
      try {
        const v = await load();
        if (current(mine)) {
          setDataState(v);
          setError(null);
        }
      } catch (err) {
        if (current(mine)) setError(errorText(err));
      } finally {
        if (current(mine)) setLoading(false);
      }
    },
    [load],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const setData = useCallback((updater: T | ((prev: T | undefined) => T)) => {
    setDataState((prev) => (typeof updater === 'function' ? (updater as (p: T | undefined) => T)(prev) : updater));
  }, []);

  return { data, error, loading, reload, setData };
}
