import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { openStore, type Store } from '../../src-main/store';
import { folderBytes, makeEntry, makeUnit, makeYear, removeDir, tempDir } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => removeDir(dir));

const yearFile = () => path.join(dir, 'year-2024.json');

async function caught(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

/** A year with a backup (taken before the second write of the day) holding entries b0..b2. */
async function yearWithBackup(): Promise<Store> {
  const store = await openStore(dir, { now: () => new Date(2024, 10, 25, 18, 30, 1, 123) });
  await store.createYear({ ...makeYear(2024, 0), ledger: ['b0', 'b1', 'b2'].map((id) => makeEntry(id)) });
  await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('after-backup')));
  expect(await fsp.readdir(path.join(dir, 'backups'))).toEqual(['year-2024.000001.20241125T183001123.json']);
  return store;
}

const damages: Array<[string, (text: string) => string]> = [
  ['truncated', (t) => t.slice(0, Math.floor(t.length / 2))],
  ['empty', () => ''],
  ['not JSON', () => 'this is not json at all'],
  ['JSON null', () => 'null'],
  ['a bare number', () => '0'],
  ['valid JSON with wrong types', (t) => JSON.stringify({ ...JSON.parse(t), ledger: 'oops' })],
  ['ledger entry with an unknown category', (t) => {
    const o = JSON.parse(t);
    o.ledger[0].category = 'no-such-category';
    return JSON.stringify(o);
  }],
  ['missing version', (t) => {
    const o = JSON.parse(t);
    delete o.version;
    return JSON.stringify(o);
  }],
];

describe('a damaged year file', () => {
  for (const [kind, damage] of damages) {
    it(`(${kind}) is set aside and restored from the newest valid backup, with a message`, async () => {
      await yearWithBackup();
      const good = await fsp.readFile(yearFile(), 'utf8');
      const broken = damage(good);
      await fsp.writeFile(yearFile(), broken);

      const store = await openStore(dir, { now: () => new Date(2024, 10, 26, 9, 0, 0) });
      const err = await caught(store.readYear(2024));
      expect(err.code).toBe('CORRUPT_RECOVERED');
      expect(err.message).toContain('年度数据文件 year-2024.json 已损坏');
      expect(err.message).toContain('已另存为 year-2024.corrupt-20241126T090000.json');
      expect(err.message).toContain('2024年11月25日 18:30 的备份恢复（台账 3 条');

      // the damaged bytes are kept, not overwritten
      expect(await fsp.readFile(path.join(dir, 'year-2024.corrupt-20241126T090000.json'), 'utf8')).toBe(broken);
      // the notice is kept for the clerk (the overview lists it), once
      const notices = store.recoveryNotices();
      expect(notices).toHaveLength(1);
      expect(notices[0]!.message).toBe(err.message);

      // the next call works on the restored data, and writes go on
      expect((await store.readYear(2024))!.ledger.map((e) => e.id)).toEqual(['b0', 'b1', 'b2']);
      expect(store.recoveryNotices()).toEqual(notices);
      await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('later')));
      const reopened = await openStore(dir);
      expect((await reopened.readYear(2024))!.ledger.map((e) => e.id)).toEqual(['b0', 'b1', 'b2', 'later']);
      expect(await reopened.listYears()).toEqual([2024]);
    });
  }

  it('skips a backup that is itself damaged and uses an older valid one', async () => {
    let t = new Date(2024, 0, 1, 8, 0, 0).getTime();
    const store = await openStore(dir, { now: () => new Date((t += 86_400_000)) });
    await store.createYear(makeYear(2024, 1));
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('x1'))); // backup: 1 entry
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('x2'))); // backup: 2 entries
    const backups = (await fsp.readdir(path.join(dir, 'backups'))).sort();
    expect(backups).toHaveLength(2);
    await fsp.writeFile(path.join(dir, 'backups', backups[1]!), '{"version":1,');
    await fsp.writeFile(yearFile(), '{');
    const err = await caught((await openStore(dir)).readYear(2024));
    expect(err.code).toBe('CORRUPT_RECOVERED');
    expect(err.message).toContain('（台账 1 条');
  });

  it('with no backup is left byte-identical, and every write to it is refused', async () => {
    const store = await openStore(dir);
    await store.createYear(makeYear(2024, 2)); // the first write: nothing to back up yet
    await fsp.writeFile(yearFile(), '{"version":1,"year":2024,"ledger":[');
    const before = await folderBytes(dir);

    const fresh = await openStore(dir);
    for (const attempt of [
      () => fresh.readYear(2024),
      () => fresh.updateYear(2024, (d) => void d.ledger.push(makeEntry('n'))),
      () => fresh.createYear(makeYear(2024)),
      () => fresh.readYear(2024),
    ]) {
      const err = await caught(attempt());
      expect(err.code).toBe('CORRUPT_UNRECOVERABLE');
      expect(err.message).toContain('year-2024.json 已损坏');
      expect(err.message).toContain(yearFile());
      expect(err.message).toContain('恢复备份');
    }
    expect(await folderBytes(dir)).toEqual(before);
    // other files stay usable
    await fresh.updateUnit(() => makeUnit());
    await fresh.createYear(makeYear(2025));
    expect(await fresh.listYears()).toEqual([2024, 2025]);

    // once someone puts a good file back, the store uses it without a restart
    await fsp.writeFile(yearFile(), JSON.stringify(makeYear(2024, 1)));
    expect((await fresh.readYear(2024))!.ledger).toHaveLength(1);
  });

  it('written by a newer version is refused, left untouched and never replaced from backup', async () => {
    await yearWithBackup();
    const future = JSON.stringify({ ...makeYear(2024), version: 7, somethingNew: true });
    await fsp.writeFile(yearFile(), future);
    const before = await folderBytes(dir);

    const store = await openStore(dir);
    for (const attempt of [() => store.readYear(2024), () => store.updateYear(2024, () => undefined)]) {
      const err = await caught(attempt());
      expect(err.code).toBe('CORRUPT_UNRECOVERABLE');
      expect(err.message).toContain('数据文件由更新版本的法治年报创建（版本7），请升级软件');
    }
    expect(store.recoveryNotices()).toEqual([]);
    expect(await folderBytes(dir)).toEqual(before);
  });

  it('in a unit file is recovered the same way', async () => {
    const store = await openStore(dir, { now: () => new Date(2024, 10, 25, 18, 30) });
    await store.updateUnit(() => makeUnit());
    await store.updateUnit((u) => ({ ...u!, unit: { ...u!.unit, recipient: '县人民政府' } }));
    await fsp.writeFile(path.join(dir, 'unit.json'), '{"version":1,"unit":{"shortName":42}}');
    const err = await caught((await openStore(dir)).readUnit());
    expect(err.code).toBe('CORRUPT_RECOVERED');
    expect(err.message).toContain('单位信息文件 unit.json 已损坏');
    expect(err.message).toContain('（单位：青山镇人民政府）');
  });
});
