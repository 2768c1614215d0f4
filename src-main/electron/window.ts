/**
 * The one application window: secure webPreferences, a remembered size and position (a small
 * JSON next to the user data, written atomically so a crash never leaves it half-written), and
 * shown only once the first paint is ready so the clerk never sees a white flash.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, Screen } from 'electron';
import { APP_START_URL } from './appOrigin';

/**
 * The smallest window the screens are laid out for. It must fit the work area of the smallest
 * screen a township PC has: a 1080p laptop at 150% scaling gives 1280×720 logical pixels, less a
 * 48-pixel taskbar = 1280×672. A minimum taller than that pushes the window's bottom edge (and
 * the 保存/导出 buttons) under the taskbar.
 */
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;
export const WINDOW_STATE_FILE = 'window-state.json';

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;

/** Reads the saved state; anything missing, corrupt or too small falls back to defaults. */
export function loadWindowState(userDataDir: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(userDataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_WINDOW_STATE };
  const r = raw as Record<string, unknown>;
  const state: WindowState = {
    width: isInt(r.width) ? Math.max(MIN_WIDTH, r.width) : DEFAULT_WINDOW_STATE.width,
    height: isInt(r.height) ? Math.max(MIN_HEIGHT, r.height) : DEFAULT_WINDOW_STATE.height,
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y)) {
    state.x = r.x;
    state.y = r.y;
  }
  return state;
}

/** Write-then-rename: readers see the old file or the new one, never a torn one. */
export function saveWindowState(userDataDir: string, state: WindowState): void {
  mkdirSync(userDataDir, { recursive: true });
  const target = path.join(userDataDir, WINDOW_STATE_FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state), 'utf8');
  renameSync(tmp, target);
}

/**
 * Drops a saved position that would put the window off every current display (a monitor was
 * unplugged since last time); the OS then centres it.
 */
export function placeOnScreen(state: WindowState, displays: Array<{ workArea: Rectangle }>): WindowState {
  if (state.x === undefined || state.y === undefined) return fitToWorkArea(state, displays);
  const { x, y } = state;
  // the title bar's left part must be reachable with the mouse
  const visible = displays.some(
    ({ workArea: a }) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 50,
  );
  if (visible) return fitToWorkArea(state, displays);
  const { x: _x, y: _y, ...rest } = state;
  return fitToWorkArea(rest, displays);
}

/**
 * A window larger than the screen it opens on (the default 1280×800 on a 1280×672 work area, or a
 * size saved on a bigger monitor) is shrunk to that screen's work area, never below the minimum.
 */
function fitToWorkArea(state: WindowState, displays: Array<{ workArea: Rectangle }>): WindowState {
  const on =
    (state.x !== undefined &&
      state.y !== undefined &&
      displays.find(({ workArea: a }) => state.x! >= a.x && state.x! < a.x + a.width && state.y! >= a.y && state.y! < a.y + a.height)) ||
    displays[0];
  if (!on) return state;
  const a = on.workArea;
  return {
    ...state,
    width: Math.max(MIN_WIDTH, Math.min(state.width, a.width)),
    height: Math.max(MIN_HEIGHT, Math.min(state.height, a.height)),
  };
}

export function mainWindowOptions(opts: {
  preload: string;
  state: WindowState;
  devTools: boolean;
}): BrowserWindowConstructorOptions {
  const { state } = opts;
  return {
    title: '法治年报',
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: opts.devTools,
    },
  };
}

type WindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface MainWindowDeps {
  BrowserWindow: WindowCtor;
  screen: Pick<Screen, 'getAllDisplays'>;
}

/** Creates the window, restores its geometry, saves it again on close, and loads the app. */
export function createMainWindow(
  deps: MainWindowDeps,
  opts: { preload: string; userDataDir: string; devTools: boolean; url?: string },
): BrowserWindow {
  const state = placeOnScreen(loadWindowState(opts.userDataDir), deps.screen.getAllDisplays());
  const win = new deps.BrowserWindow(mainWindowOptions({ preload: opts.preload, state, devTools: opts.devTools }));
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      const b = win.getNormalBounds();
      saveWindowState(opts.userDataDir, {
        width: b.width,
        height: b.height,
        x: b.x,
        y: b.y,
        maximized: win.isMaximized(),
      });
    } catch {
      // losing the window geometry is not worth bothering the clerk about
    }
  });
  void win.loadURL(opts.url ?? APP_START_URL);
  return win;
}

