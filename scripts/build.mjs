// Builds the main-process bundles (esbuild, CommonJS for Node/Electron) and the renderer (vite).
// `--if-stale` skips the build when dist/ was built from exactly the sources there now (a checksum
// of every input, kept in dist/.build-inputs): `npm run web` and `npm test` rebuild after a pull or
// an edit, and CI, which has just run `npm run build`, does not build a second time.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSplitBundle, commonOptions } from './mainBundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifStale = process.argv.includes('--if-stale');
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

/** Everything the bundles are made from: sources, build scripts and configs, the locked dependencies. */
const INPUTS = ['src-shared', 'src-main', 'src-renderer', 'assets', 'scripts/build.mjs', 'scripts/mainBundles.mjs', 'scripts/antdStyles.mjs', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.base.json', 'tsconfig.web.json'];
const STAMP = path.join(root, 'dist/.build-inputs');

function inputsChecksum() {
  const hash = createHash('sha256');
  const add = (rel) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) add(path.join(rel, name));
    } else {
      hash.update(`${rel}\0`).update(readFileSync(abs)).update('\0');
    }
  };
  for (const rel of INPUTS) add(rel);
  return hash.digest('hex');
}

const checksum = inputsChecksum();
const outputs = [...entries.filter((e) => existsSync(path.join(root, e.in))).map((e) => out(e.out)), path.join(root, 'dist/renderer/index.html')];
if (ifStale && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === checksum && outputs.every((f) => existsSync(f))) {
  console.log('dist/ 已是最新（与当前源代码一致），跳过构建');
  process.exit(0);
}
// a build that fails half-way must not look up to date
rmSync(STAMP, { force: true });

const todo = entries.filter((e) => existsSync(path.join(root, e.in)));
await Promise.all(
  todo.map((e) => {
    if (!e.split) return build({ ...commonOptions(root, e.external), entryPoints: [path.join(root, e.in)], outfile: out(e.out) });
    // chunks of an earlier build must not linger next to the new bundle
    rmSync(out(path.join('lazy', path.basename(e.out, '.cjs'))), { recursive: true, force: true });
    return buildSplitBundle({ root, entry: e.in, outfile: out(e.out), common: commonOptions(root, e.external) });
  }),
);

const rendererIndex = path.join(root, 'src-renderer/index.html');
if (existsSync(rendererIndex)) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

mkdirSync(path.dirname(STAMP), { recursive: true });
writeFileSync(STAMP, `${checksum}\n`);
