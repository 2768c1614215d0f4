import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { openStore, type Store } from '../../src-main/store';
import { VIEW_TAG } from '../../src-main/store/processIdentity';
import { makeEntry, makeUnit, makeYear, removeDir, tempDir } from './fixtures';
import { UNIT_FILE_VERSION } from '../../src-shared/domain/year';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await tempDir();
  store = await openStore(dir);
});
afterEach(async () => removeDir(dir));

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a rejection');
}

describe('store round trip', () => {
  it('keeps unit and years across reopen, one file per year', async () => {
    expect(await store.readUnit()).toBeNull();
    expect(await store.listYears()).toEqual([]);
    await store.updateUnit(() => makeUnit());
    await store.createYear(makeYear(2024, 3));
    await store.createYear(makeYear(2023));
    await store.updateYear(2024, (d) => {
      d.ledger.push(makeEntry('new1'));
      d.mediation.push({ id: 'm1', date: '2024-05-06', kind: '邻里纠纷', outcome: '成功', createdAt: '2024-05-06T08:00:00Z' });
      d.values['pufa-count'] = { value: 12, wording: '' };
    });

    const again = await openStore(dir);
    expect((await again.readUnit())?.unit.fullName).toBe('青山镇人民政府');
    expect(await again.listYears()).toEqual([2023, 2024]);
    const y = await again.readYear(2024);
    expect(y?.ledger.map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'new1']);
    expect(await again.readYear(2030)).toBeNull();
    const files = (await fsp.readdir(dir)).sort();
    expect(files).toEqual(['backups', 'unit.json', 'year-2023.json', 'year-2024.json']);
    const onDisk = JSON.parse(await fsp.readFile(path.join(dir, 'year-2024.json'), 'utf8'));
    expect(onDisk.version).toBe(1);
    expect(onDisk.ledger).toHaveLength(4);
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(y)));
    expect(y?.mediation.map((m) => m.id)).toEqual(['m1']);
  });

  it('passes the callback result through and accepts a replacement', async () => {
    await store.createYear(makeYear(2024));
    const n = await store.updateYear(2024, (d) => d.ledger.push(makeEntry('a')));
    expect(n).toBe(1);
    const replaced = await store.updateYear(2024, () => ({ ...makeYear(2024), ledger: [makeEntry('b')] }));
    expect(replaced.ledger.map((e) => e.id)).toEqual(['b']);
    expect((await store.readYear(2024))?.ledger.map((e) => e.id)).toEqual(['b']);
  });

  it('returns copies: mutating what was read changes nothing', async () => {
    await store.createYear(makeYear(2024, 2));
    const y = await store.readYear(2024);
    y!.ledger.length = 0;
    expect((await store.readYear(2024))?.ledger).toHaveLength(2);
  });

  it('refuses a duplicate year and an update of a missing one with Chinese messages', async () => {
    await store.createYear(makeYear(2024));
    const c = await rejection(store.createYear(makeYear(2024)));
    expect(c.code).toBe('CONFLICT');
    expect(c.message).toContain('2024年度已存在');
    const n = await rejection(store.updateYear(2025, () => undefined));
    expect(n.code).toBe('NOT_FOUND');
    expect(n.message).toContain('2025年度不存在');
  });

  it('writes nothing when the callback throws or the result is invalid', async () => {
    await store.createYear(makeYear(2024, 1));
    const file = path.join(dir, 'year-2024.json');
    const before = await fsp.readFile(file);

    await expect(
      store.updateYear(2024, (d) => {
        d.ledger.push(makeEntry('x'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');

    const v = await rejection(
      store.updateYear(2024, (d) => {
        d.ledger.push({ ...makeEntry('bad'), date: '2024-02-30' });
      }),
    );
    expect(v.code).toBe('VALIDATION');
    expect(v.message).toMatch(/日期/);
    expect(v.message).toMatch(/有效日期/);

    const u = await rejection(store.updateUnit(() => ({ version: UNIT_FILE_VERSION, unit: { ...makeUnit().unit, fullName: '' } })));
    expect(u.code).toBe('VALIDATION');
    expect(u.message).toContain('单位全称不能为空');

    expect(await fsp.readFile(file)).toEqual(before);
    expect((await store.readYear(2024))?.ledger.map((e) => e.id)).toEqual(['e0']);
    expect(await fsp.readdir(dir)).not.toContain('unit.json');
  });

  it('checks edits of existing entries and names the right one', async () => {
    await store.createYear(makeYear(2024, 10));
    const err = await rejection(
      store.updateYear(2024, (d) => {
        d.ledger[7]!.title = '   ';
      }),
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('标题不能为空');
    expect((err.details as { issues: Array<{ path: string[] }> }).issues[0]!.path).toEqual(['ledger', '7', 'title']);
    // edits are cleaned like new input (trimmed), removals and reorders are kept
    await store.updateYear(2024, (d) => {
      d.ledger[2]!.title = '  宪法宣传周活动  ';
      d.ledger.splice(0, 1);
      d.ledger.reverse();
    });
    const y = (await store.readYear(2024))!;
    expect(y.ledger.map((e) => e.id)).toEqual(['e9', 'e8', 'e7', 'e6', 'e5', 'e4', 'e3', 'e2', 'e1']);
    expect(y.ledger.find((e) => e.id === 'e2')!.title).toBe('宪法宣传周活动');
    const onDisk = JSON.parse(await fsp.readFile(path.join(dir, 'year-2024.json'), 'utf8'));
    expect(onDisk.ledger.find((e: { id: string }) => e.id === 'e2').title).toBe('宪法宣传周活动');
  });

  it('keeps every one of 200 concurrent appends', async () => {
    await store.createYear(makeYear(2024));
    const ids = Array.from({ length: 200 }, (_, i) => `c${i}`);
    await Promise.all(ids.map((id, i) => store.updateYear(2024, (d) => void d.ledger.push(makeEntry(id, 2024, i)))));
    const fresh = await openStore(dir);
    const got = (await fresh.readYear(2024))!.ledger.map((e) => e.id);
    expect(new Set(got)).toEqual(new Set(ids));
    expect(got).toHaveLength(200);
  });

  it('resolves each update only after it is on disk', async () => {
    await store.createYear(makeYear(2024));
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await store.updateYear(2024, (d) => void d.ledger.push(makeEntry(`d${i}`)));
        const disk = JSON.parse(await fsp.readFile(path.join(dir, 'year-2024.json'), 'utf8'));
        expect(disk.ledger.map((e: { id: string }) => e.id)).toContain(`d${i}`);
      }),
    );
  });

  it('never touches another year’s file or the unit file when writing a year', async () => {
    await store.updateUnit(() => makeUnit());
    await store.createYear(makeYear(2023, 5));
    await store.createYear(makeYear(2024));
    const stat = async (f: string) => {
      const s = await fsp.stat(path.join(dir, f), { bigint: true });
      return { ino: s.ino, mtime: s.mtimeNs, bytes: await fsp.readFile(path.join(dir, f)) };
    };
    const before2023 = await stat('year-2023.json');
    const beforeUnit = await stat('unit.json');
    for (let i = 0; i < 30; i++) await store.updateYear(2024, (d) => void d.ledger.push(makeEntry(`w${i}`)));
    expect(await stat('year-2023.json')).toEqual(before2023);
    expect(await stat('unit.json')).toEqual(beforeUnit);
    // besides the unit's backup taken when it was created
    const backups = await fsp.readdir(path.join(dir, 'backups'));
    expect(backups.filter((b) => !b.startsWith('unit.')).every((b) => b.startsWith('year-2024.'))).toBe(true);
    expect(backups.filter((b) => b.startsWith('unit.'))).toHaveLength(1);
  });

  it('leaves no temp files behind; on open removes those of dead processes of this PC, never another PC\'s', async () => {
    await store.createYear(makeYear(2024));
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('t')));
    expect((await fsp.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // pid 2^22+1 exceeds Linux's pid_max, so it is certainly not running here
    const deadHere = `.year-2024.json.${VIEW_TAG}-${2 ** 22 + 1}.0123456789ab.tmp`;
    // the same pid written by another PC (or PID namespace) sharing the folder: its save may be in progress
    const otherPc = `.year-2023.json.0badf00d-${2 ** 22 + 1}.0123456789ab.tmp`;
    const otherPcBackup = `.year-2023.000001.20240101T080000000.json.0badf00d-7.0123456789ab.tmp`;
    await fsp.writeFile(path.join(dir, deadHere), '{"half');
    await fsp.writeFile(path.join(dir, otherPc), '{"half');
    await fsp.writeFile(path.join(dir, 'backups', otherPcBackup), '{"half');
    await openStore(dir);
    expect((await fsp.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([otherPc]);
    expect((await fsp.readdir(path.join(dir, 'backups'))).filter((n) => n.endsWith('.tmp'))).toEqual([otherPcBackup]);
    // whoever takes year-2023's lock next fences that save off (its rename would now fail)
    await store.createYear(makeYear(2023));
    expect((await fsp.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('notices a year file deleted by someone else', async () => {
    await store.createYear(makeYear(2024, 1));
    expect(await store.readYear(2024)).not.toBeNull();
    await fsp.rm(path.join(dir, 'year-2024.json'));
    expect(await store.readYear(2024)).toBeNull();
    await store.createYear(makeYear(2024));
    expect((await store.readYear(2024))!.ledger).toEqual([]);
  });

  it('picks up a change another process made to the file', async () => {
    await store.createYear(makeYear(2024));
    const other = await openStore(dir);
    await other.updateYear(2024, (d) => void d.ledger.push(makeEntry('from-other')));
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('from-me')));
    expect((await other.readYear(2024))?.ledger.map((e) => e.id)).toEqual(['from-other', 'from-me']);
  });
});
