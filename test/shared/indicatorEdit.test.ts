/** An edit in 指标录入, read by the shared rule and sent to the real services. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Call, IndicatorRow } from '../../src-shared/contract';
import { readIndicatorEdit } from '../../src-shared/domain/indicatorEdit';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';

let cleanup: () => Promise<void>;
let call: Call;
let rows: IndicatorRow[];

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir('fazhi-indicator-edit-'));
  ({ call } = await servicesClient(dir));
  await call('unit.save', { unit: { shortName: '试验镇', fullName: '试验镇人民政府', kind: '镇', villages: [] } });
  await call('years.create', { year: 2024 });
  rows = await call('indicators.list', { year: 2024 });
});
afterEach(() => cleanup());

describe('an indicator edit', () => {
  it('a typed figure and wording are sent once; the same again is nothing to save', async () => {
    const row = rows.find((r) => !r.computed && r.def.measure !== '%')!;
    const e = readIndicatorEdit(row, '１２０', '  120余 ');
    expect(e).toEqual({ ok: true, value: 120, save: { value: 120, wording: '120余' } });
    if (!e.ok || !e.save) throw new Error('expected a save');
    const saved = await call('indicators.set', { year: 2024, id: row.def.id, ...e.save });
    expect(saved).toMatchObject({ value: 120, wording: '120余' });
    expect(readIndicatorEdit(saved, '120', '120余 ')).toEqual({ ok: true, value: 120, save: null });
    // emptied: "not filled" is a change too
    expect(readIndicatorEdit(saved, '', '120余')).toEqual({ ok: true, value: null, save: { value: null, wording: '120余' } });
  });

  it('refuses what the number rule refuses, in its words', () => {
    const pct = rows.find((r) => r.def.id === 'correction-check-rate')!;
    expect(pct).toMatchObject({ computed: false, def: { measure: '%' } });
    const over = readIndicatorEdit(pct, '120', '');
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error).toMatch(/[\u4e00-\u9fff]/);
    expect(readIndicatorEdit(pct, '很多', '')).toEqual({ ok: false, error: '请输入数字' });
  });

  it('a computed indicator sends its wording only, never a figure', async () => {
    const row = rows.find((r) => r.computed)!;
    const e = readIndicatorEdit(row, '999', '数十');
    expect(e).toEqual({ ok: true, value: null, save: { value: null, wording: '数十' } });
    if (!e.ok || !e.save) throw new Error('expected a save');
    const saved = await call('indicators.set', { year: 2024, id: row.def.id, ...e.save });
    expect(saved.wording).toBe('数十');
    expect(saved.value).toBe(row.value);
  });
});
