/**
 * A new clerk's first year in the browser, against the built app and the real loopback bridge
 * (dist/main/web.cjs on a temp data folder): the journey of journeySteps.ts, with downloads for
 * saved files, the file chooser for restore, and Chromium's PDF printer for the charts. Any console
 * error or any request off 127.0.0.1 fails it.
 */
import { test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runJourney, type Driver } from './journeySteps';
import { startBridge, type Bridge, shots } from './bridge';

let bridge: Bridge | undefined;
let url = '';
let dataDir = '';

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(path.join(tmpdir(), 'fz-e2e-'));
  bridge = await startBridge({ prefix: 'fz-e2e-', dataDir });
  url = bridge.url;
});

test.afterAll(() => {
  bridge?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
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
