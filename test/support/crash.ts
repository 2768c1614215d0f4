import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundleChild } from './bundleChild';
import { createServices, dispatch } from '../../src-main/services';

export function bundleCrashChild(outDir: string, source = path.resolve(__dirname, 'ledgerAddUntilKilledChild.ts')): Promise<string> {
  return bundleChild(source, outDir);
}

export interface KillRun {
  kills: number;
  confirmed: number;
  missing: string[];
  problems: string[];
}

/** Start the child, wait until it has confirmed a few entries, then SIGKILL it after a random delay. */
function runOnce(child: string, dataDir: string, rnd: () => number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ids: string[] = [];
    let buf = '';
    let err = '';
    let armed = false;
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      ids.push(...lines.filter(Boolean));
      if (!armed) {
        armed = true;
        // kill somewhere inside the next write cycles: 0–60 ms covers write, fsync, rename and backup
        setTimeout(() => p.kill('SIGKILL'), Math.floor(rnd() * 60));
      }
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(ids);
      else reject(new Error(`子进程异常退出（${code}）：${err}`));
    });
  });
}

/**
 * `kills` rounds of start-append-kill; after each, open the data afresh (it must validate) and
 * check every confirmed id is there.
 */
export async function killLoop(child: string, dataDir: string, kills: number, seed = 1): Promise<KillRun> {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const confirmed = new Set<string>();
  const problems: string[] = [];
  let missing: string[] = [];
  for (let k = 0; k < kills; k++) {
    for (const id of await runOnce(child, dataDir, rnd)) confirmed.add(id);
    const h = await createServices(dataDir);
    const r = await dispatch(h, 'ledger.list', { year: 2024 });
    if (!r.ok) {
      problems.push(`第${k + 1}次：${r.error!.message}`);
      break;
    }
    const have = new Set((r.value as Array<{ id: string }>).map((e) => e.id));
    missing = [...confirmed].filter((id) => !have.has(id));
    if (missing.length) {
      problems.push(`第${k + 1}次强制结束后缺少${missing.length}条已确认记录`);
      break;
    }
  }
  return { kills, confirmed: confirmed.size, missing, problems };
}
