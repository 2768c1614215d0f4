/** 单位设置 autosaves the draft minus the rows just added and still blank; the real services take what it sends. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src-shared/contract';
import type { Unit } from '../../src-shared/domain/unit';
import { moveVillage, sendableUnit, takeOutsideChanges } from '../../src-shared/domain/unitDraft';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';

let cleanup: () => Promise<void>;
let call: Call;
let unit: Unit;

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir('fazhi-unit-draft-'));
  ({ call } = await servicesClient(dir));
  unit = await call('unit.save', {
    unit: { shortName: '试验镇', fullName: '试验镇人民政府', kind: '镇', villages: [{ id: 'v-east', name: '东村', kind: '村' }, { id: 'v-west', name: '西村', kind: '社区' }] },
  });
});
afterEach(() => cleanup());

describe('the unit draft', () => {
  it('leaves out a village just added and not named yet, and a blank leader row; the service saves the rest', async () => {
    const saved = new Set(unit.villages.map((v) => v.id));
    const draft: Unit = {
      ...unit,
      fullName: '试验镇人民政府（改）',
      villages: [...unit.villages, { id: 'v-new', name: '  ', kind: '村' }],
      leaders: [{ role: '党委书记', name: '张三' }, { role: ' ', name: '' }],
    };
    // as typed, the service refuses it (a village needs a name, a leader a role and a name)
    await expect(call('unit.save', { unit: draft })).rejects.toThrow(/名称|职务|姓名/);
    const sent = sendableUnit(draft, saved);
    expect(sent.villages.map((v) => v.id)).toEqual(['v-east', 'v-west']);
    expect(sent.leaders).toEqual([{ role: '党委书记', name: '张三' }]);
    const back = await call('unit.save', { unit: sent });
    expect(back.fullName).toBe('试验镇人民政府（改）');
    expect((await call('unit.get', {}))!.leaders).toEqual([{ role: '党委书记', name: '张三' }]);
  });

  it('keeps a saved village emptied by the clerk, so the service says why instead of the village vanishing', async () => {
    const draft: Unit = { ...unit, villages: unit.villages.map((v) => (v.id === 'v-west' ? { ...v, name: '' } : v)) };
    const sent = sendableUnit(draft, new Set(unit.villages.map((v) => v.id)));
    expect(sent.villages).toHaveLength(2);
    await expect(call('unit.save', { unit: sent })).rejects.toThrow(/村（社区）名称/);
    expect((await call('unit.get', {}))!.villages.map((v) => v.name)).toEqual(['东村', '西村']);
  });

  it('moves a village by one place, and not past either end', async () => {
    expect(moveVillage(unit.villages, 1, -1)!.map((v) => v.id)).toEqual(['v-west', 'v-east']);
    expect(moveVillage(unit.villages, 0, -1)).toBeNull();
    expect(moveVillage(unit.villages, 1, 1)).toBeNull();
    const saved = await call('unit.save', { unit: { ...unit, villages: moveVillage(unit.villages, 0, 1)! } });
    expect(saved.villages.map((v) => v.name)).toEqual(['西村', '东村']);
  });
  it('takes in what was saved elsewhere while the screen was open, and keeps what the clerk typed', async () => {
    const base = unit;
    // the clerk renames the unit on 单位设置 …
    const draft: Unit = { ...base, shortName: '试验镇（改）' };
    // … while the guide's 采用这个方案 saves the font preset, and a village comes in with an Excel import
    const stored = await call('unit.save', { unit: { ...base, fontPreset: 'windows', villages: [...base.villages, { id: 'v-north', name: '北村', kind: '村' }] } });
    const merged = takeOutsideChanges(draft, base, stored);
    expect(merged).toMatchObject({ shortName: '试验镇（改）', fontPreset: 'windows' });
    expect(merged.villages.map((v) => v.name)).toEqual(['东村', '西村', '北村']);
    // what the screen then autosaves undoes neither change
    const after = await call('unit.save', { unit: sendableUnit(merged, new Set(merged.villages.map((v) => v.id))) });
    expect(after).toMatchObject({ shortName: '试验镇（改）', fontPreset: 'windows' });
    // a field the clerk changed too stays as typed; nothing changed elsewhere gives the same draft back
    const both = await call('unit.save', { unit: { ...base, shortName: '别处改的名称' } });
    expect(takeOutsideChanges(draft, base, both).shortName).toBe('试验镇（改）');
    expect(takeOutsideChanges(draft, base, base)).toBe(draft);
  });
});
