import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import type { Call } from '../../src-shared/contract';

/** One damaged file with no automatic backup: the rest stays usable, and the clerk gets choices. */

let dir: string;
let cleanup: () => Promise<void>;
let call: Call;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ call } = await servicesClient(dir, () => new Date('2025-02-10T09:00:00')));
  await call('demo.create', {});
  await call('years.create', { year: 2025, fromYear: 2024 });
  await call('years.create', { year: 2023 });
});
afterEach(() => cleanup());

/** A fresh process on the folder (a restart of the app). */
const reopen = async () => (await servicesClient(dir, () => new Date('2025-02-10T09:00:00'))).call;

describe('a damaged year without backup', () => {
  beforeEach(async () => {
    await fsp.rm(path.join(dir, 'backups'), { recursive: true, force: true });
    await fsp.writeFile(path.join(dir, 'year-2024.json'), '{"version":1,"year":2024,"ledger":[{"id":');
    call = await reopen();
  });

  it('lists it with its path while the other years open, back up and export', async () => {
    const damaged = await call('data.damaged', {});
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatchObject({ fileName: 'year-2024.json', year: 2024, path: path.join(dir, 'year-2024.json') });
    expect(damaged[0]!.message).toContain('已损坏');
    expect((await call('years.list', {})).map((y) => y.year)).toEqual([2023, 2025]);
    // 2025 compares with 2024 (damaged): still opens
    expect((await call('overview.get', { year: 2025 })).year).toBe(2025);
    expect((await call('indicators.list', { year: 2025 })).length).toBeGreaterThan(0);
    const backup = await call('backup.create', {});
    const preview = await call('backup.inspect', { data: new Uint8Array(backup.data) });
    expect(preview.years.map((y) => y.year)).toEqual([2023, 2025]);
  });

  it('starts that year empty and keeps the damaged copy', async () => {
    const before = await fsp.readFile(path.join(dir, 'year-2024.json'));
    const r = await call('data.startEmpty', { year: 2024 });
    expect(r.year).toMatchObject({ year: 2024, ledgerCount: 0 });
    expect(path.dirname(r.keptAs)).toBe(dir);
    expect(path.basename(r.keptAs)).toMatch(/^year-2024\.damaged-\d{8}T\d{6}\.json$/);
    expect(await fsp.readFile(r.keptAs)).toEqual(before);
    expect(await call('data.damaged', {})).toEqual([]);
    expect((await call('years.list', {})).map((y) => y.year)).toEqual([2023, 2024, 2025]);
    expect(await (await reopen())('ledger.list', { year: 2024 })).toEqual([]);
  });

  it('refuses to start a readable year afresh', async () => {
    await expect(call('data.startEmpty', { year: 2025 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await call('ledger.list', { year: 2025 })).length).toBe(0);
    expect((await call('years.list', {})).map((y) => y.year)).toContain(2025);
  });
});

describe('a damaged unit.json without backup', () => {
  beforeEach(async () => {
    await fsp.rm(path.join(dir, 'backups'), { recursive: true, force: true });
    await fsp.writeFile(path.join(dir, 'unit.json'), '\u0000\u0000garbage');
    call = await reopen();
  });

  it('is listed, the years stay readable, and a restore from a backup file replaces it', async () => {
    expect((await call('data.damaged', {})).map((d) => d.fileName)).toEqual(['unit.json']);
    expect((await call('years.list', {})).map((y) => y.year)).toEqual([2023, 2024, 2025]);
    expect((await call('ledger.list', { year: 2024 })).length).toBeGreaterThan(0);
    const other = await tempDir();
    try {
      const c2 = (await servicesClient(other.dir)).call;
      await c2('demo.create', {});
      const file = await c2('backup.create', {});
      await call('backup.inspect', { data: new Uint8Array(file.data) });
      await call('backup.restore', { data: new Uint8Array(file.data) });
      expect(await call('data.damaged', {})).toEqual([]);
      expect((await call('unit.get', {}))!.shortName).toBeTruthy();
    } finally {
      await other.cleanup();
    }
  });

  it('can be started afresh (the app then asks for the unit again), keeping the damaged copy', async () => {
    const r = await call('data.startEmpty', { year: null });
    expect(path.basename(r.keptAs)).toMatch(/^unit\.damaged-/);
    expect(await call('unit.get', {})).toBeNull();
    expect(await call('data.damaged', {})).toEqual([]);
  });
});
