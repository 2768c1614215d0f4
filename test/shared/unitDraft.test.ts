/** 单位设置 autosaves the draft minus what the service would refuse (held on screen, marked); the real services take what it sends. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src-shared/contract';
import type { Unit } from '../../src-shared/domain/unit';
import { heldUnitInputs, moveVillage, splitUnitDraft, takeOutsideChanges, unitDraftsOf, withUnitDrafts } from '../../src-shared/domain/unitDraft';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

let cleanup: () => Promise<void>;
let call: Call;
let dataDir: string;
let unit: Unit;

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir('fazhi-unit-draft-'));
  ({ call } = await servicesClient(dir));
  dataDir = dir;
  unit = await call('unit.save', {
    unit: { shortName: '试验镇', fullName: '试验镇人民政府', kind: '镇', villages: [{ id: 'v-east', name: '东村', kind: '村' }, { id: 'v-west', name: '西村', kind: '社区' }] },
  });
});
afterEach(() => cleanup());

describe('the unit draft', () => {
  it('leaves out a village just added and not named yet, and a blank leader row; the service saves the rest', async () => {
    const draft: Unit = {
      ...unit,
      fullName: '试验镇人民政府（改）',
      villages: [...unit.villages, { id: 'v-new', name: '  ', kind: '村' }],
      leaders: [{ role: '党委书记', name: '张三' }, { role: ' ', name: '' }],
    };
    // as typed, the service refuses it (a village needs a name, a leader a role and a name)
    await expect(call('unit.save', { unit: draft })).rejects.toThrow(/名称|职务|姓名/);
    const { sendable: sent, held } = splitUnitDraft(draft, unit);
    expect(sent.villages.map((v) => v.id)).toEqual(['v-east', 'v-west']);
    expect(sent.leaders).toEqual([{ role: '党委书记', name: '张三' }]);
    // nothing was typed into the blank rows: nothing to mark
    expect(held).toEqual({ fields: {}, leaders: {}, villages: {} });
    const back = await call('unit.save', { unit: sent });
    expect(back.fullName).toBe('试验镇人民政府（改）');
    expect((await call('unit.get', {}))!.leaders).toEqual([{ role: '党委书记', name: '张三' }]);
  });

  it('holds a leader row with a role and no name (and the reverse), marked, and saves everything else', async () => {
    const draft: Unit = {
      ...unit,
      fontPreset: 'windows',
      villages: [...unit.villages, { id: 'v-n', name: '北村', kind: '村' }],
      leaders: [{ role: '党委书记', name: '' }, { role: '镇长', name: '李四' }, { role: '', name: '王五' }],
    };
    const { sendable, held } = splitUnitDraft(draft, unit);
    expect(held.leaders).toEqual({ 0: expect.stringContaining('未填姓名'), 2: expect.stringContaining('未填职务') });
    expect(heldUnitInputs(held, draft)).toEqual(['单位设置：第1位负责人（党委书记）未填完', '单位设置：第3位负责人（王五）未填完']);
    const back = await call('unit.save', { unit: sendable });
    expect(back).toMatchObject({ fontPreset: 'windows', leaders: [{ role: '镇长', name: '李四' }] });
    expect(back.villages.map((v) => v.name)).toEqual(['东村', '西村', '北村']);
  });

  it('sends a saved village emptied or renamed onto another with its stored name, and holds a new village that repeats a name', async () => {
    const emptied: Unit = { ...unit, villages: unit.villages.map((v) => (v.id === 'v-west' ? { ...v, name: '' } : v)) };
    const a = splitUnitDraft(emptied, unit);
    expect(a.sendable.villages.map((v) => v.name)).toEqual(['东村', '西村']);
    expect(a.held.villages['v-west']).toBe('名称不能为空，仍保存为“西村”');
    await call('unit.save', { unit: a.sendable });

    // 西村 renamed to 东村 (the stored 东村 keeps its name), a new 东村, a new 南村
    const clash: Unit = {
      ...unit,
      villages: [
        { id: 'v-east', name: '东村', kind: '村' },
        { id: 'v-west', name: '东村', kind: '社区' },
        { id: 'v-a', name: ' 东村 ', kind: '村' },
        { id: 'v-b', name: '南村', kind: '村' },
      ],
    };
    const b = splitUnitDraft(clash, unit);
    expect(b.sendable.villages.map((v) => [v.id, v.name])).toEqual([
      ['v-east', '东村'],
      ['v-west', '西村'],
      ['v-b', '南村'],
    ]);
    expect(b.held.villages).toEqual({ 'v-west': '与第1个重名，仍保存为“西村”', 'v-a': '与第1个重名：这一行存为草稿（不计入报告），改名后自动保存' });
    const back = await call('unit.save', { unit: b.sendable });
    expect(back.villages.map((v) => v.name)).toEqual(['东村', '西村', '南村']);

    // the two swap names through a third: each step sends only names the service takes
    const swap: Unit = { ...unit, villages: [{ ...unit.villages[0]!, name: '西村' }, { ...unit.villages[1]!, name: '东村' }] };
    const c = splitUnitDraft(swap, unit);
    expect(new Set(c.sendable.villages.map((v) => v.name)).size).toBe(2);
    await call('unit.save', { unit: c.sendable });
  });

  it('keeps the stored 单位简称 when the field is emptied, and says so', async () => {
    const { sendable, held } = splitUnitDraft({ ...unit, shortName: ' ', recipient: '区依法治区办' }, unit);
    expect(held.fields.shortName).toBe('单位简称不能为空，仍保存为“试验镇”');
    expect(await call('unit.save', { unit: sendable })).toMatchObject({ shortName: '试验镇', recipient: '区依法治区办' });
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
    const after = await call('unit.save', { unit: splitUnitDraft(merged, stored).sendable });
    expect(after).toMatchObject({ shortName: '试验镇（改）', fontPreset: 'windows' });
    // a field the clerk changed too stays as typed; nothing changed elsewhere gives the same draft back
    const both = await call('unit.save', { unit: { ...base, shortName: '别处改的名称' } });
    expect(takeOutsideChanges(draft, base, both).shortName).toBe('试验镇（改）');
    expect(takeOutsideChanges(draft, base, base)).toBe(draft);
  });

  it('keeps what it holds back as drafts beside the unit, never in it; the form comes back as it was left', async () => {
    const typed: Unit = {
      ...unit,
      fullName: '',
      leaders: [{ role: '党委书记', name: '张三' }, { role: '副镇长', name: '' }, { role: '镇长', name: '李四' }, { role: '', name: '' }],
      villages: [
        { id: 'v-east', name: '', kind: '村' },
        { id: 'v-dup', name: '西村', kind: '村' },
        { id: 'v-west', name: '西村', kind: '社区' },
        { id: 'v-new', name: '南村', kind: '村' },
      ],
    };
    const { sendable, held } = splitUnitDraft(typed, unit);
    const drafts = unitDraftsOf(typed, held);
    expect(drafts).toEqual({
      leaders: [{ at: 1, role: '副镇长', name: '' }],
      villages: [
        { at: 0, id: 'v-east', name: '', kind: '村' },
        { at: 1, id: 'v-dup', name: '西村', kind: '村' },
      ],
      fields: { fullName: '' },
    });
    const saved = await call('unit.save', { unit: sendable, drafts });
    // the unit as the report and the export see it: no draft row in it
    expect(saved.leaders).toEqual([{ role: '党委书记', name: '张三' }, { role: '镇长', name: '李四' }]);
    expect(saved.villages.map((v) => v.name)).toEqual(['东村', '西村', '南村']);
    expect(saved.fullName).toBe('试验镇人民政府');
    const onDisk = JSON.parse(await readFile(path.join(dataDir, 'unit.json'), 'utf8'));
    expect(onDisk.drafts).toEqual(drafts);
    expect(JSON.stringify(onDisk.unit)).not.toContain('副镇长');

    // opening the screen again: the same rows, the same places, held back again (marked)
    const back = withUnitDrafts((await call('unit.get', {}))!, await call('unit.drafts', {}));
    expect(back.leaders).toEqual(typed.leaders.slice(0, 3));
    expect(back.villages).toEqual(typed.villages);
    expect(back.fullName).toBe('');
    expect(splitUnitDraft(back, saved).held).toEqual({ ...held, leaders: { 1: held.leaders[1] } });

    // a save without drafts (the guide, an Excel import) keeps them; completing the row empties them in the same write
    await call('unit.save', { unit: { ...saved, fontPreset: 'windows' } });
    expect((await call('unit.drafts', {})).leaders).toHaveLength(1);
    const done: Unit = { ...back, fullName: '试验镇人民政府', leaders: [back.leaders[0]!, { role: '副镇长', name: '王五' }, back.leaders[2]!], villages: back.villages.slice(1, 4).map((v) => (v.id === 'v-dup' ? { ...v, name: '北村' } : v)) };
    const split = splitUnitDraft({ ...done, villages: [unit.villages[0]!, ...done.villages] }, saved);
    const after = await call('unit.save', { unit: split.sendable, drafts: unitDraftsOf({ ...done, villages: [unit.villages[0]!, ...done.villages] }, split.held) });
    expect(after.leaders.map((l) => l.name)).toEqual(['张三', '王五', '李四']);
    expect(after.villages.map((v) => v.name)).toEqual(['东村', '北村', '西村', '南村']);
    expect(await call('unit.drafts', {})).toEqual({ leaders: [], villages: [], fields: {} });
  });

  it('stores drafts alone without touching the unit; bad draft input is refused in Chinese and changes nothing', async () => {
    const d = await call('unit.saveDrafts', { drafts: { leaders: [{ at: 2, role: '', name: '赵六' }], villages: [], fields: {} } });
    expect(d.leaders).toEqual([{ at: 2, role: '', name: '赵六' }]);
    expect((await call('unit.get', {}))!.leaders).toEqual([]);
    await expect(call('unit.saveDrafts', { drafts: { leaders: [{ at: 0, role: 'x'.repeat(500), name: '' }], villages: [], fields: {} } })).rejects.toThrow(/职务不能超过/);
    expect((await call('unit.drafts', {})).leaders).toEqual([{ at: 2, role: '', name: '赵六' }]);
  });
});
