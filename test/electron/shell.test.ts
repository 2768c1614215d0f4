/**
 * The shell as a clerk's Windows PC gives it: a renderer killed by security software, a window
 * that never paints, a page that fails to load, a reload asked for while text is unsaved, a
 * portable build on a U盘, a small laptop screen. Electron is played by the fake; each case must
 * end with the window on screen and a Chinese message (or saved and reloaded), never invisible or
 * silently closed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import { createServices } from '../../src-main/services';
import { PORTABLE_DATA_FOLDER, USER_DATA_FOLDER, dataDirFor, sessionDataDirFor, startApp } from '../../src-main/electron/app';
import { SHOW_TIMEOUT_MS, watchRenderer } from '../../src-main/electron/rendererWatch';
import { createShellLog, SHELL_LOG_MAX_BYTES } from '../../src-main/electron/shellLog';
import { MIN_HEIGHT, MIN_WIDTH, placeOnScreen, DEFAULT_WINDOW_STATE } from '../../src-main/electron/window';
import { FakeBrowserWindow, asReal, fakeElectron } from './fakeElectron';

let dir: string;
let mainDir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fazhi-shell-'));
  mainDir = path.join(dir, 'dist', 'main');
  mkdirSync(mainDir, { recursive: true });
  mkdirSync(path.join(dir, 'dist', 'renderer'));
  writeFileSync(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>法治年报</title>');
  FakeBrowserWindow.instances = [];
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

async function boot(env: Record<string, string> = {}, answer?: (opts: any) => number) {
  const dataDir = path.join(dir, 'data');
  const f = fakeElectron({ appData: path.join(dir, 'AppData'), documents: path.join(dir, 'Documents'), messageBoxAnswer: answer });
  const servicesDirs: string[] = [];
  const started = startApp(asReal(f.electron), {
    mainDir,
    env: { FAZHI_DATA_DIR: dataDir, ...env },
    createServices: async (d) => {
      servicesDirs.push(d);
      return createServices(d);
    },
  });
  f.markReady();
  await started!.ready;
  const win = FakeBrowserWindow.instances[0]!;
  const from = { sender: win.webContents, frame: win.webContents.mainFrame };
  return { f, started: started!, win, from, dataDir, servicesDirs, logFile: path.join(dataDir, 'logs', 'shell.log') };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('a renderer that dies', () => {
  it('is shown with a Chinese message and a log line, and the clerk can reload it', async () => {
    const { f, win, logFile } = await boot();
    expect(win.shown).toBe(false); // never painted: security software killed it at start
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: -1073741819 });
    await settle();
    expect(win.shown).toBe(true);
    expect(f.dialogCalls.messages).toHaveLength(1);
    const m = f.dialogCalls.messages[0];
    expect(m.message).toBe('法治年报的界面意外关闭');
    expect(m.detail).toContain('界面进程崩溃');
    expect(m.detail).toContain('已经保存的数据不受影响');
    expect(m.detail).toContain(logFile);
    expect(m.buttons).toEqual(['重新加载', '退出']);
    expect(win.webContents.reloads).toBe(1); // the fake clerk chose 重新加载
    expect(readFileSync(logFile, 'utf8')).toMatch(/renderer gone: reason crashed, exit code -1073741819/);
  });

  it('a clean exit (the window closing) is no crash', async () => {
    const { f, win } = await boot();
    win.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await settle();
    expect(f.dialogCalls.messages).toHaveLength(0);
  });

  it('three deaths in a minute point at security software and offer the log', async () => {
    const { f, win, logFile } = await boot({}, (o) => (o.buttons.length === 3 ? 1 : 0));
    for (let i = 0; i < 3; i++) {
      win.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 1 });
      await settle();
    }
    const last = f.dialogCalls.messages.at(-1);
    expect(last.detail).toContain('360');
    expect(last.detail).toContain('信任列表');
    expect(last.buttons).toEqual(['重新加载', '打开日志所在文件夹', '退出']);
    expect(f.shown).toEqual([logFile]);
    expect(readFileSync(logFile, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('the clerk may quit instead', async () => {
    const { f, win } = await boot({}, (o) => o.buttons.indexOf('退出'));
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await settle();
    expect(f.app.quitCalled).toBe(true);
    expect(win.webContents.reloads).toBe(0);
  });

  it('a second launch while the renderer is gone reloads it and brings the window up', async () => {
    const { f, win } = await boot({}, () => 99); // the message was dismissed without a choice
    win.webContents.emit('render-process-gone', {}, { reason: 'launch-failed', exitCode: 1 });
    await settle();
    expect(win.webContents.reloads).toBe(0);
    win.shown = false;
    f.app.emit('second-instance', {}, [], dir);
    expect(win.webContents.reloads).toBe(1);
    expect(win.shown).toBe(true);
    expect(win.focused).toBe(true);
  });
});

describe('a window that never becomes ready', () => {
  it('is shown after the time limit, and the log says so', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { win, logFile } = await boot();
    expect(win.shown).toBe(false);
    vi.advanceTimersByTime(SHOW_TIMEOUT_MS + 1);
    expect(win.shown).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toContain(`not ready after ${SHOW_TIMEOUT_MS} ms`);
  });

  it('a window that painted in time is not logged', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { win, logFile } = await boot();
    win.emit('ready-to-show');
    vi.advanceTimersByTime(SHOW_TIMEOUT_MS + 1);
    expect(win.shown).toBe(true);
    expect(existsSync(logFile)).toBe(false);
  });

  it('a page that fails to load gets a message; an aborted navigation does not', async () => {
    const { f, win } = await boot({}, () => 1);
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://fazhi/index.html', true);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://fazhi/x.png', false);
    await settle();
    expect(f.dialogCalls.messages).toHaveLength(0);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://fazhi/index.html', true);
    await settle();
    expect(f.dialogCalls.messages[0].message).toBe('法治年报的界面无法加载');
    expect(win.shown).toBe(true);
    expect(f.app.quitCalled).toBe(true);
  });

  it('a hung renderer: waiting is the default, reloading is offered', async () => {
    const { f, win } = await boot();
    win.webContents.emit('unresponsive');
    await settle();
    const m = f.dialogCalls.messages[0];
    expect(m.buttons).toEqual(['继续等待', '重新加载']);
    expect(m.cancelId).toBe(0);
    expect(win.webContents.reloads).toBe(0);
  });

  it('one message at a time: a crash loop does not stack dialogs', async () => {
    let release: (n: number) => void = () => undefined;
    const win = new FakeBrowserWindow({ width: 1280, height: 800 });
    const shown: any[] = [];
    const watch = watchRenderer(asReal<BrowserWindow>(win), {
      dialog: asReal({ showMessageBox: (_w: unknown, o: unknown) => (shown.push(o), new Promise((r) => (release = (n) => r({ response: n })))) }),
      app: asReal({ quit: () => undefined }),
      shell: asReal({ showItemInFolder: () => undefined }),
      log: createShellLog(path.join(dir, 'logs')),
      showTimeoutMs: 60_000,
    });
    for (let i = 0; i < 5; i++) win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(shown).toHaveLength(1);
    release(0);
    await settle();
    expect(win.webContents.reloads).toBe(1);
    watch.dispose();
  });
});

describe('reload while text is unsaved', () => {
  it('Ctrl+R held by the renderer for a save reloads after it, and does not close the app', async () => {
    const { f, win, from } = await boot();
    const view = (f.menus.template as any[])[2].submenu as any[];
    view.find((i) => i.label === '重新加载').click();
    expect(win.webContents.reloads).toBe(1);
    // the renderer held that reload (beforeunload), saved, and now lets it go on
    await f.electron.ipcMain.invoke(IPC_CHANNELS.leave, from);
    expect(win.webContents.reloads).toBe(2);
    expect(win.closeCalls).toBe(0);
  });

  it('a close held for a save closes after it', async () => {
    const { f, win, from } = await boot();
    win.emit('close', { preventDefault: () => undefined });
    await f.electron.ipcMain.invoke(IPC_CHANNELS.leave, from);
    expect(win.closeCalls).toBe(1);
    expect(win.webContents.reloads).toBe(0);
  });

  it('the reload after a restore goes through the shell too', async () => {
    const { f, win, from } = await boot();
    await f.electron.ipcMain.invoke(IPC_CHANNELS.reload, from);
    await f.electron.ipcMain.invoke(IPC_CHANNELS.leave, from);
    expect(win.webContents.reloads).toBe(2);
    expect(win.closeCalls).toBe(0);
  });

  it('a page that navigated away cannot close or reload the window', async () => {
    const { f, win } = await boot();
    const foreign = { sender: win.webContents, frame: win.webContents.subframe('app://fazhi/index.html') };
    win.emit('close', { preventDefault: () => undefined });
    await expect(f.electron.ipcMain.invoke(IPC_CHANNELS.leave, foreign)).rejects.toThrow('已拒绝');
    expect(win.closeCalls).toBe(0);
  });
});

describe('where things live on Windows', () => {
  it('the portable build keeps its data beside the .exe; FAZHI_DATA_DIR still wins', async () => {
    const usb = path.join(dir, 'U盘', '法治年报');
    expect(dataDirFor('/u', { PORTABLE_EXECUTABLE_DIR: usb })).toBe(path.join(usb, PORTABLE_DATA_FOLDER));
    expect(dataDirFor('/u', { PORTABLE_EXECUTABLE_DIR: usb, FAZHI_DATA_DIR: '/chosen' })).toBe(path.resolve('/chosen'));
    expect(dataDirFor('/u', { PORTABLE_EXECUTABLE_DIR: ' ' })).toBe(path.join('/u', 'data'));
    const f = fakeElectron({ appData: path.join(dir, 'AppData'), documents: path.join(dir, 'Documents') });
    const dirs: string[] = [];
    const started = startApp(asReal(f.electron), {
      mainDir,
      env: { PORTABLE_EXECUTABLE_DIR: usb },
      createServices: async (d) => (dirs.push(d), createServices(d)),
    });
    f.markReady();
    await started!.ready;
    expect(dirs).toEqual([path.join(usb, PORTABLE_DATA_FOLDER)]);
    expect(existsSync(path.join(usb, PORTABLE_DATA_FOLDER))).toBe(true);
  });

  it("Chromium's session data goes to %LOCALAPPDATA%, not beside the data in Roaming", () => {
    const local = 'C:\\Users\\张三\\AppData\\Local';
    expect(sessionDataDirFor({ LOCALAPPDATA: local }, 'win32')).toBe(path.join(local, USER_DATA_FOLDER, 'session'));
    expect(sessionDataDirFor({}, 'win32')).toBeNull();
    expect(sessionDataDirFor({ LOCALAPPDATA: local }, 'linux')).toBeNull();
  });

  it('the window fits a 1080p laptop at 150% scaling (1280×672 work area)', () => {
    const laptop = [{ workArea: { x: 0, y: 0, width: 1280, height: 672 } }];
    expect(MIN_WIDTH).toBeLessThanOrEqual(1280);
    expect(MIN_HEIGHT).toBeLessThanOrEqual(672);
    const first = placeOnScreen({ ...DEFAULT_WINDOW_STATE }, laptop);
    expect(first.width).toBeLessThanOrEqual(1280);
    expect(first.height).toBeLessThanOrEqual(672);
    // a size saved on a big office monitor, then opened on the laptop
    const big = placeOnScreen({ width: 1900, height: 1000, x: 10, y: 10, maximized: false }, laptop);
    expect([big.width, big.height]).toEqual([1280, 672]);
    // never below the minimum, even on a smaller screen
    const tiny = placeOnScreen({ width: 1280, height: 800, maximized: false }, [{ workArea: { x: 0, y: 0, width: 800, height: 560 } }]);
    expect([tiny.width, tiny.height]).toEqual([MIN_WIDTH, MIN_HEIGHT]);
  });
});

describe('the shell log', () => {
  it('rotates past its size so a crash loop cannot fill the disk', () => {
    const log = createShellLog(path.join(dir, 'logs'));
    const line = 'x'.repeat(10_000);
    for (let i = 0; i < Math.ceil(SHELL_LOG_MAX_BYTES / 10_000) + 5; i++) log.write(line);
    expect(readFileSync(log.file, 'utf8').length).toBeLessThan(SHELL_LOG_MAX_BYTES);
    expect(existsSync(`${log.file}.1`)).toBe(true);
  });

  it('never throws, even where it cannot write', () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    expect(() => createShellLog(path.join(blocker, 'logs')).write('x')).not.toThrow();
  });
});
