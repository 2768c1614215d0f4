import { defineConfig } from '@playwright/test';

// Chromium from Debian, no downloads; the bridge is started by the spec itself (port 0, temp data).
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // list for people, json for scripts/test.mjs's closing summary line
  reporter: [['list'], ['json', { outputFile: '.artifacts/playwright.json' }]],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
    actionTimeout: 20_000,
    screenshot: 'only-on-failure',
  },
});
