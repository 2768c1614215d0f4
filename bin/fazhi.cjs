#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build` into dist/main/cli.cjs.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('尚未构建：请先运行 npm run build\n');
  process.exit(1);
}
// Node's on-disk compile cache (Node >= 22.1) skips re-compiling the 2.7 MB bundle on every command;
// on older Node the call is absent and the CLI starts as before.
try {
  require('node:module').enableCompileCache?.();
} catch {
  // an unwritable cache folder only costs the speed-up
}
require(cli);
