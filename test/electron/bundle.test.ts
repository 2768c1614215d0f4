/**
 * The built main-process bundle (esbuild, exactly as scripts/build.mjs builds it) started against
 * the fake `electron`: proves the entry wires real services, finds its preload next to itself and
 * serves the renderer from the sibling folder — the things a source-level test cannot see.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSplitBundle, commonOptions } from '../../scripts/mainBundles.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import { FakeBrowserWindow, fakeElectron } from './fakeElectron';
import { hostileDoc } from '../hostile/files';

let dir: string;
let mainDir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fazhi-bundle-'));
  mainDir = path.join(dir, 'dist', 'main');
  mkdirSync(path.join(dir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>法治年报</title>');
  const root = path.resolve(__dirname, '../..');
  await buildSplitBundle({
    root,
    entry: 'src-main/electron/main.ts',
    outfile: path.join(mainDir, 'electron-app.cjs'),
    common: { ...commonOptions(root, ['electron']), logLevel: 'silent' },
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the bundled entry starts the app on the fake electron with real services', async () => {
  FakeBrowserWindow.instances = [];
  const f = fakeElectron({ appData: path.join(dir, 'AppData'), documents: path.join(dir, 'Documents') });
  const file = path.join(mainDir, 'electron-app.cjs');
  const realRequire = createRequire(file);
  const requireWithFake = (id: string) => (id === 'electron' ? f.electron : realRequire(id));
  const module = { exports: {} };
  const dataDir = path.join(dir, 'data');
  const saved = process.env.FAZHI_DATA_DIR;
  process.env.FAZHI_DATA_DIR = dataDir;
  try {
    new Function('require', 'module', 'exports', '__filename', '__dirname', readFileSync(file, 'utf8'))(
      requireWithFake,
      module,
      module.exports,
      file,
      mainDir,
    );
    await startsAndAnswers(f, dataDir);
    await loadsExportAndBackupOnFirstUse(f);
    await readsFilesInAUtilityProcess(f);
  } finally {
    if (saved === undefined) delete process.env.FAZHI_DATA_DIR;
    else process.env.FAZHI_DATA_DIR = saved;
  }
});

async function startsAndAnswers(f: ReturnType<typeof fakeElectron>, dataDir: string) {
  expect(f.protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
  f.markReady();
  await expect.poll(() => FakeBrowserWindow.instances.length).toBe(1);
  const win = FakeBrowserWindow.instances[0]!;
  expect(win.options.webPreferences.preload).toBe(path.join(mainDir, 'preload.cjs'));
  const page = await f.protocol.handled.get('app')!(new Request('app://fazhi/'));
  expect(await page.text()).toContain('法治年报');
  const info = (await f.electron.ipcMain.invoke(
    IPC_CHANNELS.call,
    { sender: win.webContents, frame: win.webContents.mainFrame },
    'app.info',
    {},
  )) as { ok: boolean; value: { dataDir: string } };
  expect(info.value.dataDir).toBe(dataDir);
}

/**
 * The export and backup code lives in chunks next to the bundle (scripts/mainBundles.mjs) and still
 * behaves as one program: the .docx comes out, and an error class thrown in the bundle is the one the
 * chunk checks against (a second copy would turn a clear Chinese message into 内部错误).
 */
async function loadsExportAndBackupOnFirstUse(f: ReturnType<typeof fakeElectron>) {
  const app = readFileSync(path.join(mainDir, 'electron-app.cjs'), 'utf8');
  const chunks = readdirSync(path.join(mainDir, 'lazy/electron-app')).map((n) => readFileSync(path.join(mainDir, 'lazy/electron-app', n), 'utf8'));
  expect(app).not.toContain('class Packer'); // the docx library
  expect(chunks.some((c) => c.includes('class Packer'))).toBe(true);
  const win = FakeBrowserWindow.instances[0]!;
  const call = (method: string, input: unknown) =>
    f.electron.ipcMain.invoke(IPC_CHANNELS.call, { sender: win.webContents, frame: win.webContents.mainFrame }, method, input) as Promise<{
      ok: boolean;
      value?: { data: Uint8Array };
      error?: { code: string; message: string };
    }>;
  expect((await call('demo.create', {})).ok).toBe(true);
  const exported = await call('export.docx', { year: 2024 });
  expect(exported.error).toBeUndefined();
  expect(Buffer.from(exported.value!.data.subarray(0, 2)).toString()).toBe('PK');
  const damaged = await call('backup.inspect', { data: new Uint8Array([1, 2, 3]) });
  expect(damaged.ok).toBe(false);
  expect(damaged.error!.code).not.toBe('INTERNAL');
  expect(damaged.error!.message).toMatch(/备份/);
}

/**
 * A file the clerk imports is read in Electron's utilityProcess (the fake plays it with a Node child
 * that has process.parentPort): a hostile .doc comes back as a Chinese refusal, a good file as its
 * preview, and the window's process never ran a reader.
 */
async function readsFilesInAUtilityProcess(f: ReturnType<typeof fakeElectron>) {
  const win = FakeBrowserWindow.instances[0]!;
  const call = (method: string, input: unknown) =>
    f.electron.ipcMain.invoke(IPC_CHANNELS.call, { sender: win.webContents, frame: win.webContents.mainFrame }, method, input) as Promise<{
      ok: boolean;
      value?: { year: number | null };
      error?: { code: string; message: string };
    }>;
  const loop = await call('import.preview', { fileName: '循环.doc', data: hostileDoc({ loopDirectory: true }) });
  expect(loop.ok).toBe(false);
  expect(loop.error!.message).toMatch(/文件过大或已损坏，未导入/);
  const good = await call('import.preview', { fileName: '报告.txt', data: new TextEncoder().encode('横街镇2024年法治政府建设年度报告\n一、主要举措\n开展普法活动。') });
  expect(good.error).toBeUndefined();
  expect(good.value!.year).toBe(2024);
  expect(f.electron.utilityProcess.forks.length).toBeGreaterThan(0);
  expect(f.electron.utilityProcess.forks[0]!.options).toMatchObject({ stdio: 'ignore' });
}
