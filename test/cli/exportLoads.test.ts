/**
 * What `fazhi export` loads (its start-up is what the clerk waits for on every export; the time
 * itself is `npm run bench -- --start`'s, never a test's): counted, not timed. The process lists
 * the files of dist/ and Node's built-in modules it loaded, and the export must not have loaded
 * the other commands' code (import, drafting, spreadsheets, the demo), node:child_process (only a
 * file being read starts a process) or Node's Web Crypto layer (ids come from node:crypto).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const BIN = path.join(root, 'bin/fazhi.cjs');
const DIST = path.join(root, 'dist/main');

let tmp: string;
let data: string;

beforeAll(() => {
  if (!existsSync(path.join(DIST, 'cli.cjs'))) throw new Error('dist/main missing: run npm run build first');
  tmp = mkdtempSync(path.join(tmpdir(), 'fazhi-loads-'));
  data = path.join(tmp, 'data');
  execFileSync(process.execPath, [BIN, 'demo', '--data', data], { env: { ...process.env, FAZHI_COMPILE_CACHE: '0' } });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs `fazhi args` with a probe that writes, at exit, the files and built-in modules it loaded. */
function loadsOf(args: string[]) {
  const probe = path.join(tmp, 'probe.cjs');
  const report = path.join(tmp, `loads-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(
    probe,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({
      files: Object.keys(require.cache), builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
    })));`,
  );
  const r = spawnSync(process.execPath, ['-r', probe, BIN, ...args], { encoding: 'utf8', env: { ...process.env, FAZHI_COMPILE_CACHE: '0' } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const loads = JSON.parse(readFileSync(report, 'utf8')) as { files: string[]; builtins: string[] };
  return { ...loads, dist: loads.files.filter((f) => f.startsWith(DIST + path.sep)).map((f) => path.relative(DIST, f).split(path.sep).join('/')).sort() };
}

describe('fazhi export loads what an export needs', () => {
  it('the CLI, its launcher and the .docx writer; no other command’s code', () => {
    const out = path.join(tmp, 'r.docx');
    const { dist } = loadsOf(['export', '--data', data, '--year', '2024', '--out', out]);
    // the report was written and opens as a .docx
    expect(execFileSync('unzip', ['-p', out, 'word/document.xml']).toString('utf8')).toContain('法治政府建设');
    expect(dist).toEqual(['cli.cjs', 'fazhi.cjs', 'lazy/cli/buildDocx.cjs']);
  });

  it('no node:child_process and no Web Crypto', () => {
    const { builtins } = loadsOf(['export', '--data', data, '--year', '2024', '--out', path.join(tmp, 's.docx')]);
    expect(builtins).toContain('fs'); // the probe sees the built-ins at all
    expect(builtins).not.toContain('child_process');
    expect(builtins.filter((m) => m.startsWith('internal/crypto/webcrypto'))).toEqual([]);
  });

  it('node:crypto and node:fs/promises load before the launcher changes the V8 flags (their built-in code cache stays usable)', () => {
    const { builtins } = loadsOf(['export', '--data', data, '--year', '2024', '--out', path.join(tmp, 't.docx')]);
    // node:v8 loads only to change the flags (src-main/cli/launch.ts); a built-in loaded after that
    // is compiled from its source on every export
    const flags = builtins.indexOf('v8');
    expect(flags).toBeGreaterThan(-1);
    for (const m of ['crypto', 'fs/promises']) expect([m, builtins.indexOf(m)]).toEqual([m, expect.toSatisfy((i: number) => i > -1 && i < flags)]);
  });

  it('the bundles carry one zod locale besides its default (`import { z } from \'zod\'` pulls in all of them, doubling cli.cjs)', () => {
    for (const bundle of ['cli.cjs', 'web.cjs', 'electron-app.cjs']) {
      const locales = [...readFileSync(path.join(DIST, bundle), 'utf8').matchAll(/^\/\/ node_modules\/zod\/v4\/locales\/([\w-]+)\.js$/gm)].map((m) => m[1]).filter((l) => l !== 'index').sort();
      expect([bundle, locales]).toEqual([bundle, ['en', 'zh-CN']]);
    }
  });

  it('a command loads its own module when it runs (fazhi check)', () => {
    const { dist } = loadsOf(['check', '--data', data, '--year', '2024']);
    expect(dist).toContain('lazy/cli/checkCommand.cjs');
    expect(dist).not.toContain('lazy/cli/buildDocx.cjs');
  });
});
