/**
 * What `bin/fazhi.cjs` runs (bundled to dist/main/fazhi.cjs, a few KB): turns on the compile cache,
 * then loads the CLI bundle next to it. `node dist/main/cli.cjs …` still works, only uncached.
 */
import path from 'node:path';
import { startCompileCache } from '../boot/compileCache';

startCompileCache({ bundleDir: __dirname, variant: process.argv[2] ?? '' });
require(path.join(__dirname, 'cli.cjs'));
