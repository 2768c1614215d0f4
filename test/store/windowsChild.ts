/**
 * A fazhi process as it runs on Windows, for windows.test.ts (bundled with esbuild, started with
 * windowsPreload.cjs). Prints one JSON line per step: `{step, ok, message?}`; the first line tells
 * what the store saw of the machine (no start time, no namespace: as on Windows).
 * argv: dataDir script
 *   add          adds ledger entry "w-1" to 2024
 *   own-pid-add  first leaves a lock with this process's own pid and a token it does not hold
 *                (as a crashed earlier run with the same pid would), then adds "w-1"
 *   outside      saves argv[4]/报告.docx outside the data folder (as an export does)
 *   restore      restores the backup file argv[4] while the staging renames fail (the fake's
 *                whileFile is argv[5]), adds "during" (refused), then removes argv[5] and adds
 *                "after" (finishes the switch, then saves)
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { onWait, openStore, saveOutside, type WaitNotice } from '../../src-main/store';
import { restoreBackup } from '../../src-main/store/backupFile';
import { SELF } from '../../src-main/store/processIdentity';
import { makeEntry } from './fixtures';

const [dataDir, script, backupFile, flagFile] = process.argv.slice(2) as [string, string, string?, string?];
const say = (o: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(o)}\n`);
const waits: string[] = [];
onWait((n: WaitNotice | null) => void (n && waits.push(n.message)));

async function step(name: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
    say({ step: name, ok: true, waits: waits.splice(0) });
  } catch (e) {
    say({ step: name, ok: false, message: e instanceof Error ? e.message : String(e), waits: waits.splice(0) });
  }
}

async function main(): Promise<void> {
  say({ step: 'machine', platform: process.platform, start: SELF.start, ns: SELF.ns });
  const store = await openStore(dataDir);
  const add = (id: string) => store.updateYear(2024, (d) => void d.ledger.push(makeEntry(id, 2024, 5)));
  if (script === 'own-pid-add') {
    // exactly the fields the previous release wrote on Windows: no start time, no boot moment
    await fsp.writeFile(path.join(dataDir, 'year-2024.json.lock'), JSON.stringify({ pid: process.pid, host: SELF.host, start: null, at: Date.now(), token: 'notmine000000000' }));
  }
  if (script === 'add' || script === 'own-pid-add') await step('add', () => add('w-1'));
  if (script === 'outside') await step('outside', () => saveOutside(path.join(backupFile!, '报告.docx'), new Uint8Array([1, 2, 3]), dataDir));
  if (script === 'restore') {
    await step('restore', async () => restoreBackup(await fsp.readFile(backupFile!), store));
    await step('during', () => add('during'));
    await fsp.rm(flagFile!);
    // the store tries a failed switch again 5 s after the last try
    await new Promise((r) => setTimeout(r, 5_500));
    await step('after', () => add('after'));
    say({ step: 'notices', notices: store.recoveryNotices().map((n) => n.message) });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exit(1);
});
