import { useCallback, useEffect, useRef, useState } from 'react';
import { isElectron, leaveAfterSave } from '../../api/platform';
import { showBackgroundError } from '../../components/backgroundErrors';
import { composing } from '../../components/ime';

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
  /**
   * The value as it is now, when that can be ahead of the rendered `value` (the report editor
   * renders a keystroke a moment after it): what a save, a close or a reload sends.
   */
  current?: () => T,
) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef(value);
  const saved = useRef(value);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  latest.current = value;
  const currentRef = useRef(current);
  currentRef.current = current;
  const now = useCallback(() => (currentRef.current ? currentRef.current() : latest.current), []);
  const alive = useRef(true);

  /** the save under way, so closing can wait for it */
  const running = useRef<Promise<void> | null>(null);
  /** the last save failed (cleared by the next success) */
  const failed = useRef(false);
  /** Electron close held back until the pending text is saved */
  const closing = useRef(false);
  /** a save failed while closing: the clerk has seen why, the next close is let through */
  const closeAnyway = useRef(false);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return; // the running save re-checks when it ends
    const sending = now();
    if (sending === saved.current) {
      if (alive.current) setState((s) => (s.kind === 'error' ? s : { kind: 'saved' }));
      return;
    }
    inFlight.current = true;
    if (alive.current) setState({ kind: 'saving' });
    const run = (async () => {
      try {
        await saveRef.current(sending);
        saved.current = sending;
        failed.current = false;
        inFlight.current = false;
        if (now() !== sending) return flush();
        if (alive.current) setState({ kind: 'saved' });
      } catch (err) {
        inFlight.current = false;
        failed.current = true;
        if (alive.current) setState({ kind: 'error', message: errorText(err) });
        else showBackgroundError(`${what}的最新修改未能保存：${errorText(err)}`);
      }
    })();
    running.current = run;
    return run;
  }, [errorText, what, now]);

  /** Saves until what is on screen is what is stored (text typed during a save included); false on a failure. */
  const settle = useCallback(async (): Promise<boolean> => {
    for (let round = 0; round < 20; round++) {
      if (running.current && inFlight.current) await running.current.catch(() => undefined);
      if (now() === saved.current && !inFlight.current) return true;
      if (failed.current && !inFlight.current && round > 0) return false;
      failed.current = false;
      await flush();
      if (failed.current) return false;
    }
    return now() === saved.current;
  }, [flush]);

  useEffect(() => {
    if (value === saved.current) return;
    // the same object while already 'saving': a new one would render the whole editor again on every keystroke
    setState((s) => (s.kind === 'error' || s.kind === 'saving' ? s : { kind: 'saving' }));
    if (timer.current) clearTimeout(timer.current);
    // half-typed pinyin is not saved: wait while an input method is composing
    const later = () => {
      if (composing()) timer.current = setTimeout(later, delay);
      else void flush();
    };
    timer.current = setTimeout(later, delay);
  }, [value, delay, flush]);

  // Closing the window or reloading does not unmount React: send what is pending now (the HTTP
  // transport marks it keepalive so it outlives the page).
  useEffect(() => {
    const leaving = (e: Event) => {
      if (now() === saved.current) return;
      if (e.type === 'beforeunload' && isElectron) {
        if (closeAnyway.current) return void flush();
        // Electron: hold the close (no dialog there) until everything typed is saved, including
        // what was typed while a save was under way, then close the window ourselves
        e.preventDefault();
        (e as BeforeUnloadEvent).returnValue = false;
        if (closing.current) return;
        closing.current = true;
        void settle().then((ok) => {
          closing.current = false;
          if (ok) leaveAfterSave(); // a close closes, a reload reloads (the shell knows which)
          else closeAnyway.current = true; // the error is on screen; closing again is the clerk's choice
        });
        return;
      }
      void flush();
      // the browser then asks before leaving, which also gives the save time to land
      if (e.type === 'beforeunload') e.preventDefault();
    };
    window.addEventListener('beforeunload', leaving);
    window.addEventListener('pagehide', leaving);
    return () => {
      window.removeEventListener('beforeunload', leaving);
      window.removeEventListener('pagehide', leaving);
    };
  }, [flush, settle]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      // a failure now goes to the frame (see flush), not to this vanished badge
      void flush();
    };
  }, [flush]);

  return { state, flush, settle };
}
