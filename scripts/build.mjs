// Builds the main-process bundles (esbuild, CommonJS for Node/Electron) and the renderer (vite).
// `--if-missing` skips work when dist/ is already there (used by `npm run web`).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSplitBundle, commonOptions } from './mainBundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifMissing = process.argv.includes('--if-missing');
const out = (f) => path.join(root, 'dist/main', f);

// `split`: the bundle's import()s of our own modules become files of their own under
// dist/main/lazy/<bundle>/ (scripts/mainBundles.mjs), loaded on first use.
const entries = [
  { in: 'src-main/cli/main.ts', out: 'cli.cjs', split: true },
  // bin/fazhi.cjs runs this small launcher: compile cache on, then cli.cjs (src-main/boot/compileCache.ts)
  { in: 'src-main/cli/launch.ts', out: 'fazhi.cjs' },
  { in: 'src-main/web/main.ts', out: 'web.cjs', split: true },
  // package.json `main`: turns on Node's compile cache, then loads electron-app.cjs
  { in: 'src-main/electron/boot.ts', out: 'electron-main.cjs' },
  { in: 'src-main/electron/main.ts', out: 'electron-app.cjs', external: ['electron'], split: true },
  { in: 'src-main/electron/preload.ts', out: 'preload.cjs', external: ['electron'] },
  // the process every file the clerk brings in is read in (src-main/sandbox/box.ts); one file of its
  // own, started by all three transports
  { in: 'src-main/sandbox/boxEntry.ts', out: 'parse-box.cjs' },
];

const todo = entries.filter((e) => existsSync(path.join(root, e.in)) && !(ifMissing && existsSync(out(e.out))));
await Promise.all(
  todo.map((e) => {
    if (!e.split) return build({ ...commonOptions(root, e.external), entryPoints: [path.join(root, e.in)], outfile: out(e.out) });
    // chunks of an earlier build must not linger next to the new bundle
    rmSync(out(path.join('lazy', path.basename(e.out, '.cjs'))), { recursive: true, force: true });
    return buildSplitBundle({ root, entry: e.in, outfile: out(e.out), common: commonOptions(root, e.external) });
  }),
);

const rendererIndex = path.join(root, 'src-renderer/index.html');
if (existsSync(rendererIndex) && !(ifMissing && existsSync(path.join(root, 'dist/renderer/index.html')))) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
