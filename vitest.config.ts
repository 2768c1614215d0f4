import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src-*/**/*.test.ts'],
    environment: 'node',
    // two cores: LibreOffice and Chromium tests are heavy, keep parallelism modest
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['test/support/setup.ts'],
    // the file-reading box, built from the sources under test (test/support/buildBox.ts)
    globalSetup: ['test/support/buildBox.ts'],
    env: { FONTCONFIG_FILE: path.resolve(here, 'test/fonts/fonts.conf'), FAZHI_PARSE_BOX: path.resolve(here, 'node_modules/.cache/fazhi-test/parse-box.cjs') },
  },
});
