import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The crash tests (hundreds of SIGKILLs, ≈50 s a file) start first. Vitest orders by the last run's
 * durations, and a fresh clone (CI) has none: it then goes by file size, and the slowest file could
 * start last while the other worker sits idle.
 */
class CrashTestsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const crash = (f: TestSpecification) => path.relative(here, f.moduleId).split(path.sep).slice(0, 2).join('/') === 'test/crash';
    return [...sorted.filter(crash), ...sorted.filter((f) => !crash(f))];
  }
}

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
    sequence: { sequencer: CrashTestsFirst },
    // the file-reading box, built from the sources under test (test/support/buildBox.ts)
    globalSetup: ['test/support/buildBox.ts'],
    env: {
      FONTCONFIG_FILE: path.resolve(here, 'test/fonts/fonts.conf'),
      FAZHI_PARSE_BOX: path.resolve(here, 'node_modules/.cache/fazhi-test/parse-box.cjs'),
      // the per-user cache (year summaries, compile cache) of the services and processes the tests start
      FAZHI_CACHE_DIR: path.resolve(here, 'node_modules/.cache/fazhi-test/user-cache'),
    },
  },
});
