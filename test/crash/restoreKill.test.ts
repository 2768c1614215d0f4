import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../../src-main/store';
import { createBackupFile } from '../../src-main/store/backupFile';
import { bundleChild } from '../support/bundleChild';
import { tempDir } from '../support/tmp';
import { makeEntry, makeUnit, makeYear } from '../store/fixtures';

/**
 * `fazhi restore` killed at random moments: after the next open of the folder it holds exactly
 * the old set of files or exactly the new one, never a mix, and no staging or journal is left.
 */

const KILLS = Number(process.env.FAZHI_RESTORE_KILLS ?? 120);
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('fazhi-restore-kill-'));
});
afterAll(() => cleanup());

/** What identifies a set: unit name and, per year, its entry count and first and last ids. */
async function signature(store: Store): Promise<string> {
  const s = await store.snapshot();
  return [s.unit?.unit.fullName ?? '-', ...s.years.map((y) => `${y.year}:${y.ledger.length}:${y.ledger[0]?.id}:${y.ledger.at(-1)?.id}`)].join('|');
}

async function makeSet(where: string, name: string, years: Array<[number, number, string]>): Promise<{ file: string; sig: string }> {
  const store = await openStore(where);
  await store.updateUnit(() => makeUnit(name));
  for (const [y, n, tag] of years) {
    const data = makeYear(y, 0);
    data.ledger = Array.from({ length: n }, (_, i) => makeEntry(`${tag}${i}`, y, i));
    await store.createYear(data);
  }
  const backup = await createBackupFile(store);
  const file = path.join(dir, `${name}.json`);
  await fsp.writeFile(file, backup.data);
  return { file, sig: await signature(store) };
}

function runChild(child: string, dataDir: string, file: string, killAfterMs: number | null): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dataDir, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let t0 = 0;
    let ms = 0;
    p.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (!t0 && out.includes('go\n')) {
        t0 = performance.now();
        if (killAfterMs !== null) setTimeout(() => p.kill('SIGKILL'), killAfterMs);
      }
      if (out.includes('done\n') && !ms) ms = performance.now() - t0;
    });
    p.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    p.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: !out.includes('done\n'), ms });
      else if (code === 0) resolve({ killed: false, ms });
      else reject(new Error(`restore child failed (${code}): ${err}`));
    });
  });
}

it(`leaves the old or the new set after each of ${KILLS} SIGKILLs inside a restore`, async () => {
  const child = await bundleChild(path.join(__dirname, 'restoreChild.ts'), dir);
  const oldSet = await makeSet(path.join(dir, 'a'), '青山镇人民政府', [[2023, 200, 'a'], [2024, 300, 'b']]);
  const newSet = await makeSet(path.join(dir, 'b'), '白水街道办事处', [[2024, 250, 'c'], [2025, 100, 'd']]);
  const data = path.join(dir, 'data');
  await fsp.cp(path.join(dir, 'a'), data, { recursive: true });

  // how long one restore takes here, so the kills fall across all of it; the window then follows
  // the machine's pace (a round the restore finished in narrows it), so every counted kill lands
  // inside a restore whatever the load
  const probe = await runChild(child, data, newSet.file, null);
  let current = newSet.sig;
  let window = Math.max(5, probe.ms * 1.2);

  let s = 11;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const problems: string[] = [];
  let killedMidway = 0;
  let rounds = 0;
  let sawOld = 0;
  let sawNew = 0;
  let finishedOnOpen = 0;
  while (killedMidway < KILLS && rounds < KILLS * 4 && problems.length === 0) {
    rounds++;
    const target = current === oldSet.sig ? newSet : oldSet;
    const before = current;
    // every other kill aims at the end, where the switch itself (journal, renames) happens
    const at = rounds % 2 === 0 ? rnd() * window : window * (0.5 + 0.5 * rnd());
    const r = await runChild(child, data, target.file, at);
    if (r.killed) {
      killedMidway++;
      window = Math.min(window * 1.05, Math.max(5, probe.ms * 3));
    } else window = Math.max(2, window * 0.8);
    const store = await openStore(data);
    if (store.recoveryNotices().some((n) => n.file === 'restore-journal.json')) finishedOnOpen++;
    const sig = await signature(store);
    // (a lock file killed before its holder wrote its pid is cleared by the next writer after 2 s)
    const left = (await fsp.readdir(data)).filter((n) => n === '.restore-staging' || n === 'restore-journal.json');
    if (sig !== oldSet.sig && sig !== newSet.sig) problems.push(`第${rounds}次：既不是原数据也不是新数据：${sig}`);
    if (left.length) problems.push(`第${rounds}次：留下了 ${left.join('、')}`);
    if (sig === before) sawOld++;
    else sawNew++;
    current = sig;
  }
  console.log(
    `restore kill test: ${killedMidway} kills inside a restore in ${rounds} rounds; old set kept ${sawOld}×, new set ${sawNew}× ` +
      `(${finishedOnOpen}× finished from the journal on the next open); one restore ${probe.ms.toFixed(0)} ms`,
  );
  expect(problems).toEqual([]);
  expect(killedMidway).toBe(KILLS);
}, 600_000);
