/**
 * Child process for crash.test.ts (bundled with esbuild at test time): appends ledger entries in
 * a loop and prints each id only after its update has resolved, until it is killed.
 * argv: dataDir runTag
 */
import { openStore } from '../../src-main/store';
import { makeEntry, makeYear } from './fixtures';

async function main(): Promise<void> {
  const [dataDir, tag] = process.argv.slice(2) as [string, string];
  const store = await openStore(dataDir);
  if ((await store.readYear(2024)) === null) {
    await store.createYear(makeYear(2024));
    process.stdout.write('created\n');
  }
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    const id = `${tag}-${i}`;
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry(id, 2024, i)));
    process.stdout.write(`${id}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exit(1);
});
