import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { makeEntry, makeUnit, makeYear, removeDir, tempDir } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => removeDir(dir));

const backupsOf = async (file: string) =>
  (await fsp.readdir(path.join(dir, 'backups'))).filter((n) => n.startsWith(`${file}.`)).sort();

describe('rotating backups', () => {
  it('copies a file before its first write of a day and before every 50th write after that', async () => {
    let clock = new Date(2024, 2, 1, 9, 0, 0, 0).getTime();
    const store = await openStore(dir, { now: () => new Date((clock += 1000)) });
    await store.createYear(makeYear(2024)); // a new file: nothing to copy
    expect(await backupsOf('year-2024')).toEqual([]);

    for (let i = 1; i <= 120; i++) await store.updateYear(2024, (d) => void d.ledger.push(makeEntry(`a${i}`)));
    // day's first write (1), then before writes 51 and 101
    const names = await backupsOf('year-2024');
    expect(names).toHaveLength(3);
    expect(names.every((n) => /^year-2024\.00000[1-3]\.20240301T\d{9}\.json$/.test(n))).toBe(true);
    // each backup is the state just before the write that triggered it
    const counts = await Promise.all(
      names.map(async (n) => JSON.parse(await fsp.readFile(path.join(dir, 'backups', n), 'utf8')).ledger.length),
    );
    expect(counts).toEqual([0, 50, 100]);

    clock = new Date(2024, 2, 2, 8, 0, 0).getTime(); // next morning
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('next-day')));
    expect(await backupsOf('year-2024')).toHaveLength(4);

    // a fresh process the same day knows today's backup is already there
    const again = await openStore(dir, { now: () => new Date((clock += 1000)) });
    await again.updateYear(2024, (d) => void d.ledger.push(makeEntry('same-day')));
    expect(await backupsOf('year-2024')).toHaveLength(4);
  });

  it('keeps only the newest 30 per file, and other files’ backups are untouched', async () => {
    let clock = new Date(2024, 0, 1, 12, 0, 0).getTime();
    const store = await openStore(dir, { now: () => new Date((clock += 86_400_000)) });
    await store.updateUnit(() => makeUnit());
    await store.updateUnit((u) => u!); // unit backups: one when created, one before this rewrite on a later day
    await store.createYear(makeYear(2024));
    for (let i = 0; i < 40; i++) await store.updateYear(2024, (d) => void d.ledger.push(makeEntry(`d${i}`))); // a new day each write
    const names = await backupsOf('year-2024');
    expect(names).toHaveLength(30);
    // the 30 newest: states with 10..39 entries
    const first = JSON.parse(await fsp.readFile(path.join(dir, 'backups', names[0]!), 'utf8'));
    const last = JSON.parse(await fsp.readFile(path.join(dir, 'backups', names[29]!), 'utf8'));
    expect(first.ledger).toHaveLength(10);
    expect(last.ledger).toHaveLength(39);
    expect(await backupsOf('unit')).toHaveLength(2);
  });

  it('backs up unit.json when it is created, so damage before any rewrite can be repaired', async () => {
    const store = await openStore(dir);
    await store.updateUnit(() => makeUnit('青山镇人民政府'));
    expect(await backupsOf('unit')).toHaveLength(1);
    await fsp.writeFile(path.join(dir, 'unit.json'), '{"version":1,"unit":{"shortN');
    const fresh = await openStore(dir);
    await expect(fresh.readUnit()).rejects.toMatchObject({ code: 'CORRUPT_RECOVERED' });
    expect((await fresh.readUnit())!.unit.fullName).toBe('青山镇人民政府');
  });

  it('orders backups by their sequence number: one taken under a clock set to 2028 does not win over a newer one', async () => {
    let now = new Date(2026, 5, 1, 9, 0, 0);
    const store = await openStore(dir, { now: () => now });
    await store.createYear(makeYear(2024));
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('one'))); // backup of 0 entries
    now = new Date(2028, 0, 1, 9, 0, 0); // the clock jumps ahead for a day
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('two'))); // backup of 1 entry, "2028"
    now = new Date(2026, 5, 3, 9, 0, 0); // put right
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('three'))); // backup of 2 entries, newest
    const names = await backupsOf('year-2024');
    expect(names).toHaveLength(3);
    expect(names.some((n) => n.includes('.20280101T'))).toBe(true);
    await fsp.writeFile(path.join(dir, 'year-2024.json'), '{');
    const fresh = await openStore(dir, { now: () => now });
    await expect(fresh.readYear(2024)).rejects.toMatchObject({ code: 'CORRUPT_RECOVERED', message: expect.stringContaining('台账 2 条') });
    expect((await fresh.readYear(2024))!.ledger.map((e) => e.id)).toEqual(['one', 'two']);
  });
});
