import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { stageFiles, stagingPaths, writeJournal, type RestoreJournal } from '../../src-main/store/restoreJournal';
import { folderBytes, makeEntry, makeUnit, makeYear, removeDir, tempDir } from './fixtures';

/**
 * The states a crash can leave a restore in, built step by step: before the journal the next open
 * undoes it (old set), after the journal it finishes it (new set), wherever the switch stopped.
 */

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  const s = await openStore(dir);
  await s.updateUnit(() => makeUnit('旧单位'));
  await s.createYear(makeYear(2023, 2));
  await s.createYear(makeYear(2024, 3));
});
afterEach(() => removeDir(dir));

const newYear = () => {
  const y = makeYear(2024, 0);
  y.ledger = [makeEntry('new-1')];
  return y;
};
const files = () => [
  { fileName: 'unit.json', text: JSON.stringify(makeUnit('新单位')) },
  { fileName: 'year-2024.json', text: JSON.stringify(newYear()) },
];
// 2023 is not in the backup: kept in backups/; 2024 and unit.json replaced (in the safety backup)
const journal: RestoreJournal = { format: 'fazhi-restore-journal', put: ['unit.json', 'year-2024.json'], aside: { 'unit.json': null, 'year-2024.json': null, 'year-2023.json': 'year-2023.removed-x.json' } };

async function state() {
  const s = await openStore(dir);
  const left = (await fsp.readdir(dir)).filter((n) => n === '.restore-staging' || n === 'restore-journal.json');
  return { unit: (await s.readUnit())!.unit.fullName, years: await s.listYears(), ids: (await s.readYear(2024))!.ledger.map((e) => e.id), left, notices: s.recoveryNotices() };
}

describe('interrupted restore', () => {
  it('staged but not decided (no journal): the next open keeps the old set and removes the staging', async () => {
    await stageFiles(dir, files());
    const st = await state();
    expect(st).toMatchObject({ unit: '旧单位', years: [2023, 2024], ids: ['e0', 'e1', 'e2'], left: [] });
  });

  it('decided (journal written), nothing switched yet: the next open finishes it', async () => {
    await stageFiles(dir, files());
    await writeJournal(dir, journal);
    const st = await state();
    expect(st).toMatchObject({ unit: '新单位', years: [2024], ids: ['new-1'], left: [] });
    expect(st.notices.map((n) => n.message).join('')).toContain('已在本次启动时完成恢复');
    expect(JSON.parse(await fsp.readFile(path.join(dir, 'backups', 'year-2023.removed-x.json'), 'utf8')).ledger).toHaveLength(2);
  });

  it('decided and half switched (old files moved out, one new file in): the next open finishes it', async () => {
    await stageFiles(dir, files());
    await writeJournal(dir, journal);
    const p = stagingPaths(dir);
    for (const n of ['unit.json', 'year-2024.json', 'year-2023.json']) await fsp.rename(path.join(dir, n), path.join(p.oldDir, n));
    await fsp.rename(path.join(p.newDir, 'unit.json'), path.join(dir, 'unit.json'));
    const st = await state();
    expect(st).toMatchObject({ unit: '新单位', years: [2024], ids: ['new-1'], left: [] });
  });

  it('decided and fully switched but the journal not yet removed: the next open only tidies up', async () => {
    await stageFiles(dir, files());
    await writeJournal(dir, journal);
    const p = stagingPaths(dir);
    for (const n of ['unit.json', 'year-2024.json', 'year-2023.json']) await fsp.rename(path.join(dir, n), path.join(p.oldDir, n));
    for (const n of ['unit.json', 'year-2024.json']) await fsp.rename(path.join(p.newDir, n), path.join(dir, n));
    const st = await state();
    expect(st).toMatchObject({ unit: '新单位', years: [2024], ids: ['new-1'], left: [] });
  });
});

/**
 * Restore records planted in the folder (a shared folder, a copied profile): links where the
 * staging folders or files should be, a journal naming `..`. None may move anything into or out
 * of the data folder; they are set aside under visible names for the clerk, and the folder opens.
 */
describe('restore records that are not what this program writes', () => {
  let outside: string;
  beforeEach(async () => {
    outside = await tempDir('fazhi-outside-');
    await fsp.writeFile(path.join(outside, 'year-2024.json'), JSON.stringify(newYear()));
    await fsp.writeFile(path.join(outside, 'unit.json'), JSON.stringify(makeUnit('外部单位')));
    await fsp.writeFile(path.join(outside, 'private.txt'), '不属于数据文件夹');
  });
  afterEach(() => removeDir(outside));

  async function refusedState() {
    const before = await folderBytes(outside);
    const st = await state();
    // nothing outside moved, added or changed
    expect(await folderBytes(outside)).toEqual(before);
    // the old set is intact and the folder opens (and opens again)
    expect(st).toMatchObject({ unit: '旧单位', years: [2023, 2024], ids: ['e0', 'e1', 'e2'], left: [] });
    expect((await state()).years).toEqual([2023, 2024]);
    const keptAside = (await fsp.readdir(dir)).filter((n) => n.includes('.refused-'));
    expect(keptAside.length).toBeGreaterThan(0);
    const notice = st.notices.map((n) => n.message).join('');
    expect(notice).toContain('为安全起见没有执行');
    for (const n of keptAside) expect(notice).toContain(n);
    return keptAside;
  }

  it('a staged new/ that links to a folder outside: refused, nothing switched in from there', async () => {
    const p = stagingPaths(dir);
    await fsp.mkdir(p.staging);
    await fsp.symlink(outside, p.newDir);
    await fsp.mkdir(p.oldDir);
    await writeJournal(dir, journal);
    await refusedState();
  });

  it('a staged old/ that links to a folder outside: refused, no data file moved out there', async () => {
    await stageFiles(dir, files());
    const p = stagingPaths(dir);
    await fsp.rm(p.oldDir, { recursive: true });
    await fsp.symlink(outside, p.oldDir);
    await writeJournal(dir, journal);
    await refusedState();
  });

  it('a staged file that is a link to a file outside: refused', async () => {
    await stageFiles(dir, files());
    const p = stagingPaths(dir);
    await fsp.rm(path.join(p.newDir, 'year-2024.json'));
    await fsp.symlink(path.join(outside, 'year-2024.json'), path.join(p.newDir, 'year-2024.json'));
    await writeJournal(dir, journal);
    await refusedState();
  });

  it('a staging folder that is a link, with no journal: refused, nothing moved back from it', async () => {
    await fsp.mkdir(path.join(outside, 'old'));
    await fsp.writeFile(path.join(outside, 'old', 'year-2025.json'), JSON.stringify(makeYear(2025, 1)));
    await fsp.symlink(outside, stagingPaths(dir).staging);
    await refusedState();
  });

  it('a journal entry `..`: refused, and every later open works (no ENOTEMPTY)', async () => {
    await stageFiles(dir, files());
    await fsp.writeFile(
      path.join(dir, 'restore-journal.json'),
      JSON.stringify({ ...journal, aside: { ...journal.aside, 'year-2023.json': '..' } }),
    );
    await refusedState();
    // the data are whole: the refused journal did not switch unit.json or year-2024.json
    expect(JSON.parse(await fsp.readFile(path.join(dir, 'year-2024.json'), 'utf8')).ledger).toHaveLength(3);
  });
});
