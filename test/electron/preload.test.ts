import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type FazhiBridge } from '../../src-shared/bridge';
import { BRIDGE_METHODS } from '../../src-main/electron/bridgeApi';

/**
 * Runs the real preload bundle (built the way scripts/build.mjs builds it) in a fresh context whose
 * `require` offers only what a sandboxed preload gets, with a fake `electron`.
 */
let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fazhi-preload-'));
  const outfile = path.join(dir, 'preload.cjs');
  await build({
    entryPoints: [path.resolve(__dirname, '../../src-main/electron/preload.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    logLevel: 'silent',
  });
  bundle = readFileSync(outfile, 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load() {
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...a: unknown[]) => void>>();
  let reply: (channel: string, args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 1 });
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args]);
      return reply(channel, args);
    },
    on: (channel: string, fn: (...a: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(fn);
    },
    removeListener: (channel: string, fn: (...a: unknown[]) => void) => listeners.get(channel)?.delete(fn),
    send: () => {
      throw new Error('the bridge must not use send');
    },
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        if (key in exposed) throw new Error('exposed twice');
        exposed[key] = api;
      },
    },
    ipcRenderer,
  };
  const sandboxRequire = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`module not available in a sandboxed preload: ${id}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports, Promise, Uint8Array, Error, Set });
  return {
    exposed,
    bridge: exposed.fazhi as FazhiBridge,
    invoked,
    emitMenu: (...args: unknown[]) => listeners.get(IPC_CHANNELS.menu)?.forEach((fn) => fn({ sender: 'event' }, ...args)),
    listenerCount: () => listeners.get(IPC_CHANNELS.menu)?.size ?? 0,
    setReply: (r: typeof reply) => (reply = r),
  };
}

describe('the preload bundle', () => {
  it('is small, needs only electron, and carries no zod or services', () => {
    expect(bundle.length).toBeLessThan(12_000);
    expect([...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(bundle).not.toMatch(/zod|ZodError|lowdb/);
  });

  it('exposes exactly the FazhiBridge functions as window.fazhi, and nothing else', () => {
    const { exposed, bridge } = load();
    expect(Object.keys(exposed)).toEqual(['fazhi']);
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_METHODS].sort());
    for (const k of BRIDGE_METHODS) expect(typeof bridge[k]).toBe('function');
  });

  it('refuses what is not shaped like a method name without sending anything to the main process', async () => {
    const { bridge, invoked } = load();
    // which names exist is main's answer (dispatch: test/electron/ipc.test.ts); these never get that far
    for (const m of ['__proto__', 'constructor', 'hasOwnProperty', '../unit.get', 'unit.get;rm', `unit.${'x'.repeat(80)}`, 42, null]) {
      const r = await bridge.call(m as string, {});
      expect(r.ok).toBe(false);
      expect(r.error?.message).toContain('未知的操作');
    }
    expect(invoked).toEqual([]);
  });

  it('forwards contract calls on the call channel', async () => {
    const { bridge, invoked } = load();
    expect(await bridge.call('years.list', {})).toEqual({ ok: true, value: 1 });
    expect(invoked).toEqual([[IPC_CHANNELS.call, 'years.list', {}]]);
  });

  it('forwards the shell functions on their channels and checks arguments first', async () => {
    const { bridge, invoked } = load();
    const bytes = new Uint8Array([1, 2]);
    await bridge.saveFile('a.docx', bytes);
    await bridge.openFile([{ name: '备份文件', extensions: ['json'] }], 'backup');
    await bridge.showInFolder('/x/a.docx');
    await bridge.print();
    expect(invoked.map((c) => c[0])).toEqual([
      IPC_CHANNELS.saveFile,
      IPC_CHANNELS.openFile,
      IPC_CHANNELS.showInFolder,
      IPC_CHANNELS.print,
    ]);
    await expect(bridge.saveFile('a.docx', 'x' as unknown as Uint8Array)).rejects.toThrow('保存文件的参数无效');
    expect(invoked).toHaveLength(4);
  });

  it('passes the main process refusal through in Chinese without Electron’s prefix', async () => {
    const { bridge, setReply } = load();
    setReply(async () => {
      throw new Error("Error invoking remote method 'fazhi:print': Error: 已拒绝：请求不是来自法治年报的主窗口");
    });
    await expect(bridge.print()).rejects.toThrow(/^已拒绝：请求不是来自法治年报的主窗口$/);
  });

  it('delivers menu commands without the IPC event, ignores unknown ones, and unsubscribes', () => {
    const { bridge, emitMenu, listenerCount } = load();
    const got: unknown[][] = [];
    const off = bridge.onMenu((...args: unknown[]) => got.push(args));
    emitMenu('export-word');
    emitMenu('rm -rf');
    emitMenu('print');
    expect(got).toEqual([['export-word'], ['print']]);
    off();
    expect(listenerCount()).toBe(0);
    emitMenu('about');
    expect(got).toHaveLength(2);
  });
});

it('the preload bundles no contract declarations: no zod, no schemas', () => {
  expect(bundle).not.toMatch(/zod|ZodObject|safeParse/);
  expect(bundle.length).toBeLessThan(20_000);
});
