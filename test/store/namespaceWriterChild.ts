/**
 * A writer for sharedFolder.test.ts (bundled with esbuild), run in its own PID namespace: to the
 * other writer it is a process on another PC with the same computer name (and the same pid, 1).
 * Reads commands on stdin: `add N` adds N ledger entries one after another, printing `ok <id>`
 * once each is confirmed (updateYear resolved: written and fsynced) or `fail <id> <message>`,
 * then `batch-done`; `exit` ends it.
 * argv: dataDir tag [holdFile]
 * With holdFile: when that file exists, the next rename onto year-2024.json prints `holding` and
 * waits 2 s first (the file is removed), so the parent can stop this process between its last
 * check and its rename, the worst moment; a rename whose temp file is gone prints `fenced`.
 * Every rename onto year-2024.json first waits 0–20 ms, as a rename over a network share takes
 * time: a writer that does not really hold the lock then overwrites the other's save.
 */
import { existsSync, promises as fsp, rmSync } from 'node:fs';
import os from 'node:os';
import { openStore } from '../../src-main/store';
import { makeEntry } from './fixtures';

const [dataDir, tag, holdFile] = process.argv.slice(2) as [string, string, string | undefined];

const realRename = fsp.rename.bind(fsp);
(fsp as { rename: typeof fsp.rename }).rename = async (from, to) => {
  if (holdFile && String(to).endsWith('year-2024.json') && existsSync(holdFile)) {
    rmSync(holdFile);
    process.stdout.write('holding\n');
    await new Promise((r) => setTimeout(r, 2_000));
  } else if (String(to).endsWith('year-2024.json')) {
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 21)));
  }
  try {
    return await realRename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && String(to).endsWith('year-2024.json')) process.stdout.write('fenced\n');
    throw e;
  }
};

async function main(): Promise<void> {
  const store = await openStore(dataDir);
  process.stdout.write(`ready ${process.pid} ${os.hostname()}\n`);
  let next = 0;
  let buf = '';
  const queue: string[] = [];
  let wake: (() => void) | null = null;
  process.stdin.setEncoding('utf8').on('data', (s: string) => {
    buf += s;
    const lines = buf.split('\n');
    buf = lines.pop()!;
    queue.push(...lines);
    wake?.();
  });
  for (;;) {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    const cmd = queue.shift()!;
    if (cmd === 'exit') break;
    const n = Number(/^add (\d+)$/.exec(cmd)?.[1] ?? 0);
    for (let k = 0; k < n; k++) {
      const i = next++;
      const id = `${tag}-${i}`;
      try {
        await store.updateYear(2024, (d) => void d.ledger.push(makeEntry(id, 2024, i)));
        process.stdout.write(`ok ${id}\n`);
      } catch (e) {
        process.stdout.write(`fail ${id} ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
    process.stdout.write('batch-done\n');
  }
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`);
  process.exit(1);
});
