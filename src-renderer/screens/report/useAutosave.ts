import { useCallback, useEffect, useRef, useState } from 'react';
import { isElectron } from '../../api/client';
import { showBackgroundError } from '../../components/backgroundErrors';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'error'; message: string };

/**
 * Save `value` ~`delay` ms after the last change, one request at a time; a change made while a
 * save is in flight is saved right after it. `flush()` saves now (Ctrl+S). Unsaved changes are
 * sent when the screen unmounts and when the page is closed or reloaded, so nothing typed within
 * the debounce is lost; a save that fails after the editor is gone is shown by the frame.
 */
export function useAutosave<T>(
  value: T,
  save: (v: T) => Promise<unknown>,
  errorText: (e: unknown) => string,
  delay = 800,
  /** what the frame names when a save fails after the screen is gone */
  what = '报告',
) {
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
      else showBackgroundError(`${what}的最新修改未能保存：${errorText(err)}`);
    }
  }, [errorText, what]);

  useEffect(() => {
    if (value === saved.current) return;
    setState((s) => (s.kind === 'error' ? s : { kind: 'saving' }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  }, [value, delay, flush]);

  // Closing the window or reloading does not unmount React: send what is pending now (the HTTP
  // transport marks it keepalive so it outlives the page).
  useEffect(() => {
    const leaving = (e: Event) => {
      if (latest.current === saved.current) return;
      void flush();
      // the browser then asks before leaving, which also gives the save time to land; Electron
      // would silently refuse to close the window instead, so it only sends
      if (e.type === 'beforeunload' && !isElectron) e.preventDefault();
    };
    window.addEventListener('beforeunload', leaving);
    window.addEventListener('pagehide', leaving);
    return () => {
      window.removeEventListener('beforeunload', leaving);
      window.removeEventListener('pagehide', leaving);
    };
  }, [flush]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      // a failure now goes to the frame (see flush), not to this vanished badge
      void flush();
    };
  }, [flush]);

  return { state, flush };
}
