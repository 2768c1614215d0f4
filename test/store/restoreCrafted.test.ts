import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { openStore, type Store } from '../../src-main/store';
import { createBackupFile, inspectBackup, restoreBackup } from '../../src-main/store/backupFile';
import { folderBytes, makeEntry, makeUnit, makeYear, removeDir, tempDir } from './fixtures';

/**
 * Backups crafted to pass a shallow look but break a restore half-way (or write nonsense): the
 * preview must already refuse them, in Chinese, and a restore must change nothing.
 */

let src: string;
let dst: string;
beforeEach(async () => {
  src = await tempDir();
  dst = await tempDir();
});
afterEach(async () => {
  await removeDir(src);
  await removeDir(dst);
});

type Env = { unit: ReturnType<typeof makeUnit>['unit']; years: Record<string, ReturnType<typeof makeYear>> } & Record<string, unknown>;

async function validBackup(): Promise<Env> {
  const s = await openStore(src);
  await s.updateUnit(() => makeUnit('青山镇人民政府'));
  await s.createYear(makeYear(2024, 3));
  await s.createYear(makeYear(2025, 1));
  const file = await createBackupFile(s, new Date(2025, 0, 1));
  return JSON.parse(new TextDecoder().decode(file.data)) as Env;
}

/** Written as text: even JSON.stringify overflows the stack on such a value. */
const DEEP = '__deep__';
const nestedText = (depth: number) => `${'{"child":'.repeat(depth)}1${'}'.repeat(depth)}`;

const snapshotOf = (blocks: unknown = []) => ({ title: 't', recipient: '', blocks, signature: null });

const CRAFTED: Array<[string, (e: Env) => void, RegExp]> = [
  [
    'a 5,000-deep nested value in an export snapshot',
    (e) => e.years['2024']!.exports.push({ id: 'x1', at: '2024-12-01T08:00:00.000Z', fileName: 'a.docx', fontPreset: 'standard', openFindings: { errors: 0, reminders: 0 }, snapshot: DEEP as never }),
    /嵌套/,
  ],
  ['a 100,000-character createdAt', (e) => void (e.years['2024']!.ledger[0]!.createdAt = '2'.repeat(100_000)), /创建时间过长/],
  ['a control character in updatedAt', (e) => void (e.years['2024']!.ledger[0]!.updatedAt = '2024-01-01T08:00:00.000Z\u0007'), /控制字符/],
  ['an id with path parts', (e) => void (e.years['2024']!.ledger[0]!.id = '../../x'), /编号格式无效/],
  ['two ledger entries with one id', (e) => void (e.years['2024']!.ledger[1]!.id = e.years['2024']!.ledger[0]!.id), /编号重复/],
  ['a ledger date outside its year', (e) => void (e.years['2024']!.ledger[0]!.date = '2023-06-01'), /不在该年度内/],
  ['an entry of a village the unit does not have', (e) => void (e.years['2024']!.ledger[0]!.villageId = 'v99'), /不存在的村（社区）/],
  [
    'an export file name with path parts',
    (e) => e.years['2025']!.exports.push({ id: 'x2', at: '2025-03-01T08:00:00.000Z', fileName: '..\\..\\evil.docx', fontPreset: 'standard', openFindings: { errors: 0, reminders: 0 }, snapshot: snapshotOf() as never }),
    /路径/,
  ],
  [
    'an export time of 10 MB',
    (e) => e.years['2025']!.exports.push({ id: 'x3', at: 'x'.repeat(10_000_000), fileName: 'a.docx', fontPreset: 'standard', openFindings: { errors: 0, reminders: 0 }, snapshot: snapshotOf() as never }),
    /导出时间过长/,
  ],
];

describe('restore of crafted backups', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(dst);
    await store.updateUnit(() => makeUnit('白水街道办事处'));
    await store.createYear(makeYear(2023, 2));
    await store.updateYear(2023, (d) => void d.ledger.push(makeEntry('keep', 2023, 5)));
  });

  it.each(CRAFTED)('refuses %s at inspect and restore, and changes nothing', async (_name, craft, message) => {
    const env = await validBackup();
    craft(env);
    const data = new TextEncoder().encode(JSON.stringify(env).replace(`"${DEEP}"`, nestedText(5000)));
    const before = await folderBytes(dst);

    const inspected = await inspectBackup(data, store).then(
      () => null,
      (e: unknown) => e,
    );
    expect(inspected).toBeInstanceOf(AppError);
    expect((inspected as AppError).message).toMatch(message);
    expect((inspected as AppError).message).toMatch(/[\u4e00-\u9fff]/);
    expect((inspected as AppError).message).not.toMatch(/Maximum call stack|undefined|Error:/);

    const restored = await restoreBackup(data, store).then(
      () => null,
      (e: unknown) => e,
    );
    expect(restored).toBeInstanceOf(AppError);
    expect((restored as AppError).message).toMatch(message);
    expect(await folderBytes(dst)).toEqual(before);
    expect((await store.readUnit())!.unit.fullName).toBe('白水街道办事处');
    expect(await store.listYears()).toEqual([2023]);
  });

  it('still restores the same backup untouched (the checks refuse only the crafted parts)', async () => {
    const env = await validBackup();
    await restoreBackup(new TextEncoder().encode(JSON.stringify(env)), store);
    expect(await store.listYears()).toEqual([2024, 2025]);
    expect((await store.readUnit())!.unit.fullName).toBe('青山镇人民政府');
  });
});
