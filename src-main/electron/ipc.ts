/**
 * The IPC surface of the main process: one `call` into the service contract, plus native file
 * dialogs, "show in folder" and printing. Every handler first proves the message comes from the
 * main frame of our own window on the app origin — a navigated-away page, an iframe or a stray
 * web contents gets a refusal before anything runs.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import type { Handlers } from '../../src-shared/contract';
import type { WireResult } from '../../src-shared/wire';
import { dispatch } from '../services/dispatch';
import { saveOutside } from '../store/outsideFile';
import { errnoCode, fileErrorMessage } from '../../src-shared/fileErrors';
import { safeFileNamePart } from '../../src-shared/fileName';
import { isOpenedKind, openedFileTooBig } from '../../src-shared/openedFile';
import { isAppUrl } from './appOrigin';
import type { Leaving } from './leaving';

export const MAX_SAVE_FILE_BYTES = 200 * 1024 * 1024;
export const FOREIGN_SENDER_MESSAGE = '已拒绝：请求不是来自法治年报的主窗口';

export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: { id: number } };

/** Throws (with a Chinese message) unless the event comes from the top frame of `win` on app://. */
export function assertTrustedSender(event: SenderEvent, win: Pick<BrowserWindow, 'webContents'> | null): void {
  const frame = event.senderFrame;
  if (!frame || !win) throw new Error(FOREIGN_SENDER_MESSAGE);
  if (!isAppUrl(frame.url)) throw new Error(FOREIGN_SENDER_MESSAGE);
  if (frame.parent !== null) throw new Error(FOREIGN_SENDER_MESSAGE);
  if (event.sender.id !== win.webContents.id) throw new Error(FOREIGN_SENDER_MESSAGE);
  const main = win.webContents.mainFrame;
  if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) {
    throw new Error(FOREIGN_SENDER_MESSAGE);
  }
}

