// Builds the main-process bundles (esbuild, CommonJS for Node/Electron) and the renderer (vite).
// `--if-missing` skips work when dist/ is already there (used by `npm run web`).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ifMissing = process.argv.includes('--if-missing');
const out = (f) => path.join(root, 'dist/main', f);

const entries = [
  { in: 'src-main/cli/main.ts', out: 'cli.cjs' },
  { in: 'src-main/web/main.ts', out: 'web.cjs' },
  { in: 'src-main/electron/main.ts', out: 'electron-main.cjs', external: ['electron'] },
  { in: 'src-main/electron/preload.ts', out: 'preload.cjs', external: ['electron'] },
];

const todo = entries.filter((e) => existsSync(path.join(root, e.in)) && !(ifMissing && existsSync(out(e.out))));
await Promise.all(
  todo.map((e) =>
    build({
      entryPoints: [path.join(root, e.in)],
      outfile: out(e.out),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: e.external ?? [],
      sourcemap: false,
      minify: false,
      legalComments: 'none',
      logLevel: 'warning',
      define: { 'process.env.FAZHI_VERSION': JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
    }),
  ),
);

const rendererIndex = path.join(root, 'src-renderer/index.html');
if (existsSync(rendererIndex) && !(ifMissing && existsSync(path.join(root, 'dist/renderer/index.html')))) {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}
