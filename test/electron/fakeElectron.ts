/**
 * A stand-in for the parts of the `electron` module the shell uses. The Electron binary cannot run
 * here, so this is the one place a fake is right: it records what the shell asked Electron to do
 * and lets tests play Electron's side (emit navigation events, invoke IPC from a chosen frame).
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { APP_START_URL } from '../../src-main/electron/appOrigin';

export class FakeEvent {
  defaultPrevented = false;
  constructor(public url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null,
    public processId: number,
    public routingId: number,
  ) {}
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  id = nextId++;
  mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  printCalls: unknown[] = [];
  printResult: [boolean, string] = [true, ''];
  constructor(url = APP_START_URL) {
    super();
    this.mainFrame = new FakeFrame(url, null, 100 + this.id, 1);
  }
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  reloads = 0;
  reload(): void {
    this.reloads++;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  print(options: unknown, cb: (success: boolean, reason: string) => void): void {
    this.printCalls.push(options);
    setImmediate(() => cb(...this.printResult));
  }
  printToPdfCalls: unknown[] = [];
  printToPDF(options: unknown): Promise<Buffer> {
    this.printToPdfCalls.push(options);
    return Promise.resolve(Buffer.from('%PDF-1.7 fake'));
  }
  /** plays Chromium: asks the listeners, returns true when the navigation may proceed */
  tryNavigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    const e = new FakeEvent(url);
    this.emit(event, e, url);
    return !e.defaultPrevented;
  }
  subframe(url: string): FakeFrame {
    return new FakeFrame(url, this.mainFrame, this.mainFrame.processId, 7);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  focused = false;
  minimized = false;
  maximized = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(public options: Record<string, any>) {
    super();
    this.bounds = { x: options.x ?? 10, y: options.y ?? 10, width: options.width, height: options.height };
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isVisible(): boolean {
    return this.shown;
  }
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  closeCalls = 0;
  close(): void {
    this.closeCalls++;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
}

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export class FakeIpcMain {
  handlers = new Map<string, Invoke>();
  handle(channel: string, fn: Invoke): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** invokes like a renderer would; `frame` undefined models a sender frame that is gone */
  invoke(channel: string, from: { sender: FakeWebContents; frame: FakeFrame | null }, ...args: unknown[]) {
    const fn = this.handlers.get(channel);
    if (!fn) throw new Error(`no handler for ${channel}`);
    return fn({ sender: from.sender, senderFrame: from.frame }, ...args);
  }
}

export function fakeSession() {
  const s = {
    permissionRequest: null as null | ((wc: unknown, perm: string, cb: (ok: boolean) => void, d?: unknown) => void),
    permissionCheck: null as null | ((wc: unknown, perm: string, origin: string, d?: unknown) => boolean),
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void),
    headersReceived: null as null | ((d: any, cb: (r: any) => void) => void),
    setPermissionRequestHandler(h: any) {
      s.permissionRequest = h;
    },
    setPermissionCheckHandler(h: any) {
      s.permissionCheck = h;
    },
    webRequest: {
      onBeforeRequest(h: any) {
        s.beforeRequest = h;
      },
      onHeadersReceived(h: any) {
        s.headersReceived = h;
      },
    },
  };
  return s;
}

export interface FakeElectronOptions {
  appData: string;
  documents: string;
  gotLock?: boolean;
  isPackaged?: boolean;
  saveDialog?: (opts: any) => { canceled: boolean; filePath?: string };
  /** the button index the clerk picks in a message box (default: the first) */
  messageBoxAnswer?: (opts: any) => number;
  openDialog?: (opts: any) => { canceled: boolean; filePaths: string[] };
}

/** The whole fake module, with a log of the order things happened in. */
export function fakeElectron(o: FakeElectronOptions) {
  const log: string[] = [];
  let markReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => (markReady = r));
  const paths: Record<string, string> = { appData: o.appData, userData: `${o.appData}/Electron`, documents: o.documents };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: o.isPackaged ?? false,
    quitCalled: false,
    enableSandbox: () => log.push('enableSandbox'),
    requestSingleInstanceLock: () => o.gotLock ?? true,
    whenReady: () => readyPromise.then(() => void log.push('ready')),
    getPath: (name: string) => paths[name] ?? `/nonexistent/${name}`,
    setPath: (name: string, value: string) => {
      paths[name] = value;
      log.push(`setPath:${name}`);
    },
    setAppUserModelId: () => undefined,
    quit: () => {
      app.quitCalled = true;
      log.push('quit');
    },
  });
  const session = fakeSession();
  const protocol = {
    privileged: [] as any[],
    handled: new Map<string, (req: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(list: any[]) {
      log.push('registerSchemesAsPrivileged');
      this.privileged.push(...list);
    },
    handle(scheme: string, fn: (req: Request) => Promise<Response>) {
      log.push(`protocol.handle:${scheme}`);
      this.handled.set(scheme, fn);
    },
  };
  const dialogCalls = { save: [] as any[], open: [] as any[], errors: [] as Array<[string, string]>, messages: [] as any[] };
  const shown: string[] = [];
  const menus: { template: any[] | null; set: unknown } = { template: null, set: null };
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    session: { defaultSession: session },
    ipcMain: new FakeIpcMain(),
    dialog: {
      showSaveDialog: async (_win: unknown, opts: any) => {
        dialogCalls.save.push(opts);
        return o.saveDialog ? o.saveDialog(opts) : { canceled: true };
      },
      showOpenDialog: async (_win: unknown, opts: any) => {
        dialogCalls.open.push(opts);
        return o.openDialog ? o.openDialog(opts) : { canceled: true, filePaths: [] };
      },
      showErrorBox: (title: string, content: string) => dialogCalls.errors.push([title, content]),
      showMessageBox: async (_win: unknown, opts: any) => {
        dialogCalls.messages.push(opts);
        return { response: o.messageBoxAnswer ? o.messageBoxAnswer(opts) : 0, checkboxChecked: false };
      },
    },
    shell: { showItemInFolder: (p: string) => shown.push(p) },
    Menu: {
      buildFromTemplate: (t: any[]) => {
        menus.template = t;
        return { template: t };
      },
      setApplicationMenu: (m: unknown) => {
        menus.set = m;
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    utilityProcess: fakeUtilityProcess(),
  };
  return { electron, app, session, protocol, dialogCalls, shown, menus, log, markReady };
}

/**
 * Electron's utilityProcess played by a Node child process: the script gets process.parentPort
 * (utilityShim.cjs), the app gets postMessage / 'message' / 'exit' / kill as Electron gives them.
 */
export function fakeUtilityProcess() {
  const forks: Array<{ modulePath: string; options: any }> = [];
  return {
    forks,
    fork(modulePath: string, args: string[] = [], options: { execArgv?: string[]; stdio?: string } = {}) {
      forks.push({ modulePath, options });
      const child = fork(modulePath, args, {
        execArgv: ['--require', path.join(__dirname, 'utilityShim.cjs'), ...(options.execArgv ?? [])],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      });
      const emitter = new EventEmitter();
      child.on('message', (m) => emitter.emit('message', m));
      child.on('exit', (code) => emitter.emit('exit', code ?? 1));
      return Object.assign(emitter, {
        pid: child.pid,
        postMessage: (m: unknown) => void child.send(m as never),
        kill: () => child.kill('SIGKILL'),
      });
    },
  };
}

/** Casts a fake to the real Electron type a module expects. */
export const asReal = <T>(fake: unknown): T => fake as T;
