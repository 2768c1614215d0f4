/**
 * Child for restoreKill.test.ts: opens the store (finishing any restore a kill interrupted),
 * prints `go`, restores the backup file given, prints `done`. The parent SIGKILLs it at a
 * random moment after `go`. argv: dataDir backupFile
 */
import { readFileSync } from 'node:fs';
import { openStore } from '../../src-main/store';
import { restoreBackup } from '../../src-main/store/backupFile';

async function main(): Promise<void> {
  const [dataDir, file] = process.argv.slice(2) as [string, string];
  const data = new Uint8Array(readFileSync(file));
  const store = await openStore(dataDir);
  process.stdout.write('go\n');
  await restoreBackup(data, store);
  process.stdout.write('done\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exit(1);
});
