/**
 * `fazhi` (bin/fazhi.cjs) keeps a V8 code cache of its bundles (src-main/boot/compileCache.ts). What a
 * user would notice if it went wrong: a different or broken .docx, a stale build answering, an error
 * from a cache folder. The same export with and without the cache, with a damaged cache, an
 * unwritable or foreign folder, and after a new build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCacheDir, enableNodeCompileCache, startCompileCache } from '../../src-main/boot/compileCache';

const root = path.resolve(__dirname, '../..');
const BIN = path.join(root, 'bin/fazhi.cjs');
const CLI = path.join(root, 'dist/main/cli.cjs');

let tmp: string;
let data: string;
let reference: string;

/** the report's text as Word reads it: what must not change whatever the cache holds */
const documentXml = (docx: string) => execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString('utf8');

function fazhi(bin: string, cache: string, args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, FAZHI_COMPILE_CACHE: cache } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function exportWith(cache: string, bin = BIN) {
  const out = path.join(tmp, `r-${Math.random().toString(36).slice(2)}.docx`);
  const r = fazhi(bin, cache, ['export', '--data', data, '--year', '2024', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return documentXml(out);
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.bin')).sort() : []);

beforeAll(() => {
  if (!existsSync(CLI) || !existsSync(path.join(root, 'dist/main/fazhi.cjs'))) throw new Error('dist/main missing: run npm run build first');
  tmp = mkdtempSync(path.join(tmpdir(), 'fazhi-cc-'));
  data = path.join(tmp, 'data');
  execFileSync(process.execPath, [CLI, 'demo', '--data', data]);
  const out = path.join(tmp, 'plain.docx');
  execFileSync(process.execPath, [CLI, 'export', '--data', data, '--year', '2024', '--out', out]);
  reference = documentXml(out);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the compile cache of fazhi', () => {
  it('exports the same report on the first run (writing the cache) and the next (reading it)', () => {
    const dir = path.join(tmp, 'cache-a');
    expect(exportWith(dir)).toBe(reference);
    const written = cacheFiles(dir);
    // the CLI bundle and the chunk with the .docx writer, each for this command
    expect(written.some((n) => n.startsWith('cli.cjs-export.'))).toBe(true);
    expect(written.some((n) => n.startsWith('lazy_cli_buildDocx.cjs-export.'))).toBe(true);
    expect(exportWith(dir)).toBe(reference);
    expect(cacheFiles(dir)).toEqual(written);
  });

  it('shrugs off a damaged cache file and writes a good one again', () => {
    const dir = path.join(tmp, 'cache-b');
    exportWith(dir);
    const files = cacheFiles(dir);
    for (const n of files) writeFileSync(path.join(dir, n), 'not a code cache at all');
    expect(exportWith(dir)).toBe(reference);
    for (const n of files) expect(readFileSync(path.join(dir, n)).length).toBeGreaterThan(1000);
    // a cache of the right shape but for other code: V8 refuses it, the run is unaffected
    const [cli] = files.filter((n) => n.startsWith('cli.cjs-export.'));
    const other = files.find((n) => n !== cli)!;
    writeFileSync(path.join(dir, cli!), readFileSync(path.join(dir, other)));
    expect(exportWith(dir)).toBe(reference);
  });

  it('runs as usual when the cache folder cannot be made, or is switched off', () => {
    const blocker = path.join(tmp, 'a-file');
    writeFileSync(blocker, 'x');
    expect(exportWith(path.join(blocker, 'cache'))).toBe(reference);
    expect(exportWith('0')).toBe(reference);
  });

  it.runIf(process.getuid?.() === 0)('never uses a cache folder another user owns', () => {
    const dir = path.join(tmp, 'foreign');
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, 65534, 65534);
    expect(exportWith(dir)).toBe(reference);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a new build never meets the cache of the old one', () => {
    // an installed copy: bin/ and dist/main/, then a "new build" of cli.cjs with another version
    const app = path.join(tmp, 'app');
    mkdirSync(path.join(app, 'bin'), { recursive: true });
    cpSync(BIN, path.join(app, 'bin/fazhi.cjs'));
    cpSync(path.join(root, 'dist/main'), path.join(app, 'dist/main'), { recursive: true });
    const dir = path.join(tmp, 'cache-c');
    const bin = path.join(app, 'bin/fazhi.cjs');
    const version = fazhi(bin, dir, ['--version']).stdout.trim();
    expect(fazhi(bin, dir, ['--version']).stdout.trim()).toBe(version);
    const before = cacheFiles(dir);
    const cli = path.join(app, 'dist/main/cli.cjs');
    const src = readFileSync(cli, 'utf8');
    expect(src).toContain(JSON.stringify(version));
    writeFileSync(cli, src.split(JSON.stringify(version)).join(JSON.stringify('9.9.9')));
    expect(fazhi(bin, dir, ['--version']).stdout.trim()).toBe('9.9.9');
    expect(fazhi(bin, dir, ['--version']).stdout.trim()).toBe('9.9.9');
    const after = cacheFiles(dir);
    expect(after).toHaveLength(before.length);
    expect(after).not.toEqual(before); // the old build's cache is gone, not piling up
    expect(exportWith(dir, bin)).toBe(reference);
  });
});

describe('where the cache lives', () => {
  it('in the user’s own cache folder on each system, or nowhere when switched off', () => {
    expect(compileCacheDir({ LOCALAPPDATA: 'C:\\Users\\文书\\AppData\\Local' }, 'win32', 'C:\\Users\\文书')).toBe(
      path.join('C:\\Users\\文书\\AppData\\Local', 'fazhi-nianbao', 'compile-cache'),
    );
    expect(compileCacheDir({}, 'darwin', '/Users/wenshu')).toBe('/Users/wenshu/Library/Caches/fazhi-nianbao/compile-cache');
    expect(compileCacheDir({}, 'linux', '/home/wenshu')).toBe('/home/wenshu/.cache/fazhi-nianbao/compile-cache');
    expect(compileCacheDir({ XDG_CACHE_HOME: '/var/cache/wenshu' }, 'linux', '/home/wenshu')).toBe('/var/cache/wenshu/fazhi-nianbao/compile-cache');
    expect(compileCacheDir({ FAZHI_COMPILE_CACHE: '0' }, 'linux', '/home/wenshu')).toBeNull();
    expect(compileCacheDir({ FAZHI_COMPILE_CACHE: '/tmp/cc' }, 'linux', '/home/wenshu')).toBe('/tmp/cc');
    // the program's whole per-user cache moved elsewhere (tests, portable use)
    expect(compileCacheDir({ FAZHI_CACHE_DIR: '/tmp/u' }, 'linux', '/home/wenshu')).toBe('/tmp/u/compile-cache');
    // "on" is a switch, not a folder named 1 in the current directory
    expect(compileCacheDir({ FAZHI_COMPILE_CACHE: '1' }, 'linux', '/home/wenshu')).toBe('/home/wenshu/.cache/fazhi-nianbao/compile-cache');
    expect(compileCacheDir({ FAZHI_COMPILE_CACHE: 'off' }, 'linux', '/home/wenshu')).toBeNull();
  });

  it('no home folder at all (os.homedir() throws for a user with no passwd entry): no cache, no error', () => {
    const noHome = () => {
      throw Object.assign(new Error('uv_os_homedir returned ENOENT'), { code: 'ERR_SYSTEM_ERROR' });
    };
    expect(compileCacheDir({}, 'linux', noHome)).toBeNull();
  });

  it('fazhi runs for a user with no home folder (the launcher that turns the cache on)', (ctx) => {
    // a uid with no passwd entry and no HOME: needs root and setpriv (util-linux)
    const setpriv = spawnSync('setpriv', ['--version']);
    if (process.getuid?.() !== 0 || setpriv.status !== 0) {
      console.log('skipped: needs root and setpriv to run as a user with no home folder');
      return ctx.skip();
    }
    const env = { ...process.env };
    delete env.HOME;
    delete env.FAZHI_COMPILE_CACHE;
    // a copy of the launcher and the built CLI that this user may read: the checkout itself may sit
    // in a folder only root can enter (mktemp -d)
    const app = mkdtempSync(path.join(tmpdir(), 'fazhi-nohome-'));
    try {
      chmodSync(app, 0o755);
      cpSync(path.resolve('bin'), path.join(app, 'bin'), { recursive: true });
      cpSync(path.resolve('dist/main'), path.join(app, 'dist/main'), { recursive: true });
      const r = spawnSync('setpriv', ['--reuid=54321', '--regid=54321', '--clear-groups', process.execPath, path.join(app, 'bin/fazhi.cjs'), '--version'], { env, cwd: app, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});

describe('beside Node’s own compile cache (>= 22.1, Electron 41)', () => {
  // Node 20 here has no module.enableCompileCache: a stand-in plays it, restored after
  const api = Module as unknown as Record<string, unknown>;
  const had = { enable: api.enableCompileCache, constants: api.constants };
  afterAll(() => {
    api.enableCompileCache = had.enable;
    api.constants = had.constants;
  });
  const status = { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 };

  it('the desktop app uses Node’s with the per-user folder, and stays off when Node refuses (NODE_DISABLE_COMPILE_CACHE)', () => {
    const asked: string[] = [];
    api.constants = { ...(had.constants as object), compileCacheStatus: status };
    api.enableCompileCache = (dir: string) => (asked.push(dir), { status: status.ENABLED, directory: dir });
    const dir = path.join(tmp, 'node-cache');
    expect(enableNodeCompileCache({ FAZHI_COMPILE_CACHE: dir })).toBe('on');
    expect(asked).toEqual([dir]);
    api.enableCompileCache = () => ({ status: status.DISABLED });
    expect(enableNodeCompileCache({ FAZHI_COMPILE_CACHE: dir })).toBe('off');
    expect(enableNodeCompileCache({ FAZHI_COMPILE_CACHE: '0' })).toBe('off');
  });

  it('the CLI keeps its own (it holds every function a command ran), and stays off with NODE_DISABLE_COMPILE_CACHE', () => {
    const asked: string[] = [];
    api.enableCompileCache = (dir: string) => (asked.push(dir), { status: status.ENABLED, directory: dir });
    const dir = path.join(tmp, 'own-cache');
    const compile = (Module.prototype as unknown as { _compile: unknown })._compile;
    expect(startCompileCache({ bundleDir: tmp, variant: 'export', env: { FAZHI_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1' } })).toBe('off');
    expect((Module.prototype as unknown as { _compile: unknown })._compile).toBe(compile);
    try {
      expect(startCompileCache({ bundleDir: tmp, variant: 'export', env: { FAZHI_COMPILE_CACHE: dir } })).toBe('v8');
    } finally {
      (Module.prototype as unknown as { _compile: unknown })._compile = compile;
    }
    expect(asked).toEqual([]);
  });
});
