// `npm run bench [-- --soak]`: bundles bench/main.ts with esbuild and runs it; prints tables of figures.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist/bench/bench.cjs');
await build({
  entryPoints: [path.join(root, 'bench/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  external: ['playwright-core', 'esbuild'],
});
const r = spawnSync(process.execPath, ['--expose-gc', outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // the bundle runs from dist/bench/, where the services would not find the process files are read
  // in (src-main/sandbox/box.ts looks next to the running bundle): every import would be refused
  env: { ...process.env, FAZHI_ROOT: root, FAZHI_PARSE_BOX: process.env.FAZHI_PARSE_BOX ?? path.join(root, 'dist/main/parse-box.cjs') },
});
process.exit(r.status ?? 1);
