/**
 * What a held unload should become once the renderer has saved. Closing the window and reloading
 * (Ctrl+R, 视图 → 重新加载, the reload after a restore) both fire `beforeunload`; with typed text
 * unsaved the renderer holds it, saves, and then asks to go on. The renderer cannot tell a close
 * from a reload, so main remembers which one was asked for: Electron emits the window's `close`
 * before `beforeunload`, and every reload the app offers goes through `requestReload`. Anything
 * else that unloads the page is a navigation, so the default is to reload, never to close: the
 * old rule (always `window.close()`) shut the app when the clerk only wanted a reload.
 */
import type { BrowserWindow } from 'electron';

export type LeaveIntent = 'close' | 'reload';

export interface Leaving {
  /** a reload asked for by the clerk or the app: held by unsaved text, it reloads after the save */
  requestReload(): void;
  /** the renderer saved what it held the unload for: do what was asked */
  proceed(): void;
  intent(): LeaveIntent;
}

export function trackLeaving(win: Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed' | 'webContents'>): Leaving {
  let intent: LeaveIntent = 'reload';
  win.on('close', () => {
    intent = 'close';
  });
  return {
    requestReload() {
      if (win.isDestroyed()) return;
      intent = 'reload';
      win.webContents.reload();
    },
    proceed() {
      if (win.isDestroyed()) return;
      const now = intent;
      intent = 'reload';
      if (now === 'close') win.close();
      else win.webContents.reload();
    },
    intent: () => intent,
  };
}
