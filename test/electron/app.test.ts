import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import { createServices } from '../../src-main/services';
import { USER_DATA_FOLDER, dataDirFor, startApp } from '../../src-main/electron/app';
import { FakeBrowserWindow, asReal, fakeElectron } from './fakeElectron';

let dir: string;
let mainDir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fazhi-app-'));
  // packaged layout: dist/main (bundles) next to dist/renderer
  mainDir = path.join(dir, 'dist', 'main');
  mkdirSync(mainDir, { recursive: true });
  mkdirSync(path.join(dir, 'dist', 'renderer'));
  writeFileSync(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>法治年报</title>');
  FakeBrowserWindow.instances = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string> = {}, o: { gotLock?: boolean; failServices?: boolean } = {}) {
  const f = fakeElectron({ appData: path.join(dir, 'AppData'), documents: path.join(dir, 'Documents'), gotLock: o.gotLock ?? true });
  const servicesDirs: string[] = [];
  const started = startApp(asReal(f.electron), {
    mainDir,
    env,
    createServices: async (dataDir) => {
      servicesDirs.push(dataDir);
      if (o.failServices) throw new Error('数据文件已损坏且无法恢复');
      return createServices(dataDir);
    },
  });
  return { f, started, servicesDirs };
}

describe('start-up', () => {
  it('registers the app scheme and the sandbox before ready, then opens one secure window on app://fazhi', async () => {
    const { f, started } = start({ FAZHI_DATA_DIR: path.join(dir, 'mydata') });
    expect(f.log).toContain('registerSchemesAsPrivileged');
    expect(f.log).toContain('enableSandbox');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    f.markReady();
    await started!.ready;
    const ready = f.log.indexOf('ready');
    expect(f.log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(f.log.indexOf('enableSandbox')).toBeLessThan(ready);
    expect(f.log.indexOf('protocol.handle:app')).toBeGreaterThan(ready);

    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const win = FakeBrowserWindow.instances[0]!;
    expect(win.loadedUrl).toBe('app://fazhi/index.html');
    expect(win.options.webPreferences.preload).toBe(path.join(mainDir, 'preload.cjs'));
    expect(win.options.webPreferences.devTools).toBe(true); // not packaged in this test

    // the protocol serves the renderer next to the bundles
    const page = await f.protocol.handled.get('app')!(new Request('app://fazhi/index.html'));
    expect(await page.text()).toContain('法治年报');
    // the session is hardened
    let granted: boolean | null = null;
    f.session.permissionRequest!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('uses FAZHI_DATA_DIR for the data and answers a call from the window end to end', async () => {
    const { f, started, servicesDirs } = start({ FAZHI_DATA_DIR: path.join(dir, 'mydata') });
    f.markReady();
    await started!.ready;
    expect(servicesDirs).toEqual([path.join(dir, 'mydata')]);
    const win = FakeBrowserWindow.instances[0]!;
    const r = (await f.electron.ipcMain.invoke(
      IPC_CHANNELS.call,
      { sender: win.webContents, frame: win.webContents.mainFrame },
      'app.info',
      {},
    )) as any;
    expect(r.value.dataDir).toBe(path.join(dir, 'mydata'));
  });

  it('keeps the data in a data folder inside the user data folder by default', async () => {
    const { f, started, servicesDirs } = start();
    f.markReady();
    await started!.ready;
    expect(servicesDirs).toEqual([path.join(dir, 'AppData', USER_DATA_FOLDER, 'data')]);
    expect(dataDirFor('/u', { FAZHI_DATA_DIR: '  ' })).toBe(path.join('/u', 'data'));
  });

  it('sends menu commands to the window', async () => {
    const { f, started } = start();
    f.markReady();
    await started!.ready;
    const file = (f.menus.template as any[])[0].submenu as any[];
    file.find((i) => i.label === '导出Word').click();
    expect(FakeBrowserWindow.instances[0]!.webContents.sent).toEqual([[IPC_CHANNELS.menu, 'export-word']]);
  });

  it('shows a Chinese error and quits when the data folder cannot be opened', async () => {
    const { f, started } = start({}, { failServices: true });
    f.markReady();
    await started!.ready;
    expect(f.dialogCalls.errors).toEqual([['法治年报无法启动', '打开数据文件夹时出错：数据文件已损坏且无法恢复']]);
    expect(f.app.quitCalled).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('single instance', () => {
  it('a second launch quits at once without a window', () => {
    const { f, started } = start({}, { gotLock: false });
    expect(started).toBeNull();
    expect(f.app.quitCalled).toBe(true);
    expect(f.log).not.toContain('registerSchemesAsPrivileged');
  });

  it('the first instance restores and focuses its window when a second one starts', async () => {
    const { f, started } = start();
    f.markReady();
    await started!.ready;
    const win = FakeBrowserWindow.instances[0]!;
    win.minimized = true;
    f.app.emit('second-instance', {}, [], dir);
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
  });

  it('waits for a save the closing window sent before it quits', async () => {
    const { f, started } = start({ FAZHI_DATA_DIR: path.join(dir, 'closing') });
    f.markReady();
    await started!.ready;
    const win = FakeBrowserWindow.instances[0]!;
    const from = { sender: win.webContents, frame: win.webContents.mainFrame };
    await f.electron.ipcMain.invoke(IPC_CHANNELS.call, from, 'demo.create', {});
    const report = ((await f.electron.ipcMain.invoke(IPC_CHANNELS.call, from, 'report.get', { year: 2024 })) as { value: any }).value;
    report.recipient = '关窗前最后一句';
    // the renderer's last autosave arrives as the window goes
    const saving = f.electron.ipcMain.invoke(IPC_CHANNELS.call, from, 'report.save', { year: 2024, report });
    f.app.emit('window-all-closed');
    expect(f.app.quitCalled).toBe(false);
    expect(((await saving) as { ok: boolean }).ok).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(f.app.quitCalled).toBe(true);
    const fresh = await createServices(path.join(dir, 'closing'));
    expect((await fresh['report.get']({ year: 2024 })).recipient).toBe('关窗前最后一句');
  });

  it('quits when the window is closed', async () => {
    const { f, started } = start();
    f.markReady();
    await started!.ready;
    FakeBrowserWindow.instances[0]!.emit('closed');
    f.app.emit('window-all-closed');
    expect(f.app.quitCalled).toBe(true);
    expect(started!.window()).toBeNull();
  });
});
