/**
 * What `bin/fazhi.cjs` runs (bundled to dist/main/fazhi.cjs, a few KB): turns on the compile cache
 * (ours on every Node, src-main/boot/compileCache.ts), then loads the CLI bundle next to it.
 * `node dist/main/cli.cjs …` still works, only uncached.
 */
import path from 'node:path';
import { config as zodConfig } from 'zod/v4/core';
import { startCompileCache } from '../boot/compileCache';

const command = process.argv[2] ?? '';

// One report's export is over before optimised code pays back its compiling, which runs on the same
// (often two) cores: without TurboFan `fazhi export` takes a fifth less CPU and wall time (`npm run
// bench -- --start`), and Maglev, the mid tier Node 22+ runs by default, is the same case (Node 24:
// −15% instructions with both off, callgrind). The code and its output are the same, only how V8
// runs it. Only for export, whose work is one report: imports of thousands of rows need the
// optimising compilers. Only on the V8 versions known to have both flags (Node 20–24: V8 11–13; on
// Node 20 Maglev is off anyway), so no "unrecognized flag" line ever shows.
//
// Node's built-in modules carry a code cache compiled in, made under its default flags, and V8
// refuses a cache made under other flags: a built-in first loaded after the change below is compiled
// from its source. So the two large ones the export loads (the store's node:crypto and
// node:fs/promises) load first (Node 24: 40 M fewer instructions per export, callgrind); the
// smaller ones are not worth a list that has to follow the code.
//
// zod is the same case: on an object schema's first parse it compiles a parser for it (`new
// Function`), which pays back over thousands of rows (an import) but not over the few objects of
// one export. Its config is one object shared by every copy of zod in the process (zod keeps it on
// globalThis), so set here it holds for cli.cjs, before any schema there is made: jitless parses
// the same way, without compiling. (Node 24: 38 M fewer instructions per export, callgrind.)
if (command === 'export') zodConfig({ jitless: true });
if (command === 'export' && /^1[1-3]\./.test(process.versions.v8)) {
  require('node:crypto');
  require('node:fs/promises');
  const v8 = require('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString('--no-turbofan');
  v8.setFlagsFromString('--no-maglev');
  // Nor does the major GC pay back: the heap (some 20 MB) crosses the point where V8 starts marking
  // it in the background just before the export ends, and the process then marks and sweeps a heap
  // it is about to drop (≈80 M instructions, callgrind). Without incremental marking V8 still
  // collects in full when the heap reaches its limit, so a report that needs the memory gets it.
  v8.setFlagsFromString('--no-incremental-marking');
}

try {
  startCompileCache({ bundleDir: __dirname, variant: command });
} catch {
  // the cache is only a speed-up: whatever goes wrong with it, the command runs uncached
}
require(path.join(__dirname, 'cli.cjs'));
