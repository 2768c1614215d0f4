/**
 * "The save is waiting, not failing", carried to whoever made the call. A save can wait up to a
 * minute for a file another program holds (on Windows: a virus scanner, the search indexer,
 * OneDrive, WPS) or for another 法治年报 process; the store says so (`data.waiting`), and while any
 * call has been pending longer than a moment, the caller's side asks every POLL_MS and shows what it
 * hears. Used by the renderer (every screen) and the CLI (a line on stderr); the caller hands in its
 * timers, since src-shared sees neither Node's nor the DOM's globals.
 */
import type { WaitNotice } from '../methods/damaged';

/** A call shorter than this is not news (the store's own threshold is about the same). */
export const WAIT_ASK_AFTER_MS = 900;
export const WAIT_POLL_MS = 600;

export interface WaitWatch {
  /** follows `pending` (a call in flight); returns it unchanged */
  track<T>(pending: Promise<T>): Promise<T>;
}

/** setTimeout/clearTimeout of the floor that runs the watch */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * `ask` reads what the store waits for (null: nothing); `show` is called with each new notice and
 * with null once the waiting is over or every call has ended.
 */
export function createWaitWatch(ask: () => Promise<WaitNotice | null>, show: (n: WaitNotice | null) => void, timers: Timers): WaitWatch {
  let pending = 0;
  let timer: unknown = null;
  let shown: string | null = null;
  const publish = (n: WaitNotice | null) => {
    const key = n?.message ?? null;
    if (key === shown) return;
    shown = key;
    show(n);
  };
  const schedule = (ms: number) => {
    timer = timers.set(tick, ms);
  };
  function tick(): void {
    timer = null;
    ask()
      .then((n) => pending > 0 && publish(n))
      // a failed ask says nothing: the call itself reports its own outcome
      .catch(() => undefined)
      .finally(() => {
        if (pending > 0 && timer === null) schedule(WAIT_POLL_MS);
      });
  }
  return {
    track(p) {
      if (pending++ === 0) schedule(WAIT_ASK_AFTER_MS);
      const done = () => {
        if (--pending > 0) return;
        if (timer !== null) timers.clear(timer);
        timer = null;
        publish(null);
      };
      p.then(done, done);
      return p;
    },
  };
}
