import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow, Screen } from 'electron';
import {
  MIN_HEIGHT,
  MIN_WIDTH,
  WINDOW_STATE_FILE,
  createMainWindow,
  loadWindowState,
  mainWindowOptions,
  placeOnScreen,
} from '../../src-main/electron/window';
import { FakeBrowserWindow, asReal } from './fakeElectron';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fazhi-win-'));
  FakeBrowserWindow.instances = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const screen = asReal<Pick<Screen, 'getAllDisplays'>>({ getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] });
const open = () =>
  asReal<FakeBrowserWindow>(
    createMainWindow(
      { BrowserWindow: asReal<new (o: unknown) => BrowserWindow>(FakeBrowserWindow), screen },
      { preload: '/app/dist/main/preload.cjs', userDataDir: dir, devTools: false },
    ),
  );

describe('main window options', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const o = mainWindowOptions({ preload: '/p/preload.cjs', state: loadWindowState(dir), devTools: false });
    expect(o.webPreferences).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(o.minWidth).toBeGreaterThanOrEqual(1024);
    // tall enough for the screens, short enough for a 1280×672 work area (1080p at 150%)
    expect(o.minHeight).toBeGreaterThanOrEqual(600);
    expect(o.minHeight).toBeLessThanOrEqual(672);
    expect(o.show).toBe(false);
    expect(o.title).toBe('法治年报');
  });

  it('opens hidden on app://fazhi and shows only when ready to show', () => {
    const win = open();
    expect(win.loadedUrl).toBe('app://fazhi/index.html');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('window size and position are remembered', () => {
  it('saves the bounds on close and restores them next time', () => {
    const first = open();
    first.bounds = { x: 200, y: 120, width: 1400, height: 900 };
    first.emit('close');
    const saved = JSON.parse(readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8'));
    expect(saved).toEqual({ x: 200, y: 120, width: 1400, height: 900, maximized: false });
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]); // no temp file left from the atomic write

    const second = open();
    expect(second.options).toMatchObject({ x: 200, y: 120, width: 1400, height: 900 });
  });

  it('reopens maximized when closed maximized', () => {
    const first = open();
    first.maximized = true;
    first.emit('close');
    const second = open();
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });

  it('falls back to defaults when the file is corrupt, and never below the minimum size', () => {
    writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"width": 1400, "hei');
    expect(loadWindowState(dir)).toEqual({ width: 1280, height: 800, maximized: false });
    writeFileSync(path.join(dir, WINDOW_STATE_FILE), JSON.stringify({ width: 300, height: 200, x: 'a', y: 5 }));
    const s = loadWindowState(dir);
    expect(s.width).toBe(MIN_WIDTH);
    expect(s.height).toBe(MIN_HEIGHT);
    expect(s.x).toBeUndefined();
  });

  it('forgets a position that is off every display (monitor unplugged)', () => {
    const displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    expect(placeOnScreen({ width: 1280, height: 800, x: 3000, y: 100, maximized: false }, displays)).toEqual({
      width: 1280,
      height: 800,
      maximized: false,
    });
    expect(placeOnScreen({ width: 1280, height: 800, x: 50, y: 40, maximized: false }, displays).x).toBe(50);
  });
});
