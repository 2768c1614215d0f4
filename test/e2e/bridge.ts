/**
 * The loopback bridge every browser spec drives: the built dist/main/web.cjs on a fresh temp data
 * folder (optionally filled with `fazhi demo` first), on port 0, stopped and removed afterwards.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const webMain = path.join(root, 'dist/main/web.cjs');
export const cliMain = path.join(root, 'dist/main/cli.cjs');
/** screenshots a person looks at */
export const shots = path.join(root, 'test-results/screens');

export interface Bridge {
  url: string;
  dataDir: string;
  stop(): void;
}

/**
 * `nodeArgs`/`env` go to the bridge's process only (e.g. `--require test/store/windowsPreload.cjs`
 * with FAZHI_FAKE, to give the store what Windows gives it).
 */
export async function startBridge(opts: { prefix: string; demo?: boolean; dataDir?: string; nodeArgs?: string[]; env?: Record<string, string> }): Promise<Bridge> {
  if (!existsSync(webMain) || !existsSync(path.join(root, 'dist/renderer/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does it)');
  }
  mkdirSync(shots, { recursive: true });
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), opts.prefix));
  if (opts.demo) execFileSync(process.execPath, [cliMain, 'demo', '--data', dataDir]);
  const server: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), webMain, '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`bridge did not start: ${out}`)), 20_000);
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /法治年报已启动：(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    server.once('exit', (code) => reject(new Error(`bridge exited (${code}): ${out}`)));
  });
  return {
    url,
    dataDir,
    stop() {
      server.kill();
      // the bridge may still be finishing a save as it dies: removal retries on ENOTEMPTY
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

