/**
 * Unit file version 2: a custom indicator's 计量单位 is `measure` (it was `unit`). A data folder and
 * a single-file backup written by the earlier release open and read correctly, on a real folder.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import { UNIT_FILE_VERSION } from '../../src-shared/domain/year';
import { makeUnit, makeYear } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('fz-unit-v1-')));
afterEach(() => cleanup());

/** unit.json exactly as release 1 wrote it: version 1, custom indicators with `unit` */
function unitV1(): Record<string, unknown> {
  const { unit } = makeUnit();
  return {
    version: 1,
    unit: {
      ...unit,
      customIndicators: [
        { id: 'custom-visits', name: '法律明白人入户走访', area: '自定义', unit: '次', source: { type: 'manual' }, builtIn: false },
        { id: 'custom-cover', name: '村均走访比', area: '自定义', unit: '%', source: { type: 'rate', numerator: 'village-count', denominator: 'custom-visits' }, builtIn: false },
      ],
    },
  };
}

/** year 2024 quoting the custom indicator, with its figure typed in */
function year2024() {
  const y = makeYear(2024, 0);
  y.values['custom-visits'] = { value: 36, wording: '' };
  y.report.parts[0]!.paragraphs = ['全年入户走访{{custom-visits}}，覆盖率{{custom-cover}}。'];
  return y;
}

describe('a unit file of version 1', () => {
  it('opens with each custom indicator measured as before, and prints its figures with that measure', async () => {
    await fsp.writeFile(path.join(dir, 'unit.json'), JSON.stringify(unitV1(), null, 2));
    await fsp.writeFile(path.join(dir, 'year-2024.json'), JSON.stringify(year2024()));
    const { call } = await servicesClient(dir);

    const unit = (await call('unit.get', {}))!;
    expect(unit.customIndicators.map((d) => [d.id, d.measure])).toEqual([
      ['custom-visits', '次'],
      ['custom-cover', '%'],
    ]);
    expect(unit.customIndicators.every((d) => !('unit' in d))).toBe(true);

    const rows = await call('indicators.list', { year: 2024 });
    expect(rows.find((r) => r.def.id === 'custom-visits')).toMatchObject({ value: 36, def: { measure: '次' } });
    // 2 villages ÷ 36 visits: the rate prints with its %, the count with 次
    const { rendered, missing } = await call('report.render', { year: 2024 });
    expect(missing).toEqual([]);
    expect(rendered.blocks[0]!.paragraphs[0]).toBe('全年入户走访36次，覆盖率5.6%。');

    // the next write stores the current version, with `measure`
    await call('unit.save', { unit: { ...unit, recipient: '区委依法治区办' } });
    const onDisk = JSON.parse(await fsp.readFile(path.join(dir, 'unit.json'), 'utf8'));
    expect(onDisk.version).toBe(UNIT_FILE_VERSION);
    expect(onDisk.unit.customIndicators.map((d: Record<string, unknown>) => [d.measure, 'unit' in d])).toEqual([
      ['次', false],
      ['%', false],
    ]);
  });

  it('restores from a backup file of the earlier release (backup version 1)', async () => {
    const oldBackup = {
      format: 'fazhi-nianbao-backup',
      version: 1,
      createdAt: '2025-01-05T09:00:00.000Z',
      unit: unitV1().unit,
      years: { 2024: year2024() },
    };
    const data = new TextEncoder().encode(JSON.stringify(oldBackup));
    const { call } = await servicesClient(dir);
    const preview = await call('backup.inspect', { data });
    expect(preview.unitName).toBe('青山镇人民政府');
    await call('backup.restore', { data });
    expect((await call('unit.get', {}))!.customIndicators.map((d) => d.measure)).toEqual(['次', '%']);
    expect((await call('indicators.list', { year: 2024 })).find((r) => r.def.id === 'custom-visits')?.value).toBe(36);

    // a backup made now carries the unit's version and restores as it was
    const made = await call('backup.create', {});
    const env = JSON.parse(new TextDecoder().decode(made.data));
    expect([env.version, env.unitVersion]).toEqual([2, UNIT_FILE_VERSION]);
    expect(env.unit.customIndicators[0]).toMatchObject({ measure: '次' });
    await call('backup.restore', { data: new Uint8Array(made.data) });
    expect((await call('unit.get', {}))!.customIndicators.map((d) => d.measure)).toEqual(['次', '%']);
  });

  it('refuses, in Chinese, a backup whose unit comes from a newer release', async () => {
    const { call } = await servicesClient(dir);
    const env = { format: 'fazhi-nianbao-backup', version: 2, unitVersion: UNIT_FILE_VERSION + 1, createdAt: '2030-01-01T00:00:00.000Z', unit: makeUnit().unit, years: {} };
    await expect(call('backup.inspect', { data: new TextEncoder().encode(JSON.stringify(env)) })).rejects.toThrow(
      `备份文件中的单位信息由更新版本的法治年报创建（版本${UNIT_FILE_VERSION + 1}），请升级软件后再恢复。`,
    );
  });
});
