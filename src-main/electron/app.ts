/**
 * Start-up order of the shell, with the Electron API passed in so it can be exercised without the
 * Electron binary. No business rules here: the services do the work, this only wires windows,
 * protocol, IPC and menu. No update checks, no telemetry, nothing on the network at start-up.
 */
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import type { Handlers } from '../../src-shared/contract';
import { APP_DIR_NAME, dataDirFromEnv } from '../services/dataDir';
import { serializeError } from '../../src-shared/errors';
import { errnoCode } from '../../src-shared/fileErrors';
import { registerIpc, type IpcRegistration } from './ipc';
import { installMenu } from './menu';
import { registerAppProtocol, registerSchemePrivileges } from './protocol';
import { applyAppSecurity, hardenSession } from './security';
import { createMainWindow } from './window';

export const APP_USER_MODEL_ID = 'cn.gov.fazhi.nianbao';
/**
 * Set explicitly (not left to the packager's productName) so the desktop app and the CLI / web
 * bridge (services/dataDir.ts) always agree on %APPDATA%\法治年报\data.
 */
export const USER_DATA_FOLDER = APP_DIR_NAME;

export type ElectronApi = Pick<
  typeof import('electron'),
  'app' | 'BrowserWindow' | 'protocol' | 'session' | 'ipcMain' | 'dialog' | 'shell' | 'Menu' | 'screen'
>;

export interface StartOptions {
  createServices: (dataDir: string) => Promise<Handlers>;
  /** directory of the main bundle (dist/main); the renderer is its sibling dist/renderer */
  mainDir: string;
  env: Record<string, string | undefined>;
}

export interface StartedApp {
  /** resolves once the window exists (or start-up failed and the app is quitting) */
  ready: Promise<void>;
  window(): BrowserWindow | null;
  ipc(): IpcRegistration | null;
}

/** FAZHI_DATA_DIR wins (tests, portable use); otherwise a `data` folder in the user data folder. */
export function dataDirFor(userDataDir: string, env: Record<string, string | undefined>): string {
  return dataDirFromEnv(env) ?? path.join(userDataDir, 'data');
}

/** Returns null when another instance already runs (that one is focused instead). */
export function startApp(electron: ElectronApi, opts: StartOptions): StartedApp | null {
  const { app } = electron;
  app.setPath('userData', path.join(app.getPath('appData'), USER_DATA_FOLDER));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  // both must happen before `ready`
  registerSchemePrivileges(electron.protocol);
  applyAppSecurity(app);

  let win: BrowserWindow | null = null;
  let ipc: IpcRegistration | null = null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => {
    // a save the window sent as it closed must land before the process ends
    if (ipc?.busy()) void ipc.whenIdle().then(() => app.quit());
    else app.quit();
  });

  const ready = app.whenReady().then(async () => {
    hardenSession(electron.session.defaultSession);
    registerAppProtocol(electron.protocol, path.join(opts.mainDir, '..', 'renderer'));

    const userData = app.getPath('userData');
    const dataDir = dataDirFor(userData, opts.env);
    let handlers: Handlers;
    try {
      handlers = await opts.createServices(dataDir);
    } catch (err) {
      // a file error (disk full, no permission) in Chinese; anything else as it was thrown
      const message = errnoCode(err) ? serializeError(err).message : err instanceof Error ? err.message : String(err);
      electron.dialog.showErrorBox('法治年报无法启动', `打开数据文件夹时出错：${message}`);
      app.quit();
      return;
    }

    const devTools = !app.isPackaged;
    ipc = registerIpc(electron, {
      handlers,
      getWindow: () => win,
      defaultSaveDir: () => app.getPath('documents'),
      dataDir,
    });
    installMenu(electron.Menu, {
      devTools,
      send: (command) => win?.webContents.send(IPC_CHANNELS.menu, command),
    });
    const created = createMainWindow(electron, {
      preload: path.join(opts.mainDir, 'preload.cjs'),
      userDataDir: userData,
      devTools,
    });
    created.on('closed', () => {
      if (win === created) win = null;
    });
    win = created;
  });

  return { ready, window: () => win, ipc: () => ipc };
}
