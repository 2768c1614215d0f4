/**
 * Typed input that is on the screen but not saved yet (an entry form half filled, a date that
 * does not read, a 负责人 row without a name). Leaving the screen, changing the year or closing
 * the window asks first while any is there (issue 17: nothing typed is dropped by leaving).
 * A screen says what it holds, in the clerk's words; the frame asks.
 */
import { useEffect, useRef } from 'react';

const holders = new Map<number, string>();
let nextKey = 1;

/** What is typed and not saved, as the clerk would name it ("活动台账中正在录入的一条记录"). */
export function unsavedInputs(): string[] {
  return [...new Set(holders.values())];
}

/** While `what` is a text, this component holds unsaved input described by it. */
export function useUnsavedInput(what: string | null | false | undefined) {
  const key = useRef(0);
  if (!key.current) key.current = nextKey++;
  useEffect(() => {
    const k = key.current;
    if (what) holders.set(k, what);
    else holders.delete(k);
    return () => void holders.delete(k);
  }, [what]);
}

// closing the window or reloading: the browser's own "leave the page?" question
if (typeof window !== 'undefined')
  window.addEventListener('beforeunload', (e) => {
    if (holders.size) e.preventDefault();
  });
