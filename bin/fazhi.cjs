#!/usr/bin/env node
// Thin launcher: the CLI is bundled by `npm run build` into dist/main/cli.cjs.
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('尚未构建：请先运行 npm run build\n');
  process.exit(1);
}
require(cli);
