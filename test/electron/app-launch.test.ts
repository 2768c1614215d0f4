/**
 * The real desktop app, launched with Playwright's Electron driver: the window opens on
 * app://fazhi, the sandboxed bridge answers, demo data loads, and every screen renders.
 * Needs the Electron binary (not downloadable on the build machine) and the built dist/.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function electronBinary(): { path: string } | { reason: string } {
  try {
    // in plain Node, the electron package exports the path of the downloaded binary
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
if (skipReason) console.log(`skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('desktop app journey (Electron)', () => {
  it('opens the window, loads demo data through the bridge and visits every screen', async () => {
    const { _electron } = await import('playwright-core');
    const { SCREENS } = await import('../../src-renderer/state/app');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-e2e-'));
    const app = await _electron.launch({
      executablePath: (bin as { path: string }).path,
      args: [root, '--no-sandbox'],
      env: { ...process.env, FAZHI_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '0' },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(/^app:\/\/fazhi\//);
      // the preload exposes the bridge and nothing of Node
      const shape = await page.evaluate(() => ({
        keys: Object.keys((globalThis as any).fazhi ?? {}).sort(),
        node: typeof (globalThis as any).require,
        process: typeof (globalThis as any).process,
      }));
      expect(shape).toEqual({ keys: ['call', 'onMenu', 'openFile', 'print', 'saveFile', 'showInFolder'], node: 'undefined', process: 'undefined' });
      const demo = await page.evaluate(() => (globalThis as any).fazhi.call('demo.create', {}));
      expect(demo.ok).toBe(true);
      await page.reload();
      for (const s of SCREENS) {
        await page.evaluate((k) => ((globalThis as any).location.hash = `#/${k}`), s.key);
        await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(s.label);
        expect(await page.getByText('页面出现问题').count()).toBe(0);
      }
      // navigation away from the app origin is refused by the shell
      await page.evaluate(() => ((globalThis as any).location.href = 'https://example.com/'));
      await page.waitForTimeout(300);
      expect(page.url()).toMatch(/^app:\/\/fazhi\//);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
