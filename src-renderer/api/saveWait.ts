/**
 * What a slow save is waiting for, as the screens read it: set by the one `call` (api/client.ts)
 * through the shared wait watch, read with `useSaveWait()` by the notice every screen shows.
 */
import { useSyncExternalStore } from 'react';
import type { WaitNotice } from '../../src-shared/methods/damaged';

let current: WaitNotice | null = null;
const listeners = new Set<() => void>();

export function publishWait(n: WaitNotice | null): void {
  current = n;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** the current wait, or null; re-renders when it changes */
export function useSaveWait(): WaitNotice | null {
  return useSyncExternalStore(subscribe, () => current);
}
