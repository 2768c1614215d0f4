/** What an entry form reads from what the clerk typed: the shared rules, and the services take the result. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Call } from '../../src-shared/contract';
import { checkDateInput, entryFieldValue } from '../../src-shared/domain/entryInput';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';

let cleanup: () => Promise<void>;
let call: Call;

beforeEach(async () => {
  let dir: string;
  ({ dir, cleanup } = await tempDir('fazhi-entry-input-'));
  ({ call } = await servicesClient(dir));
  await call('unit.save', { unit: { shortName: '试验镇', fullName: '试验镇人民政府', kind: '镇', villages: [{ id: 'v-east', name: '东村', kind: '村' }] } });
  await call('years.create', { year: 2024 });
});
afterEach(() => cleanup());

describe('entry form input', () => {
  it('a date: required, readable, within the working year', () => {
    expect(checkDateInput('  ', 2024)).toEqual({ ok: false, error: '请填写日期' });
    expect(checkDateInput('2-30', 2024)).toEqual({ ok: false, error: '“2-30”不是有效的日期（这个月没有这一天）' });
    expect(checkDateInput('2023-12-31', 2024)).toEqual({ ok: false, error: '2023年的日期不在2024年度内：请改为2024年的日期，或换到2023年度录入' });
    expect(checkDateInput('３月１５日', 2024)).toEqual({ ok: true, date: '2024-03-15' });
  });

  it('reads every form the README lists, and only the whole text', () => {
    const forms: Array<[string, string]> = [
      ['3-15', '2024-03-15'],
      ['3.15', '2024-03-15'],
      ['3/15', '2024-03-15'],
      ['3月15日', '2024-03-15'],
      ['0315', '2024-03-15'],
      ['2024-03-05', '2024-03-05'],
      ['2024.3.5', '2024-03-05'],
      ['2024/3/5', '2024-03-05'],
      ['2024年3月5日', '2024-03-05'],
      ['20240305', '2024-03-05'],
      ['３－１５', '2024-03-15'],
      ['２０２４年３月５日', '2024-03-05'],
      [' 8-8 ', '2024-08-08'],
    ];
    for (const [typed, want] of forms) expect(checkDateInput(typed, 2024), typed).toEqual({ ok: true, date: want });
    // text typed into the middle of a filled field is not read as the date before it
    for (const bad of ['2024-06-018-8', '8-8 2024-06-01', '2024-03-05 14:30', '上周三', '3-15-', 'abc'])
      expect(checkDateInput(bad, 2024).ok, bad).toBe(false);
    expect(checkDateInput('2024-06-018-8', 2024)).toEqual({ ok: false, error: expect.stringContaining('不是日期，可写 3-15') });
  });

  it('reads each field as typed, and the ledger takes the entry', async () => {
    const year = 2024;
    const entry = {
      date: entryFieldValue('date', ' 3-5 ', year),
      category: entryFieldValue('select', 'pufa', year),
      title: entryFieldValue('text', '  民法典宣传  ', year),
      villageId: entryFieldValue('select', undefined, year),
      participants: entryFieldValue('count', '１２０人', year, '人'),
      materials: entryFieldValue('count', '', year, '份'),
      note: entryFieldValue('text', '   ', year),
    };
    expect(entry).toEqual({ date: '2024-03-05', category: 'pufa', title: '民法典宣传', villageId: undefined, participants: 120, materials: undefined, note: undefined });
    const saved = await call('ledger.add', { year, entry: entry as never });
    expect(saved).toMatchObject({ date: '2024-03-05', title: '民法典宣传', participants: 120 });
    expect(saved.materials).toBeUndefined();
    expect((await call('ledger.list', { year })).map((e) => e.title)).toEqual(['民法典宣传']);
  });
});
