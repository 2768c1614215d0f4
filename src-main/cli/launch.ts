/**
 * What `bin/fazhi.cjs` runs (bundled to dist/main/fazhi.cjs, a few KB): turns on the compile cache
 * (ours on every Node, src-main/boot/compileCache.ts), then loads the CLI bundle next to it.
 * `node dist/main/cli.cjs …` still works, only uncached.
 */
import path from 'node:path';
import { startCompileCache } from '../boot/compileCache';

const command = process.argv[2] ?? '';

// One report's export is over before optimised code pays back its compiling, which runs on the same
// (often two) cores: without TurboFan `fazhi export` takes a fifth less CPU and wall time (`npm run
// bench -- --start`), and Maglev, the mid tier Node 22+ runs by default, is the same case (Node 24:
// −15% instructions with both off, callgrind). The code and its output are the same, only how V8
// runs it. Only for export, whose work is one report: imports of thousands of rows need the
// optimising compilers. Only on the V8 versions known to have both flags (Node 20–24: V8 11–13; on
// Node 20 Maglev is off anyway), so no "unrecognized flag" line ever shows.
if (command === 'export' && /^1[1-3]\./.test(process.versions.v8)) {
  const v8 = require('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString('--no-turbofan');
  v8.setFlagsFromString('--no-maglev');
}

try {
  startCompileCache({ bundleDir: __dirname, variant: command });
} catch {
  // the cache is only a speed-up: whatever goes wrong with it, the command runs uncached
}
require(path.join(__dirname, 'cli.cjs'));
