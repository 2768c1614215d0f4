/**
 * scripts/mainBundles.mjs on a small program of its own: code behind import() lands in files of its
 * own, loaded only when the import() runs, and the program still behaves as one (one copy of every
 * module: a class is the same class in the bundle and in every chunk, module state is shared).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSplitBundle, commonOptions } from '../../scripts/mainBundles.mjs';

let root: string;
let out: string;
const files: Record<string, string> = {
  // state and a class the bundle and the chunks must share
  'src/shared.ts': `export class Oops extends Error {}\nexport const seen: string[] = [];\n`,
  // a heavy part used by two lazily loaded modules: both go into one chunk, never two copies
  'src/heavy.ts': `import { seen } from './shared';\nseen.push('heavy loaded');\nexport const weight = 42;\n`,
  'src/one.ts': `import { Oops, seen } from './shared';\nimport { weight } from './heavy';\nexport function one() { seen.push('one'); return weight; }\nexport function fail(): never { throw new Oops('from a chunk'); }\n`,
  'src/two.ts': `import { weight } from './heavy';\nexport const two = () => weight + 1;\nexport const later = () => import('./three');\n`,
  // reached only through an import() inside a chunk
  'src/three.ts': `import { seen } from './shared';\nexport const three = () => { seen.push('three'); return 3; };\n`,
  'src/main.ts': `
import { Oops, seen } from './shared';
async function main() {
  seen.push('start');
  const { one, fail } = await import('./one');
  const { two, later } = await import('./two');
  const { three } = await (await later)();
  let same = false;
  try { fail(); } catch (e) { same = e instanceof Oops; }
  console.log(JSON.stringify({ one: one(), two: two(), three: three(), same, seen }));
}
void main();
`,
};

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'fazhi-split-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  out = path.join(root, 'dist/main/app.cjs');
  await buildSplitBundle({ root, entry: 'src/main.ts', outfile: out, common: { ...commonOptions(root), logLevel: 'silent' } });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('puts what import() loads into chunks, shared code once, and runs as one program', () => {
  const chunks = readdirSync(path.join(root, 'dist/main/lazy/app')).sort();
  expect(chunks).toEqual(['one+two.cjs', 'three.cjs']);
  expect(readFileSync(out, 'utf8')).not.toContain('heavy loaded');
  expect(readFileSync(path.join(root, 'dist/main/lazy/app/one+two.cjs'), 'utf8').match(/heavy loaded/g)).toHaveLength(1);
  const run = JSON.parse(execFileSync(process.execPath, [out], { encoding: 'utf8' }));
  expect(run).toEqual({ one: 42, two: 43, three: 3, same: true, seen: ['start', 'heavy loaded', 'one', 'three'] });
});

it('refuses a bundle that keeps an import() (the CLI’s compile cache could not run it)', async () => {
  writeFileSync(path.join(root, 'src/keeps.ts'), `export const fs = () => import('node:fs');\n`);
  await expect(
    buildSplitBundle({ root, entry: 'src/keeps.ts', outfile: path.join(root, 'dist/main/keeps.cjs'), common: { ...commonOptions(root), logLevel: 'silent' } }),
  ).rejects.toThrow(/keeps import\(\) of node:fs/);
});
