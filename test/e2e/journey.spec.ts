/**
 * A new clerk's first year in the browser, against the built app and the real loopback bridge
 * (dist/main/web.cjs on a temp data folder): the journey of journeySteps.ts, with downloads for
 * saved files, the file chooser for restore, and Chromium's PDF printer for the charts. Any console
 * error or any request off 127.0.0.1 fails it.
 */
import { test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJourney, type Driver } from './journeySteps';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const webMain = path.join(root, 'dist/main/web.cjs');
const shots = path.join(root, 'test-results/screens');

let server: ChildProcess;
let url = '';
let dataDir = '';

test.beforeAll(async () => {
  if (!existsSync(webMain) || !existsSync(path.join(root, 'dist/renderer/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does it)');
  }
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(path.join(tmpdir(), 'fz-e2e-'));
  server = spawn(process.execPath, [webMain, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${out}`)), 20_000);
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /法治年报已启动：(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    server.once('exit', (code) => reject(new Error(`bridge exited (${code}): ${out}`)));
  });
});

test.afterAll(() => {
  server?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function browserDriver(): Driver {
  return {
    name: 'browser',
    outDir: shots,
    dataDir,
    open: async (page: Page) => void (await page.goto(url)),
    isOwnRequest: (u) => u.hostname === '127.0.0.1',
    async captureSave(page, trigger, keepAs) {
      const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
      const kept = path.join(shots, keepAs);
      await download.saveAs(kept);
      return { suggestedName: download.suggestedFilename(), path: kept };
    },
    async pickFile(page, filePath, trigger) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()]);
      await chooser.setFiles(filePath);
    },
    savedWord: '已下载',
    canPrintPdf: true,
  };
}

test('a new clerk: unit, ledger, cases, indicators, charts, report, export, print, backup and restore, 关于', async ({ page }) => {
  await runJourney(page, browserDriver());
});
