/**
 * 概览 as the clerk first sees it after starting the program: the bridge in a process of its own,
 * just started (`node dist/main/web.cjs`, what `npm run web` runs; the desktop app's main process
 * does the same work), its first 概览. The other 概览 rows open the page again and again against
 * one bridge that has long read every year; this one includes reading the years at start-up.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { median, type Row } from './core';

/** Starts the bridge on `dataDir`; resolves with its address once it says it is up. */
function startBridgeProcess(root: string, dataDir: string, cacheDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(root, 'dist/main/web.cjs'), '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FAZHI_CACHE_DIR: cacheDir },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const m = /(http:\/\/\S+\?token=\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`web.cjs ended (${code}) before it started: ${out}`)));
  });
}

const ROUNDS = 3;

/** `firstOpen`: ms from opening the address until 概览 is ready (ui.ts's measure, one open). */
export async function overviewAfterStart(root: string, dataDir: string, firstOpen: (address: string) => Promise<number>): Promise<Row[]> {
  // the bridge processes' own per-user cache (year summaries, compile cache), beside the data
  const cacheDir = path.join(path.dirname(dataDir), 'user-cache');
  const first = async (dropCache: boolean) => {
    if (dropCache) rmSync(path.join(cacheDir, 'year-summaries'), { recursive: true, force: true });
    const bridge = await startBridgeProcess(root, dataDir, cacheDir);
    try {
      return await firstOpen(bridge.url);
    } finally {
      bridge.stop();
    }
  };
  // the first start after the years were written (or after the summary cache was deleted) reads
  // every year in full; later starts read only what changed
  const noCache = await first(true);
  const later: number[] = [];
  for (let i = 0; i < ROUNDS; i++) later.push(await first(false));
  return [
    { what: `概览（10 个年度）：刚启动服务进程后第一次打开（${ROUNDS}次中位数）`, figure: `${median(later).toFixed(0)} ms` },
    { what: '  同上，年度摘要缓存不存在时（首次启动、删除 year-summaries 缓存后）', figure: `${noCache.toFixed(0)} ms` },
  ];
}
