import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { bundleChild } from '../support/bundleChild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { removeDir, tempDir } from './fixtures';

let work: string;
let childJs: string;

beforeAll(async () => {
  work = await tempDir('fazhi-crash-');
  childJs = await bundleChild(path.join(__dirname, 'appendUntilKilledChild.ts'), work);
});
afterAll(async () => removeDir(work));

/**
 * Runs the child until its first append is acknowledged, lets it write for `ms` more, then SIGKILLs
 * it: every run is killed mid-stream however slow the machine (timed from `ready`, a loaded machine
 * killed some children before their first append, and the test's check that the kills landed
 * mid-stream failed there).
 */
function runAndKill(dataDir: string, tag: string, ms: number): Promise<{ ids: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childJs, dataDir, tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (!timer && out.includes(`\n${tag}-`)) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      // only complete lines: each was printed after its update resolved
      const lines = out.split('\n').slice(0, -1);
      resolve({ ids: lines.filter((l) => l.startsWith(`${tag}-`)), stderr: err });
    });
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged append across ~30 SIGKILLs at random moments', async () => {
    const dataDir = path.join(work, 'data');
    await fsp.mkdir(dataDir);
    const acknowledged: string[] = [];
    const kills = 30;
    const started = Date.now();
    for (let k = 0; k < kills; k++) {
      const { ids, stderr } = await runAndKill(dataDir, `r${k}`, 20 + Math.floor(Math.random() * 250));
      expect(stderr).toBe('');
      acknowledged.push(...ids);
    }
    const elapsed = Date.now() - started;

    const store = await openStore(dataDir);
    const year = await store.readYear(2024); // throws if the file were damaged
    expect(store.recoveryNotices()).toEqual([]);
    const kept = new Set(year!.ledger.map((e) => e.id));
    const lost = acknowledged.filter((id) => !kept.has(id));
    expect(lost).toEqual([]);
    // an update that was written but killed before it printed may be there too; nothing else
    expect(year!.ledger.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(year!.ledger.length).toBeLessThanOrEqual(acknowledged.length + kills);
    // opening cleaned up the temp files of the killed writers
    expect((await fsp.readdir(dataDir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // every backup the children made (every 50 writes) is a valid year file too
    for (const b of await fsp.readdir(path.join(dataDir, 'backups'))) {
      JSON.parse(await fsp.readFile(path.join(dataDir, 'backups', b), 'utf8'));
    }
    console.log(`crash test: ${kills} kills, ${acknowledged.length} acknowledged appends, ${year!.ledger.length} kept, ${elapsed} ms`);
    expect(acknowledged.length).toBeGreaterThanOrEqual(kills); // every kill came after an acknowledged append
  }, 300_000); // 30 child starts: ~50 s on a loaded 2-core machine, ~120 s at load 15
});
