/**
 * The Excel import dialog's choices as shared rules, on a preview made by the real services:
 * one column per field, which rows are written, which values still need a meaning.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src-shared/contract';
import { assignColumn, chooseValue, importableRows, mappingOf, personalLeftOut, rememberOf, valueChoices } from '../../src-shared/sheet/choices';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import { mediationSheet, realLedgerSheet } from './sheets';

let cleanup: () => Promise<void>;
let call: Call;

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir('fazhi-sheet-choices-'));
  ({ call } = await servicesClient(dir, () => new Date('2025-01-10T08:00:00Z')));
  await call('demo.create', {});
});
afterEach(() => cleanup());

describe('Excel import choices', () => {
  it('a field given to another column leaves the column that had it; the service accepts the result', async () => {
    const data = await realLedgerSheet();
    const p = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024 });
    expect(mappingOf(p.columns)['备注']).toBe('note');
    const m = assignColumn(p.columns, '序号', 'note');
    expect(m['序号']).toBe('note');
    expect(m['备注']).toBeNull();
    expect(Object.values(m).filter((t) => t === 'note')).toHaveLength(1);
    // 不导入 takes nothing away from another column
    expect(assignColumn(p.columns, '备注', null)).toEqual({ ...mappingOf(p.columns), 备注: null });
    const q = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024, mapping: m });
    expect(q.columns.find((c) => c.key === '序号')!.target).toBe('note');
  });

  it('unknown values are listed, and stay listed with the meaning once chosen; duplicates are written only when asked', async () => {
    const data = await realLedgerSheet();
    const p = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024 });
    expect(valueChoices(p.unknown, {})).toEqual([
      { field: 'category', text: '广场舞比赛', count: 1 },
      { field: 'village', text: '火星村', count: 1 },
    ]);
    const values = chooseValue(chooseValue({}, 'category', '广场舞比赛', 'other'), 'village', '火星村', 'v03');
    const q = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024, values });
    expect(q.unknown).toEqual([]);
    expect(valueChoices(q.unknown, values)).toEqual([
      { field: 'category', text: '广场舞比赛', count: null, chosen: 'other' },
      { field: 'village', text: '火星村', count: null, chosen: 'v03' },
    ]);

    const rows = importableRows(q.rows, false);
    expect(rows).toHaveLength(q.counts.ok);
    await call('ledger.addMany', { year: 2024, entries: rows.map((r) => r.fields!) as never, remember: rememberOf(q) });
    const again = await call('sheet.preview', { kind: 'ledger', fileName: '台账.xlsx', data, year: 2024 });
    // remembered: the mapping and the meanings chosen
    expect(again.mappingSource).toBe('remembered');
    expect(again.unknown).toEqual([]);
    expect(importableRows(again.rows, false)).toHaveLength(0);
    expect(importableRows(again.rows, true)).toHaveLength(again.counts.duplicate);
    expect(again.counts.duplicate).toBe(rows.length);
  });

  it('names the personal columns that stay out', async () => {
    const p = await call('sheet.preview', { kind: 'mediation', fileName: '调解.xlsx', data: await mediationSheet(), year: 2024 });
    const personal = personalLeftOut(p.columns);
    expect(personal.length).toBeGreaterThan(0);
    for (const k of personal) expect(p.leftOut).toContain(k);
    expect(p.columns.filter((c) => personal.includes(c.key)).every((c) => c.personal && c.target === null)).toBe(true);
  });
});
