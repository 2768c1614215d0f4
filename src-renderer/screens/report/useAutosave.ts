import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

/**
 * Save `value` ~`delay` ms after the last change, one request at a time; a change made while a
 * save is in flight is saved right after it. `flush()` saves now (Ctrl+S). Unsaved changes are
 * sent when the screen unmounts, so switching screens mid-debounce loses nothing.
 */
export function useAutosave<T>(value: T, save: (v: T) => Promise<unknown>, errorText: (e: unknown) => string, delay = 800) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef(value);
  const saved = useRef(value);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  latest.current = value;
  const alive = useRef(true);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return; // the running save re-checks when it ends
    const sending = latest.current;
    if (sending === saved.current) {
      if (alive.current) setState((s) => (s.kind === 'error' ? s : { kind: 'saved' }));
      return;
    }
    inFlight.current = true;
    if (alive.current) setState({ kind: 'saving' });
    try {
      await saveRef.current(sending);
      saved.current = sending;
      inFlight.current = false;
      if (latest.current !== sending) return flush();
      if (alive.current) setState({ kind: 'saved' });
    } catch (err) {
      inFlight.current = false;
      if (alive.current) setState({ kind: 'error', message: errorText(err) });
    }
  }, [errorText]);

  useEffect(() => {
    if (value === saved.current) return;
    setState((s) => (s.kind === 'error' ? s : { kind: 'saving' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  }, [value, delay, flush]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
      if (latest.current !== saved.current && !inFlight.current) void saveRef.current(latest.current).catch(() => {});
    };
  }, []);

  return { state, flush };
}
