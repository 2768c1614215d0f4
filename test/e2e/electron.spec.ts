/**
 * The real desktop app, launched with Playwright's Electron driver on a temp data folder: the
 * window is the sandboxed app on app://fazhi, then the same clerk's journey as the browser spec
 * (journeySteps.ts), with the native save/open dialogs and the file manager stubbed in the main
 * process. Needs the Electron binary (not downloadable on the build machine: there it skips with
 * the reason printed) and the built dist/.
 */
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIDGE_KEY, BRIDGE_METHODS } from '../../src-main/electron/bridgeApi';
import { runJourney, type Driver } from './journeySteps';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'test-results/screens/electron');

function electronBinary(): { path: string } | { reason: string } {
  try {
    // in plain Node the electron package exports the path of the downloaded binary
    const p: unknown = createRequire(path.join(root, 'package.json'))('electron');
    if (typeof p === 'string' && existsSync(p)) return { path: p };
    return { reason: `the electron package points at ${String(p)}, which does not exist` };
  } catch (err) {
    return { reason: `require('electron') failed: ${(err as Error).message.split('\n')[0]}` };
  }
}

const bin = electronBinary();
const built = existsSync(path.join(root, 'dist/main/electron-main.cjs')) && existsSync(path.join(root, 'dist/renderer/index.html'));
const skipReason =
  'reason' in bin ? `Electron binary not available here (${bin.reason})` : !built ? 'dist/ not built (run npm run build)' : null;
if (skipReason && !process.env.TEST_WORKER_INDEX) console.log(`skipped: electron.spec.ts: ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let dataDir = '';
let configDir = '';

test.beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  dataDir = mkdtempSync(path.join(tmpdir(), 'fz-electron-data-'));
  // the app keeps its settings (window geometry) and single-instance lock under the user's config
  // folder; on Linux that is XDG_CONFIG_HOME, so a test run never meets the clerk's own instance
  configDir = mkdtempSync(path.join(tmpdir(), 'fz-electron-config-'));
  app = await _electron.launch({
    executablePath: (bin as { path: string }).path,
    // Linux CI rarely has a configured SUID sandbox helper; the renderer sandbox flag stays on
    args: [root, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    env: { ...process.env, FAZHI_DATA_DIR: dataDir, XDG_CONFIG_HOME: configDir, ELECTRON_ENABLE_LOGGING: '0' } as Record<string, string>,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  for (const dir of [dataDir, configDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the window is the app on app://fazhi, with the bridge and nothing of Node', async () => {
  expect(page.url()).toMatch(/^app:\/\/fazhi\//);
  const shape = await page.evaluate((key) => {
    const g = globalThis as unknown as Record<string, unknown>;
    return {
      keys: Object.keys((g[key] as object | undefined) ?? {}).sort(),
      require: typeof g.require,
      process: typeof g.process,
    };
  }, BRIDGE_KEY);
  expect(shape).toEqual({ keys: [...BRIDGE_METHODS].sort(), require: 'undefined', process: 'undefined' });
});

function electronDriver(): Driver {
  return {
    name: 'electron',
    outDir,
    dataDir,
    open: async (p) => void (await p.waitForLoadState('domcontentloaded')),
    isOwnRequest: (u) => u.protocol === 'app:' && u.host === 'fazhi',
    async captureSave(_page, trigger, keepAs) {
      const target = path.join(outDir, keepAs);
      rmSync(target, { force: true });
      await app.evaluate(({ dialog }, p) => {
        const g = globalThis as { __fzOffered?: string };
        g.__fzOffered = undefined;
        // showSaveDialog(win, options) or showSaveDialog(options): the options come last
        dialog.showSaveDialog = (async (...args: unknown[]) => {
          g.__fzOffered = (args[args.length - 1] as { defaultPath?: string }).defaultPath ?? '';
          return { canceled: false, filePath: p };
        }) as typeof dialog.showSaveDialog;
      }, target);
      await trigger();
      // the main process writes atomically (temp file + rename): once it exists it is complete
      await expect.poll(() => existsSync(target), { timeout: 15_000 }).toBe(true);
      const offered = await app.evaluate(() => (globalThis as { __fzOffered?: string }).__fzOffered ?? '');
      return { suggestedName: path.basename(offered), path: target };
    },
    async pickFile(_page, filePath, trigger) {
      await app.evaluate(({ dialog }, p) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [p] })) as typeof dialog.showOpenDialog;
      }, filePath);
      await trigger();
    },
    async revealedFolder(trigger) {
      await app.evaluate(({ shell }) => {
        const g = globalThis as { __fzRevealed?: string[] };
        g.__fzRevealed = [];
        // the real one would open a file manager window on the test machine
        shell.showItemInFolder = (p: string) => void g.__fzRevealed!.push(p);
      });
      await trigger();
      await expect.poll(() => app.evaluate(() => (globalThis as { __fzRevealed?: string[] }).__fzRevealed!.length)).toBe(1);
      return app.evaluate(() => (globalThis as { __fzRevealed?: string[] }).__fzRevealed![0]!);
    },
    savedWord: '已保存到',
    canPrintPdf: false,
  };
}

test('a new clerk: the browser journey, in the desktop app', async () => {
  await runJourney(page, electronDriver());
});

test('navigation away from the app origin is refused by the shell', async () => {
  await page.evaluate(() => (globalThis.location.href = 'https://example.com/'));
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/fazhi\//);
  await expect(page.getByTestId('unit-name')).toHaveText('青石镇人民政府');
});
