/**
 * "The save is waiting, not failing": while a write waits longer than a moment for a file another
 * program holds (a virus scanner, the search indexer, OneDrive, WPS) or for another 法治年报 process to
 * finish its save, the store says so here, so any screen can show it instead of a spinner that
 * looks stuck. Transport-neutral: a value to read and listeners to call; the desktop app, the
 * browser bridge and the CLI each pass it on in their own way.
 */

import type { WaitNotice } from '../../src-shared/methods/damaged';

export type { WaitNotice };

export const WAITING_FOR_PROGRAM = '正在等待其他程序释放文件…';
export const WAITING_FOR_FAZHI = '正在等待另一个法治年报程序保存完毕…';

/** Shown only after this long: a wait of a few milliseconds is not news. */
export const NOTICE_AFTER_MS = 800;

const active = new Map<number, WaitNotice>();
const listeners = new Set<(n: WaitNotice | null) => void>();
let nextId = 1;

/** The oldest wait still going on in this process, or null. */
export function currentWait(): WaitNotice | null {
  const first = active.values().next();
  return first.done ? null : { ...first.value };
}

/** Calls `listener` with the current wait (or null) whenever it changes; returns the unsubscribe. */
export function onWait(listener: (n: WaitNotice | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  const n = currentWait();
  for (const l of listeners) {
    try {
      l(n);
    } catch {
      // a screen's listener must not break a save
    }
  }
}

/** A wait that has begun: `show()` once it has lasted long enough to mention, `end()` always. */
export function beginWait(message: string, file: string): { show(): void; end(): void } {
  const id = nextId++;
  const since = new Date().toISOString();
  let shown = false;
  return {
    show() {
      if (shown) return;
      shown = true;
      active.set(id, { message: `${message}（${file}）`, file, since });
      changed();
    },
    end() {
      if (!shown) return;
      active.delete(id);
      changed();
    },
  };
}
