/**
 * 创建单位 on the welcome screen is one service call (unit.setup): the unit and its first year are
 * both written or neither is, on a real data folder.
 */
import { describe, expect, it } from 'vitest';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { servicesClient, servicesPerTest } from '../support/services';
import { snapshotDir, tempDir } from '../support/tmp';
import type { UnitInput } from '../../src-shared/domain/unit';

const svc = servicesPerTest({ prefix: 'fz-setup-' });
const call = svc.call;

const UNIT: UnitInput = {
  shortName: '横街镇',
  fullName: '某市某区横街镇人民政府',
  kind: '镇',
  villages: [
    { id: 'v-east', name: '东村', kind: '村' },
    { id: 'v-west', name: '横街社区', kind: '社区' },
  ],
};
const dataFiles = async () => (await readdir(svc.dir)).filter((n) => n.endsWith('.json')).sort();

describe('unit.setup', () => {
  it('creates the unit and its first year, with the report outline, in one call', async () => {
    const r = await call('unit.setup', { unit: UNIT, year: 2025 });
    expect(r.yearCreated).toBe(true);
    expect(r.unit).toMatchObject({ shortName: '横街镇', villages: [{ name: '东村' }, { name: '横街社区' }] });
    expect(r.year).toMatchObject({ year: 2025, ledgerCount: 0 });
    expect(r.year!.partCount).toBeGreaterThan(0);
    expect(await dataFiles()).toEqual(['unit.json', 'year-2025.json']);
    const onDisk = JSON.parse(await readFile(path.join(svc.dir, 'unit.json'), 'utf8'));
    expect(onDisk.unit.fullName).toBe('某市某区横街镇人民政府');
    expect((await call('years.list', {})).map((y) => y.year)).toEqual([2025]);
    expect((await call('report.get', { year: 2025 })).title).toContain('横街镇');
  });

  it('writes nothing when the year is refused', async () => {
    const before = await snapshotDir(svc.dir);
    await expect(call('unit.setup', { unit: UNIT, year: 1800 })).rejects.toThrow(/^年度/);
    expect(await snapshotDir(svc.dir)).toEqual(before);
    expect(await call('unit.get', {})).toBeNull();
  });

  it('writes no unit.json when the year cannot be written (a folder where the year file goes)', async () => {
    await mkdir(path.join(svc.dir, 'year-2025.json'));
    const err = await call('unit.setup', { unit: UNIT, year: 2025 }).then(
      () => new Error('unit.setup succeeded'),
      (e: unknown) => e as Error,
    );
    expect(err.message).not.toBe('unit.setup succeeded');
    // a Chinese message, no raw EISDIR
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
    expect(err.message).not.toMatch(/EISDIR|EEXIST|Error:/);
    expect(await dataFiles()).toEqual(['year-2025.json']);
    expect(await call('unit.get', {})).toBeNull();
  });

  it('writes no year when the unit is refused', async () => {
    await expect(call('unit.setup', { unit: { ...UNIT, shortName: '' }, year: 2025 })).rejects.toThrow('单位简称');
    expect(await dataFiles()).toEqual([]);
  });

  it('refuses a second setup and leaves the first unit and year as they were', async () => {
    await call('unit.setup', { unit: UNIT, year: 2025 });
    const before = await snapshotDir(svc.dir);
    await expect(call('unit.setup', { unit: { ...UNIT, shortName: '另一个镇' }, year: 2026 })).rejects.toThrow(
      '已设置单位“横街镇”，不能再次创建；请在“单位设置”中修改',
    );
    expect(await snapshotDir(svc.dir)).toEqual(before);
  });

  it('keeps a year already in the folder without a unit instead of refusing or replacing it', async () => {
    // a year file whose unit.json was set aside (damaged): made in another folder and copied in
    const other = await tempDir('fz-setup-other-');
    try {
      const { call: callOther } = await servicesClient(other.dir);
      await callOther('unit.setup', { unit: UNIT, year: 2024 });
      await callOther('ledger.add', { year: 2024, entry: { date: '2024-03-01', category: 'pufa', title: '普法讲座' } });
      await copyFile(path.join(other.dir, 'year-2024.json'), path.join(svc.dir, 'year-2024.json'));
    } finally {
      await other.cleanup();
    }
    const r = await call('unit.setup', { unit: UNIT, year: 2024 });
    expect(r.yearCreated).toBe(false);
    expect(r.year!.ledgerCount).toBe(1);
    expect((await call('ledger.list', { year: 2024 })).map((e) => e.title)).toEqual(['普法讲座']);
    expect(await dataFiles()).toEqual(['unit.json', 'year-2024.json']);
  });
  it('a damaged year file of that year (no backup): the unit is set up, the year is listed as damaged and can start afresh', async () => {
    // left behind when unit.json was set aside as damaged too: the welcome screen must not refuse 创建单位 for ever
    await writeFile(path.join(svc.dir, 'year-2024.json'), '{"version":1,"year":2024,"led');
    const r = await call('unit.setup', { unit: UNIT, year: 2024 });
    expect(r).toMatchObject({ year: null, yearCreated: false });
    expect(await call('unit.get', {})).toMatchObject({ shortName: '横街镇' });
    expect((await call('data.damaged', {})).map((d) => d.year)).toEqual([2024]);
    const fresh = await call('data.startEmpty', { year: 2024 });
    expect(fresh.year).toMatchObject({ year: 2024, ledgerCount: 0 });
    expect(await call('data.damaged', {})).toEqual([]);
  });
});
