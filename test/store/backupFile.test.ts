import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { UNIT_FILE_VERSION } from '../../src-shared/domain/year';
import { openStore, type Store } from '../../src-main/store';
import { createBackupFile, inspectBackup, restoreBackup } from '../../src-main/store/backupFile';
import { folderBytes, makeEntry, makeUnit, makeYear, removeDir, tempDir } from './fixtures';

let dirA: string;
let dirB: string;
beforeEach(async () => {
  dirA = await tempDir();
  dirB = await tempDir();
});
afterEach(async () => {
  await removeDir(dirA);
  await removeDir(dirB);
});

async function filled(dir: string, name: string, years: Record<number, number>): Promise<Store> {
  const store = await openStore(dir);
  await store.updateUnit(() => makeUnit(name));
  for (const [y, n] of Object.entries(years)) await store.createYear(makeYear(Number(y), n));
  return store;
}

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('single-file backup', () => {
  it('round-trips the whole folder and keeps what it replaced', async () => {
    const a = await filled(dirA, '青山镇人民政府', { 2023: 4, 2024: 7 });
    await a.updateYear(2024, (d) => void d.ledger.push(makeEntry('extra')));
    const file = await createBackupFile(a, new Date(2024, 11, 31, 17, 5, 9));
    expect(file.fileName).toBe('法治年报备份-20241231-170509.json');
    const env = JSON.parse(dec(file.data));
    expect(env.format).toBe('fazhi-nianbao-backup');
    expect(env.version).toBe(2);
    expect(env.unitVersion).toBe(UNIT_FILE_VERSION);
    expect(Object.keys(env.years)).toEqual(['2023', '2024']);

    const b = await filled(dirB, '白水街道办事处', { 2022: 2, 2024: 1 });
    const preview = await inspectBackup(file.data, b);
    expect(preview.unitName).toBe('青山镇人民政府');
    expect(preview.years.map((y) => [y.year, y.ledgerCount])).toEqual([[2023, 4], [2024, 8]]);
    expect(preview.current.unitName).toBe('白水街道办事处');
    expect(preview.current.years.map((y) => y.year)).toEqual([2022, 2024]);

    const result = await restoreBackup(file.data, b);
    expect(result.current.unitName).toBe('青山镇人民政府');
    expect(await b.listYears()).toEqual([2023, 2024]);
    expect(await b.readYear(2024)).toEqual(await a.readYear(2024));
    expect(await b.readYear(2023)).toEqual(await a.readYear(2023));
    expect(await b.readUnit()).toEqual(await a.readUnit());

    // the replaced data is kept: a safety backup of everything, and 2022 moved, not deleted
    const backups = await fsp.readdir(path.join(dirB, 'backups'));
    const safety = backups.find((n) => /^before-restore-\d{8}T\d{9}\.json$/.test(n));
    expect(safety).toBeDefined();
    const safetyPreview = await inspectBackup(await fsp.readFile(path.join(dirB, 'backups', safety!)), b);
    expect(safetyPreview.unitName).toBe('白水街道办事处');
    expect(safetyPreview.years.map((y) => y.year)).toEqual([2022, 2024]);
    const moved2022 = backups.find((n) => n.startsWith('year-2022.removed-'));
    expect(moved2022).toBeDefined();
    expect(JSON.parse(await fsp.readFile(path.join(dirB, 'backups', moved2022!), 'utf8')).ledger).toHaveLength(2);

    // a restored folder keeps working after a restart
    const reopened = await openStore(dirB);
    await reopened.updateYear(2023, (d) => void d.ledger.push(makeEntry('after-restore', 2023)));
    expect((await reopened.readYear(2023))!.ledger).toHaveLength(5);
  });

  it('restores over a damaged file with no backup, keeping the damaged file', async () => {
    const a = await filled(dirA, '青山镇人民政府', { 2024: 3 });
    const file = await createBackupFile(a);
    const b = await filled(dirB, '白水街道办事处', { 2024: 1 });
    await fsp.writeFile(path.join(dirB, 'year-2024.json'), 'garbage');
    await expect(b.readYear(2024)).rejects.toMatchObject({ code: 'CORRUPT_UNRECOVERABLE' });
    await restoreBackup(file.data, b);
    expect((await b.readYear(2024))!.ledger).toHaveLength(3);
    const kept = (await fsp.readdir(path.join(dirB, 'backups'))).find((n) => n.startsWith('year-2024.unreadable-'));
    expect(await fsp.readFile(path.join(dirB, 'backups', kept!), 'utf8')).toBe('garbage');
  });

  describe('refuses a bad backup and changes nothing', () => {
    let good: Uint8Array;
    let b: Store;
    beforeEach(async () => {
      good = (await createBackupFile(await filled(dirA, '青山镇人民政府', { 2023: 2, 2024: 3 }))).data;
      b = await filled(dirB, '白水街道办事处', { 2022: 2 });
    });

    const edit = (fn: (env: Record<string, any>) => void) => (bytes: Uint8Array) => {
      const env = JSON.parse(dec(bytes));
      fn(env);
      return enc(JSON.stringify(env));
    };
    const cases: Array<[string, (b: Uint8Array) => Uint8Array, RegExp]> = [
      ['truncated', (x) => x.slice(0, Math.floor(x.length * 0.7)), /不完整.*截断/],
      [
        'truncated inside a Chinese character',
        (x) => {
          // cut one byte into the first 3-byte character past the middle: not valid UTF-8 any more
          let i = Math.floor(x.length / 2);
          while (x[i]! < 0xe0) i++;
          return x.slice(0, i + 1);
        },
        /不完整.*截断/,
      ],
      ['empty', () => new Uint8Array(), /空的/],
      ['not JSON', () => enc('<html>hello</html>'), /不是法治年报的备份文件/],
      ['not text', () => new Uint8Array([0xff, 0xfe, 0x00, 0x80, 0x81]), /不是法治年报的备份文件/],
      ['another format', () => enc(JSON.stringify({ format: 'something-else', version: 1 })), /不是法治年报的备份文件/],
      ['a newer version', edit((e) => (e.version = 3)), /更新版本的法治年报创建（版本3），请升级软件/],
      ['a broken version', edit((e) => (e.version = 'one')), /版本号无效/],
      ['a hand-edited wrong type', edit((e) => (e.years['2024'].ledger[1].participants = '很多')), /2024年度.*参与人数必须是数字/],
      ['an invalid date', edit((e) => (e.years['2023'].ledger[0].date = '2023-13-01')), /2023年度.*日期/],
      ['a unit without a name', edit((e) => (e.unit.fullName = '')), /单位信息.*单位全称不能为空/],
      ['a year under the wrong key', edit((e) => (e.years['2025'] = e.years['2024'])), /2025年度.*不一致/],
      ['a year from a newer version', edit((e) => (e.years['2024'].version = 3)), /2024年度.*版本3/],
      ['years not an object', edit((e) => (e.years = [1, 2])), /年度数据格式无效/],
    ];
    for (const [kind, mangle, message] of cases) {
      it(kind, async () => {
        const before = await folderBytes(dirB);
        const data = mangle(good);
        for (const op of [() => inspectBackup(data, b), () => restoreBackup(data, b)]) {
          const err = await op().then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).toBe('VALIDATION');
          expect((err as AppError).message).toMatch(message);
        }
        expect(await folderBytes(dirB)).toEqual(before);
      });
    }
  });
});
