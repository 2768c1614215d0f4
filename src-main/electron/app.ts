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
import { trackLeaving, type Leaving } from './leaving';
import { watchRenderer, type RendererWatch } from './rendererWatch';
import { createShellLog } from './shellLog';
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

/** The folder beside the portable .exe where its data lives (see dataDirFor). */
export const PORTABLE_DATA_FOLDER = '法治年报数据';

/**
 * FAZHI_DATA_DIR wins (tests, a folder chosen by whoever installs it). The portable build keeps
 * its data beside the .exe (electron-builder's portable launcher sets PORTABLE_EXECUTABLE_DIR to
 * the .exe's folder): carried on a U盘 from PC to PC it must be one data set, not one per PC's
 * %APPDATA%. Otherwise a `data` folder in the user data folder (%APPDATA%\法治年报\data), the
 * folder the CLI and the browser version use too.
 */
export function dataDirFor(userDataDir: string, env: Record<string, string | undefined>): string {
  const fromEnv = dataDirFromEnv(env);
  if (fromEnv) return fromEnv;
  const portable = env.PORTABLE_EXECUTABLE_DIR?.trim();
  if (portable) return path.join(path.resolve(portable), PORTABLE_DATA_FOLDER);
  return path.join(userDataDir, 'data');
}

/**
 * Chromium's own files (caches, local storage, GPU cache: tens of MB that change at every start)
 * belong in %LOCALAPPDATA%, not beside the clerk's data in Roaming, where a roaming profile or a
 * folder backup would copy them. Null off Windows or without the variable: Electron's default.
 */
export function sessionDataDirFor(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string | null {
  const local = env.LOCALAPPDATA?.trim();
  if (platform !== 'win32' || !local) return null;
  return path.join(local, USER_DATA_FOLDER, 'session');
}

/** Returns null when another instance already runs (that one is focused instead). */
export function startApp(electron: ElectronApi, opts: StartOptions): StartedApp | null {
  const { app } = electron;
  app.setPath('userData', path.join(app.getPath('appData'), USER_DATA_FOLDER));
  const sessionData = sessionDataDirFor(opts.env);
  if (sessionData) app.setPath('sessionData', sessionData);
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
  let leaving: Leaving | null = null;
  let watch: RendererWatch | null = null;

  // a second launch while this one runs: bring the window up (reloading a renderer that died)
  app.on('second-instance', () => {
    if (win && watch) watch.revive();
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
      // the data folder may be what failed: this one log goes beside the user data instead
      createShellLog(path.join(userData, 'logs')).write(`start failed: data folder ${dataDir}: ${message}`);
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
      leaving: () => leaving,
    });
    installMenu(electron.Menu, {
      devTools,
      send: (command) => win?.webContents.send(IPC_CHANNELS.menu, command),
      reload: () => leaving?.requestReload(),
    });
    const created = createMainWindow(electron, {
      preload: path.join(opts.mainDir, 'preload.cjs'),
      userDataDir: userData,
      devTools,
    });
    created.on('closed', () => {
      if (win !== created) return;
      watch?.dispose();
      win = null;
      leaving = null;
      watch = null;
    });
    win = created;
    leaving = trackLeaving(created);
    watch = watchRenderer(created, {
      dialog: electron.dialog,
      app,
      shell: electron.shell,
      log: createShellLog(path.join(dataDir, 'logs')),
    });
  });

  return { ready, window: () => win, ipc: () => ipc };
}
