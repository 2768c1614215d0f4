import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src-*/**/*.test.ts'],
    environment: 'node',
    // two cores: LibreOffice and Chromium tests are heavy, keep parallelism modest
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { FONTCONFIG_FILE: path.resolve(__dirname, 'test/fonts/fonts.conf') },
  },
});
