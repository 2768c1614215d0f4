/**
 * Child process for the stalled-writer test (multiProcess.test.ts), bundled with esbuild.
 * argv: dataDir tag mode count
 *   mode "stall": one add whose update prints `holding` while it holds the year's lock and then
 *                 dawdles, so the parent can SIGSTOP it right there;
 *   mode "add":   `count` adds one after another.
 * Every id is printed only after updateYear resolved (written and fsynced): a confirmed add.
 */
import { openStore } from '../../src-main/store';
import { makeEntry } from './fixtures';

async function main(): Promise<void> {
  const [dataDir, tag, mode, countArg] = process.argv.slice(2) as [string, string, string, string];
  const store = await openStore(dataDir);
  if (mode === 'stall') {
    const id = `${tag}-0`;
    await store.updateYear(2024, async (d) => {
      process.stdout.write('holding\n');
      await new Promise((r) => setTimeout(r, 400));
      d.ledger.push(makeEntry(id, 2024, 0));
    });
    process.stdout.write(`${id}\n`);
    return;
  }
  for (let i = 0; i < Number(countArg); i++) {
    const id = `${tag}-${i}`;
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry(id, 2024, i)));
    process.stdout.write(`${id}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exit(1);
});