const FILTERS_BY_EXT: Record<string, { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  json: { name: '备份文件', extensions: ['json'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
};

/** Keeps only a plain file name: the renderer proposes a name, never a place on disk. */
export function safeFileName(name: unknown): string {
  if (typeof name !== 'string') throw new Error('文件名无效');
  const last = name.split(/[\\/]/).pop() ?? '';
  const base = safeFileNamePart(last, 150);
  if (!base) throw new Error('文件名无效');
  return base;
}

export function saveFilters(fileName: string): Array<{ name: string; extensions: string[] }> {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const own = FILTERS_BY_EXT[ext];
  const others = Object.entries(FILTERS_BY_EXT)
    .filter(([k]) => k !== ext)
    .map(([, f]) => f);
  return own ? [own, ...others] : [...others, { name: '所有文件', extensions: ['*'] }];
}

function validFilters(filters: unknown): Array<{ name: string; extensions: string[] }> {
  if (!Array.isArray(filters) || filters.length > 10) throw new Error('文件类型筛选无效');
  return filters.map((f: unknown) => {
    const o = f as { name?: unknown; extensions?: unknown };
    if (
      !o ||
      typeof o.name !== 'string' ||
      o.name.length > 60 ||
      !Array.isArray(o.extensions) ||
      o.extensions.length > 10 ||
      !o.extensions.every((e) => typeof e === 'string' && /^(\*|[A-Za-z0-9]{1,10})$/.test(e))
    ) {
      throw new Error('文件类型筛选无效');
    }
    return { name: o.name, extensions: [...(o.extensions as string[])] };
  });
}

function asBytes(data: unknown): Uint8Array {
  if (!(data instanceof Uint8Array)) throw new Error('文件内容无效');
  if (data.byteLength > MAX_SAVE_FILE_BYTES) throw new Error('文件过大，无法保存');
  return data;
}

/**
 * The store's durable writer for a place outside the data folder (unique hidden temp noted in the
 * data folder so a crash leaves nothing behind, fsync, rename with Windows retry), with the
 * clerk-facing Chinese message for every failure (the .docx still open in Word, a full or
 * read-only disk).
 */
async function saveBytes(target: string, data: Uint8Array, dataDir: string | undefined): Promise<void> {
  try {
    await saveOutside(target, data, dataDir);
  } catch (err) {
    throw new Error(err instanceof Error ? err.message : String(err));
  }
}

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
}

export interface IpcOptions {
  handlers: Handlers;
  getWindow: () => BrowserWindow | null;
  /** where the save dialog starts (the user's Documents folder) */
  defaultSaveDir: () => string;
  /** the data folder: 关于 shows it and may reveal it, so the clerk can find what to back up */
  dataDir?: string;
  /** close-or-reload after a held unload (see leaving.ts); null before the window exists */
  leaving?: () => Leaving | null;
}

export interface IpcRegistration {
  /** paths written through saveFile this session: the only ones showInFolder will reveal */
  readonly savedPaths: ReadonlySet<string>;
  /** a service call (a save sent as the window closed) is still running */
  busy(): boolean;
  /** resolves once no service call is running */
  whenIdle(): Promise<void>;
  dispose(): void;
}

export function registerIpc(deps: IpcDeps, opts: IpcOptions): IpcRegistration {
  const saved = new Set<string>();
  const trusted = (event: IpcMainInvokeEvent): BrowserWindow => {
    const win = opts.getWindow();
    assertTrustedSender(event, win);
    return win as BrowserWindow;
  };

  // calls under way: quitting waits for them (the last autosave of a closing window)
  let running = 0;
  let idle: Array<() => void> = [];
  deps.ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, input: unknown): Promise<WireResult> => {
    trusted(event);
    running++;
    try {
      return await dispatch(opts.handlers, method, input, 'screen');
    } finally {
      if (--running === 0) for (const r of idle.splice(0)) r();
    }
  });

  deps.ipcMain.handle(IPC_CHANNELS.saveFile, async (event, fileName: unknown, data: unknown) => {
    const win = trusted(event);
    const name = safeFileName(fileName);
    const bytes = asBytes(data);
    const r = await deps.dialog.showSaveDialog(win, {
      title: '保存文件',
      defaultPath: path.join(opts.defaultSaveDir(), name),
      filters: saveFilters(name),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (r.canceled || !r.filePath) return null;
    const target = path.resolve(r.filePath);
    await saveBytes(target, bytes, opts.dataDir);
    saved.add(target);
    return { path: target };
  });

  deps.ipcMain.handle(IPC_CHANNELS.openFile, async (event, filters: unknown, kind: unknown) => {
    const win = trusted(event);
    if (!isOpenedKind(kind)) throw new Error('要打开的文件种类无效');
    const r = await deps.dialog.showOpenDialog(win, {
      title: '选择文件',
      filters: validFilters(filters),
      properties: ['openFile'],
    });
    const chosen = r.filePaths[0];
    if (r.canceled || !chosen) return null;
    const readError = (e: unknown) => new Error(fileErrorMessage(errnoCode(e), `读取 ${path.basename(chosen)}`, chosen));
    const stat = await fs.stat(chosen).catch((e: unknown) => {
      throw readError(e);
    });
    if (!stat.isFile()) throw new Error('请选择一个文件');
    // by its size, before a byte is read: a 2 GB file picked by mistake never reaches memory
    const tooBig = openedFileTooBig(kind, stat.size);
    if (tooBig) throw new Error(tooBig);
    const buf = await fs.readFile(chosen).catch((e: unknown) => {
      throw readError(e);
    });
    return { fileName: path.basename(chosen), data: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
  });

  deps.ipcMain.handle(IPC_CHANNELS.showInFolder, async (event, target: unknown) => {
    trusted(event);
    const resolved = typeof target === 'string' ? path.resolve(target) : '';
    const isDataDir = opts.dataDir !== undefined && resolved === path.resolve(opts.dataDir);
    if (!saved.has(resolved) && !isDataDir) throw new Error('只能打开数据文件夹或本次由法治年报保存的文件所在的文件夹');
    deps.shell.showItemInFolder(resolved);
  });

  deps.ipcMain.handle(IPC_CHANNELS.print, async (event) => {
    const win = trusted(event);
    await new Promise<void>((resolve, reject) => {
      win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        // closing the system print dialog is not an error
        if (success || /cancel/i.test(failureReason)) resolve();
        else reject(new Error(`打印失败：${failureReason || '未知原因'}`));
      });
    });
  });

  // 政务公开 wants the report as a PDF: what the print CSS lays out (A4, GB/T 9704), saved where chosen
  deps.ipcMain.handle(IPC_CHANNELS.printToPdf, async (event, fileName: unknown) => {
    const win = trusted(event);
    const name = safeFileName(fileName).replace(/\.[^.]*$/, '') + '.pdf';
    const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    const r = await deps.dialog.showSaveDialog(win, {
      title: '另存为 PDF',
      defaultPath: path.join(opts.defaultSaveDir(), name),
      filters: saveFilters(name),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (r.canceled || !r.filePath) return null;
    const target = path.resolve(r.filePath);
    await saveBytes(target, new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), opts.dataDir);
    saved.add(target);
    return { path: target };
  });

  deps.ipcMain.handle(IPC_CHANNELS.leave, async (event) => {
    trusted(event);
    opts.leaving?.()?.proceed();
  });

  deps.ipcMain.handle(IPC_CHANNELS.reload, async (event) => {
    trusted(event);
    opts.leaving?.()?.requestReload();
  });

  return {
    savedPaths: saved,
    busy: () => running > 0,
    whenIdle: () => (running === 0 ? Promise.resolve() : new Promise<void>((r) => idle.push(r))),
    dispose() {
      for (const channel of Object.values(IPC_CHANNELS)) {
        if (channel !== IPC_CHANNELS.menu) deps.ipcMain.removeHandler(channel);
      }
    },
  };
}
