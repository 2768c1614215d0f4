/**
 * V8 code cache for the bundles in dist/main: a second start of `fazhi` or of the desktop app skips
 * parsing and compiling the JavaScript it ran the first time.
 *
 * - The CLI (startCompileCache, every Node): a `Module.prototype._compile` hook compiles our own
 *   bundles (and only those: files in `bundleDir`) through `vm.Script` with `cachedData`, taken with
 *   `script.createCachedData()` when the command is done, so it holds every function the command
 *   ran. Node's own `module.enableCompileCache` (>= 22.1) takes its cache at compile time, before
 *   anything ran: the top-level code only, every function the command then calls compiled again on
 *   every run (on Node 24 a `fazhi export` ran 6% more instructions with it, callgrind). The
 *   `v8-compile-cache` package has the same limit, would ship as a runtime dependency (nothing else
 *   does: everything is bundled) and replaces the compile step of every module of the process.
 * - The desktop app (src-main/electron/boot.ts, Electron 41's Node): Node's own, enableNodeCompileCache.
 *
 * Bundles that go through the cache are compiled by `vm.Script` rather than Node's own loader:
 * `--inspect-brk` does not stop on their first line; FAZHI_COMPILE_CACHE=0 when debugging.
 *
 * Never in the way: no cache folder, an unwritable one, a stale or damaged cache file only cost the
 * speed-up. A cache file is named by a checksum of the exact source, the Node version, the V8 flags
 * tag and the command (`variant`), so a new build never meets an old cache (V8's own check compares
 * only the source's length); its payload carries its own checksum, and V8 rejects what it cannot use
 * (then it is written again). Output never depends on it: the same source runs either way.
 */
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { userCacheDir, type Env } from './userCacheDir';

/**
 * The per-user cache folder, or null when switched off (`FAZHI_COMPILE_CACHE=0`) or when there is no
 * home folder to put it in. `FAZHI_COMPILE_CACHE=<dir>` chooses another folder (tests, portable
 * use); `1`/`on`/`true` mean the usual one.
 */
export function compileCacheDir(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  homeDir: string | (() => string) = os.homedir,
): string | null {
  const set = env.FAZHI_COMPILE_CACHE?.trim();
  if (set && /^(0|off|false|no)$/i.test(set)) return null;
  if (set && !/^(1|on|true|yes)$/i.test(set)) return path.resolve(set);
  const root = userCacheDir(env, platform, homeDir);
  return root && path.join(root, 'compile-cache');
}

/** A folder we may write to, created for this user only; null when that cannot be had. */
function usableDir(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) return null;
    // on a shared machine never trust compiled code from a folder someone else owns or can write
    if (process.getuid && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) return null;
    fs.accessSync(dir, fs.constants.W_OK);
    return dir;
  } catch {
    return null;
  }
}

type NodeModuleApi = {
  enableCompileCache?: (dir?: string) => { status: number; message?: string; directory?: string };
  constants?: { compileCacheStatus?: Record<'FAILED' | 'ENABLED' | 'ALREADY_ENABLED' | 'DISABLED', number> };
};

/**
 * Node's own compile cache where the running Node has it (>= 22.1, Electron 41): 'on', 'off' (it
 * exists but stays off: switched off, NODE_DISABLE_COMPILE_CACHE, an unusable folder …) or 'absent'
 * (older Node). Nothing of it can stop the program: a refusal leaves the process as it was.
 */
export function enableNodeCompileCache(env: Env = process.env): 'on' | 'off' | 'absent' {
  const api = Module as unknown as NodeModuleApi;
  if (typeof api.enableCompileCache !== 'function') return 'absent';
  const dir = compileCacheDir(env);
  if (!dir || !usableDir(dir)) return 'off';
  try {
    const r = api.enableCompileCache(dir);
    const s = api.constants?.compileCacheStatus;
    return s && (r?.status === s.ENABLED || r?.status === s.ALREADY_ENABLED) ? 'on' : 'off';
  } catch {
    return 'off';
  }
}

/**
 * CRC-32 as Node's own compile cache uses for the same purpose (zlib.crc32, Node >= 20.15: a few
 * milliseconds less per start than hashing megabytes with SHA-1), SHA-1 where it is missing.
 */
