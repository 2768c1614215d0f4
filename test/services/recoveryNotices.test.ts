import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import type { Call } from '../../src-shared/contract';
import { stageFiles, writeJournal } from '../../src-main/store/restoreJournal';

/**
 * What the store repairs on its own reaches the clerk on the overview's 提醒 card, even when the
 * read that repaired it was one that skips damaged files (the app's start-up check, the year list).
 */

let dir: string;
let cleanup: () => Promise<void>;
let call: Call;
const clock = () => new Date('2025-02-10T09:00:00');
/** A fresh process on the folder (a restart of the app). */
const reopen = async () => (await servicesClient(dir, clock)).call;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ call } = await servicesClient(dir, clock));
  await call('demo.create', {});
  await call('years.create', { year: 2025, fromYear: 2024 });
});
afterEach(() => cleanup());

describe('a year file put back from its automatic backup', () => {
  beforeEach(async () => {
    // the first change of the day copies the file as it was into backups/, then writes the change
    await call('ledger.add', { year: 2024, entry: { date: '2024-05-07', category: 'pufa', title: '备份之后的活动' } });
    const file = path.join(dir, 'year-2024.json');
    const text = await fsp.readFile(file, 'utf8');
    await fsp.writeFile(file, text.slice(0, text.length / 2));
    call = await reopen();
  });

  it('is told on the overview after the start-up check repaired it silently', async () => {
    // what the app does first: nothing is listed as damaged any more, the year opens
    expect(await call('data.damaged', {})).toEqual([]);
    expect((await call('years.list', {})).map((y) => y.year)).toEqual([2024, 2025]);
    const titles = (await call('ledger.list', { year: 2024 })).map((e) => e.title);
    expect(titles.length).toBeGreaterThan(100);
    expect(titles).not.toContain('备份之后的活动');

    for (const year of [2024, 2025]) {
      const { notices } = await call('overview.get', { year });
      const told = notices.filter((n) => n.includes('year-2024.json 已损坏'));
      expect(told).toHaveLength(1);
      expect(told[0]).toMatch(/已另存为 year-2024\.corrupt-\d{8}T\d{6}\.json/);
      expect(told[0]).toContain('该备份之后所做的修改未能恢复，请核对');
    }
    // still there when the clerk comes back to the overview
    expect((await call('overview.get', { year: 2024 })).notices.join('')).toContain('year-2024.json 已损坏');
    // the next start has nothing new to tell
    expect((await (await reopen())('overview.get', { year: 2024 })).notices.join('')).not.toContain('已损坏');
  });

  it('is no longer told once the whole folder was restored from a backup file', async () => {
    expect(await call('data.damaged', {})).toEqual([]);
    expect((await call('overview.get', { year: 2024 })).notices.join('')).toContain('已损坏');
    const backup = await call('backup.create', {});
    await call('backup.restore', { data: new Uint8Array(backup.data) });
    expect((await call('overview.get', { year: 2024 })).notices.join('')).not.toContain('已损坏');
  });
});

it('a restore a crash interrupted after it was decided is finished on the next start, and the overview says so', async () => {
  const file = path.join(dir, 'year-2024.json');
  const year = JSON.parse(await fsp.readFile(file, 'utf8'));
  year.ledger = year.ledger.slice(0, 1);
  await stageFiles(dir, [{ fileName: 'year-2024.json', text: JSON.stringify(year) }]);
  await writeJournal(dir, { format: 'fazhi-restore-journal', put: ['year-2024.json'], aside: { 'year-2024.json': null } });
  call = await reopen();
  expect(await call('ledger.list', { year: 2024 })).toHaveLength(1);
  expect((await call('overview.get', { year: 2025 })).notices).toContain('上次从备份恢复数据时程序意外退出，已在本次启动时完成恢复。');
});
