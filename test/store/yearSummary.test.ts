import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { openStore, workCounts } from '../../src-main/store';
import { bundleChild } from '../support/bundleChild';
import { makeEntry, makeYear, removeDir, tempDir } from './fixtures';

/**
 * The year list (years.list) and the damaged-file check (data.damaged) read every year file each
 * time the app opens. They read the year's counts (readYearSummary), which copy nothing and are
 * made once per content the store holds: this shows that they still follow every change — this
 * store's writes, another process's writes to the file, and a file damaged behind its back.
 */

let work: string;
let childJs: string;
beforeAll(async () => {
  work = await tempDir('fazhi-summary-');
  childJs = await bundleChild(path.join(__dirname, 'appendChild.ts'), work);
});
afterAll(async () => removeDir(work));

async function newDataDir(name: string): Promise<string> {
  const dir = path.join(work, name);
  await fsp.mkdir(dir);
  return dir;
}

/** appendChild.ts in its own process: appends `count` entries to 2024 and exits. */
async function appendFromAnotherProcess(dataDir: string, tag: string, count: number): Promise<void> {
  const p = spawn(process.execPath, [childJs, dataDir, tag, String(count)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  p.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  p.stdout.setEncoding('utf8').on('data', (s: string) => {
    if (s.includes('ready')) p.stdin.write('go\n');
  });
  const code = await new Promise<number | null>((r) => p.on('close', r));
  expect(err).toBe('');
  expect(code).toBe(0);
}

describe('a year summary', () => {
  it('counts what the year holds, follows this store’s writes, and copies no year to do it', async () => {
    const store = await openStore(await newDataDir('own-writes'));
    expect(await store.readYearSummary(2024)).toBeNull();
    await store.createYear(makeYear(2024, 3));
    const copies = workCounts.yearCopies;
    expect(await store.readYearSummary(2024)).toEqual({ year: 2024, ledgerCount: 3, mediationCount: 0, partCount: 1, exportCount: 0 });
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('n1', 2024, 3)));
    expect((await store.readYearSummary(2024))!.ledgerCount).toBe(4);
    expect(workCounts.yearCopies).toBe(copies);
    // what a caller does with its answer does not reach the next one
    const s = (await store.readYearSummary(2024))!;
    s.ledgerCount = 99;
    expect((await store.readYearSummary(2024))!.ledgerCount).toBe(4);
  });

  it('shows the entries another process appended to the file since it was last read', async () => {
    const dataDir = await newDataDir('other-process');
    const store = await openStore(dataDir);
    await store.createYear(makeYear(2024, 2));
    expect((await store.readYearSummary(2024))!.ledgerCount).toBe(2);
    const parsed = workCounts.filesParsed;
    // read again with no change: answered from what the store holds, the file is not parsed again
    expect((await store.readYearSummary(2024))!.ledgerCount).toBe(2);
    expect(workCounts.filesParsed).toBe(parsed);

    await appendFromAnotherProcess(dataDir, 'other', 5);
    expect((await store.readYearSummary(2024))!.ledgerCount).toBe(7);
    expect(workCounts.filesParsed).toBe(parsed + 1);
    // and the full read agrees with it (the child sends its five appends at once: they may land in
    // any order, as concurrent calls do; a strict order failed once in CI at load 12)
    const ids = (await store.readYear(2024))!.ledger.map((e) => e.id);
    expect(ids.slice(0, 2)).toEqual(['e0', 'e1']);
    expect(ids.slice(2).sort()).toEqual(Array.from({ length: 5 }, (_, i) => `other-${i}`));
  });

  it('reports a file damaged after its summary was read, as a full read does, and leaves it as it is', async () => {
    const dataDir = await newDataDir('damaged');
    const store = await openStore(dataDir);
    await store.createYear(makeYear(2024, 2));
    expect((await store.readYearSummary(2024))!.ledgerCount).toBe(2);
    const file = path.join(dataDir, 'year-2024.json');
    const broken = '{"version": 1, "year": 2024, "ledger": [';
    await fsp.writeFile(file, broken);
    const err = await store.readYearSummary(2024).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    // no backup to put back yet: nothing is written over the damaged file
    expect((err as AppError).code).toBe('CORRUPT_UNRECOVERABLE');
    expect(await fsp.readFile(file, 'utf8')).toBe(broken);
  });
});