const crc32 = (zlib as unknown as { crc32?: (data: string | Uint8Array, value?: number) => number }).crc32;
function checksum(data: string | Uint8Array): Buffer {
  // node:crypto only on that path: loading it costs every start a few internal modules
  if (!crc32) return (require('node:crypto') as typeof import('node:crypto')).createHash('sha1').update(data).digest().subarray(0, 8);
  const b = Buffer.alloc(8);
  b.writeUInt32BE(crc32(data), 0);
  b.writeUInt32BE(typeof data === 'string' ? data.length >>> 0 : data.byteLength >>> 0, 4);
  return b;
}
const HEADER = 8; // checksum of the payload: a damaged file is recognised before V8 sees it

function readCache(file: string): Buffer | undefined {
  try {
    const buf = fs.readFileSync(file);
    if (buf.length <= HEADER) return undefined;
    const payload = buf.subarray(HEADER);
    return checksum(payload).equals(buf.subarray(0, HEADER)) ? payload : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, file: string, stem: string, data: Buffer) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([checksum(data), data]), { mode: 0o600 });
    fs.renameSync(tmp, file);
    // caches of older builds of this bundle would only pile up
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(`${stem}.`) && path.join(dir, name) !== file && !name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing left to do: the next run compiles as usual
    }
  }
}

export interface CodeCacheOptions {
  /** only files in this folder (our bundles and their chunks) go through the cache */
  bundleDir: string;
  /** what the process is about to do (the CLI command): each gets the functions it runs cached */
  variant: string;
  env?: Env;
}

interface Pending {
  script: vm.Script;
  file: string;
  stem: string;
}

interface Internals {
  _compile(this: Module & { filename: string; exports: unknown }, content: string, filename: string): unknown;
}

/**
 * Installs the cache for this process: 'v8' (ours) or 'off' (switched off, NODE_DISABLE_COMPILE_CACHE
 * as for Node's own, or no folder to put it in).
 */
export function startCompileCache(opts: CodeCacheOptions): 'v8' | 'off' {
  const env = opts.env ?? process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE) return 'off';
  const wanted = compileCacheDir(env);
  const dir = wanted && usableDir(wanted);
  if (!dir) return 'off';

  const proto = Module.prototype as unknown as Internals;
  const original = proto._compile;
  const bundleDir = path.resolve(opts.bundleDir);
  const variant = opts.variant.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 24) || 'default';
  // V8 checks its version and flags itself and refuses a cache made under others (it is then written
  // again); naming the file by them too keeps caches of two Node versions from replacing each other.
  // (not v8.cachedDataVersionTag(): loading node:v8 costs every start more than it saves)
  const flags = (zlib as unknown as { crc32?: (s: string) => number }).crc32?.(process.execArgv.join(' ')) ?? 0;
  const tag = `${process.version}-${process.arch}-${flags.toString(36)}`;
  const pending: Pending[] = [];

  proto._compile = function (this, content: string, filename: string) {
    if (!filename.startsWith(bundleDir + path.sep)) return original.call(this, content, filename);
    const stem = `${path.relative(bundleDir, filename).replace(/[\\/]/g, '_')}-${variant}`;
    const file = path.join(dir, `${stem}.${tag}.${checksum(content).toString('hex')}.bin`);
    const cachedData = readCache(file);
    // no importModuleDynamically: on Node 20 it is experimental (a warning on stderr) and is lost
    // when the script comes from cachedData, so the bundles must not keep an import() (the build
    // turns ours into require and refuses any other: scripts/mainBundles.mjs)
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    // a cache V8 refused, or none yet: take one when the command is done (it then holds every
    // function the command ran, not just the top level)
    if (!cachedData || script.cachedDataRejected) pending.push({ script, file, stem });
    const fn = script.runInThisContext({ displayErrors: true }) as (...a: unknown[]) => unknown;
    const require = Module.createRequire(filename);
    return fn.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    for (const p of pending) {
      try {
        writeCache(dir, p.file, p.stem, p.script.createCachedData());
      } catch {
        // a full disk or a V8 refusal only costs the speed-up
      }
    }
  });
  return 'v8';
}
