import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, dispatch } from '../src-main/services';
import { bundleCrashChild, killLoop } from '../test/support/crash';
import type { Row } from './core';

/** `npm run bench -- --soak`: the CI crash test, five times longer. */
export async function soakBench(root: string, kills: number): Promise<Row[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-soak-'));
  try {
    const child = await bundleCrashChild(tmp, path.join(root, 'test/support/ledgerAddUntilKilledChild.ts'));
    const data = path.join(tmp, 'data');
    await dispatch(await createServices(data), 'demo.create', {});
    const t = Date.now();
    const run = await killLoop(child, data, kills, 2024);
    const secs = (Date.now() - t) / 1000;
    return [
      { what: `断电模拟：SIGKILL 次数`, figure: String(run.kills) },
      { what: '已确认（打印编号）的台账记录', figure: String(run.confirmed) },
      { what: '强制结束后丢失的已确认记录', figure: String(run.missing.length), target: '0', ok: run.missing.length === 0 && run.problems.length === 0 },
      { what: '用时', figure: `${secs.toFixed(1)} s` },
      ...run.problems.map((p) => ({ what: '问题', figure: p })),
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
