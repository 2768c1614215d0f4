// @vitest-environment jsdom
/**
 * Electron autosave on close: text typed while a save is under way must be saved before the window
 * goes. Electron shows no "leave page?" dialog, so the hook holds the close (beforeunload
 * prevented), saves everything, then tells the shell to go on (`fazhi.leave`): the shell closes the
 * window or reloads the page, whichever was asked for (test/electron/shell.test.ts).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { useState } from 'react';

type Hook = typeof import('../../src-renderer/screens/report/useAutosave').useAutosave;
let useAutosave: Hook;

beforeAll(async () => {
  // the preload's bridge is present: the renderer runs inside Electron
  (window as unknown as { fazhi: unknown }).fazhi = { call: async () => ({ ok: true, value: null }), leave: async () => undefined };
  ({ useAutosave } = await import('../../src-renderer/screens/report/useAutosave'));
});
afterEach(cleanup);

/** A save that lands only when the test says so (a slow disk). */
function slowStore() {
  const stored: string[] = [];
  const waiting: Array<() => void> = [];
  const save = (v: string) =>
    new Promise<void>((resolve) =>
      waiting.push(() => {
        stored.push(v);
        resolve();
      }),
    );
  const landOne = async () => {
    await act(async () => {
      waiting.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    });
  };
  return { stored, waiting, save, landOne };
}

describe('Electron autosave when the window closes', () => {
  it('saves what was typed during a running save, and only then lets the window go', async () => {
    const db = slowStore();
    let setText: (v: string) => void = () => undefined;
    function Editor() {
      const [text, set] = useState('');
      setText = set;
      useAutosave(text, db.save, String, 10);
      return <p>{text}</p>;
    }
    const close = vi.spyOn((window as unknown as { fazhi: { leave: () => Promise<void> } }).fazhi, 'leave');
    render(<Editor />);
    act(() => setText('第一段'));
    await act(() => new Promise((r) => setTimeout(r, 30))); // the debounced save of 第一段 starts
    expect(db.waiting).toHaveLength(1);
    act(() => setText('第一段，又补充了一句')); // typed while that save is under way

    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true); // the close is held
    expect(close).not.toHaveBeenCalled();

    await db.landOne(); // 第一段 lands; the newer text is sent right after
    expect(close).not.toHaveBeenCalled();
    await db.landOne();
    expect(db.stored).toEqual(['第一段', '第一段，又补充了一句']);
    expect(close).toHaveBeenCalledTimes(1);

    // nothing pending any more: a close goes straight through
    const again = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
    close.mockRestore();
  });

  it('does not close over a failed save, and lets the clerk close on the second try', async () => {
    let setText: (v: string) => void = () => undefined;
    const failing = () => Promise.reject(new Error('磁盘空间不足'));
    const message = (e: unknown) => (e as Error).message; // stable, as the screens pass it
    function Editor() {
      const [text, set] = useState('');
      setText = set;
      const { state } = useAutosave(text, failing, message, 10_000);
      return <p>{state.kind}</p>;
    }
    const close = vi.spyOn((window as unknown as { fazhi: { leave: () => Promise<void> } }).fazhi, 'leave');
    render(<Editor />);
    act(() => setText('没存上的字'));
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(close).not.toHaveBeenCalled();
    const again = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
    close.mockRestore();
  });
});
