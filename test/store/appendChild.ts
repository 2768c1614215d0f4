/**
 * Child process for multiProcess.test.ts (bundled with esbuild at test time): opens the store,
 * prints `ready`, waits for `go` on stdin so both children start together, then appends `count`
 * ledger entries to 2024 all at once and prints `done`.
 * argv: dataDir tag count
 */
import { openStore } from '../../src-main/store';
import { makeEntry } from './fixtures';

async function main(): Promise<void> {
  const [dataDir, tag, countArg] = process.argv.slice(2) as [string, string, string];
  const count = Number(countArg);
  const store = await openStore(dataDir);
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => {
    let buf = '';
    process.stdin.setEncoding('utf8').on('data', (s: string) => {
      buf += s;
      if (buf.includes('go\n')) resolve();
    });
  });
  process.stdin.pause();
  await Promise.all(
    Array.from({ length: count }, (_, i) => store.updateYear(2024, (d) => void d.ledger.push(makeEntry(`${tag}-${i}`, 2024, i)))),
  );
  process.stdout.write('done\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exit(1);
});
