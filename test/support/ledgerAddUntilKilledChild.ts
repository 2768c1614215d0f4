/**
 * Child process for the crash tests: appends ledger entries through the services in a loop and
 * prints each id only after ledger.add resolved (i.e. after the year file was fsynced). The parent
 * kills it with SIGKILL at a random moment; every printed id must survive.
 */
import { createServices, dispatch } from '../../src-main/services';

async function main() {
  const dataDir = process.argv[2]!;
  const h = await createServices(dataDir);
  let i = 0;
  for (;;) {
    i++;
    const r = await dispatch(h, 'ledger.add', {
      year: 2024,
      entry: { date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`, category: 'pufa', title: `断电测试${process.pid}-${i}`, participants: i % 100 },
    });
    if (!r.ok) {
      process.stderr.write(`${r.error!.message}\n`);
      process.exit(3);
    }
    process.stdout.write(`${(r.value as { id: string }).id}\n`);
  }
}
void main();
