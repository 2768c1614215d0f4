/**
 * The object the preload exposes as `window.fazhi`. Kept apart from preload.ts (which is the only
 * preload file touching `electron`) so tests can build it over a fake ipcRenderer. Nothing raw from
 * ipcRenderer crosses the bridge: fixed channels, checked arguments, and listeners wrapped so the
 * page never sees an IpcRendererEvent.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_CHANNELS, MENU_COMMANDS, type FazhiBridge, type MenuCommand } from '../../src-shared/bridge';
import type { WireResult } from '../../src-shared/wire';

export const BRIDGE_KEY = 'fazhi';
export const BRIDGE_METHODS = ['call', 'saveFile', 'openFile', 'showInFolder', 'print', 'printToPdf', 'onMenu', 'leave', 'reload'] as const;

type IpcLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/** ipcRenderer prefixes main-side errors with "Error invoking remote method '…': Error: ". */
function cleanError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  return new Error(message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, ''));
}

async function invoke<T>(ipc: IpcLike, channel: string, ...args: unknown[]): Promise<T> {
  try {
    return (await ipc.invoke(channel, ...args)) as T;
  } catch (err) {
    throw cleanError(err);
  }
}

/**
 * A contract method's name has the shape `domain.name`; which ones exist, and which the window may
 * call, main decides in dispatch (the method declarations are not bundled into the sandboxed
 * preload). Anything else (a prototype key, a number, a path) stops here without reaching IPC.
 */
const isMethodShaped = (m: unknown): boolean => typeof m === 'string' && m.length <= 60 && /^[a-z]+\.[A-Za-z]+$/.test(m);

const isMenuCommand = (c: unknown): c is MenuCommand =>
  typeof c === 'string' && (MENU_COMMANDS as readonly string[]).includes(c);

export function createBridge(ipc: IpcLike): FazhiBridge {
  const bridge: FazhiBridge = {
    call(method, input) {
      if (!isMethodShaped(method)) {
        const shown = typeof method === 'string' ? method.slice(0, 60) : typeof method;
        return Promise.resolve<WireResult>({ ok: false, error: { code: 'VALIDATION', message: `未知的操作：${shown}` } });
      }
      return invoke<WireResult>(ipc, IPC_CHANNELS.call, method, input);
    },
    saveFile(fileName, data) {
      if (typeof fileName !== 'string' || !(data instanceof Uint8Array)) {
        return Promise.reject(new Error('保存文件的参数无效'));
      }
      return invoke(ipc, IPC_CHANNELS.saveFile, fileName, data);
    },
    openFile(filters, kind) {
      return invoke(ipc, IPC_CHANNELS.openFile, filters, kind);
    },
    showInFolder(path) {
      if (typeof path !== 'string') return Promise.reject(new Error('路径无效'));
      return invoke(ipc, IPC_CHANNELS.showInFolder, path);
    },
    print() {
      return invoke(ipc, IPC_CHANNELS.print);
    },
    printToPdf(fileName) {
      if (typeof fileName !== 'string') return Promise.reject(new Error('文件名无效'));
      return invoke(ipc, IPC_CHANNELS.printToPdf, fileName);
    },
    leave() {
      return invoke(ipc, IPC_CHANNELS.leave);
    },
    reload() {
      return invoke(ipc, IPC_CHANNELS.reload);
    },
    onMenu(cb) {
      if (typeof cb !== 'function') throw new Error('菜单回调必须是函数');
      const listener = (_event: IpcRendererEvent, command: unknown): void => {
        if (isMenuCommand(command)) cb(command);
      };
      ipc.on(IPC_CHANNELS.menu, listener);
      return () => {
        ipc.removeListener(IPC_CHANNELS.menu, listener);
      };
    },
  };
  return bridge;
}
