#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build` into dist/main/cli.cjs; dist/main/fazhi.cjs
// turns on the compile cache (src-main/boot/compileCache.ts) and then loads it.
const path = require('node:path');
const fs = require('node:fs');
const main = path.join(__dirname, '..', 'dist', 'main');
if (!fs.existsSync(path.join(main, 'cli.cjs')) || !fs.existsSync(path.join(main, 'fazhi.cjs'))) {
  process.stderr.write('尚未构建：请先运行 npm run build\n');
  process.exit(1);
}
require(path.join(main, 'fazhi.cjs'));
