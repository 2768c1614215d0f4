import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, dispatch } from '../../src-main/services';
import { openStore, workCounts, type Store } from '../../src-main/store';
import { summaryCacheFile } from '../../src-main/store/summaryCache';
import { snapshotDir } from '../support/tmp';
import type { DamagedFile, Handlers } from '../../src-shared/contract';
import { makeYear, removeDir, tempDir } from './fixtures';

/**
 * When the app opens, the year list and the damaged-file check need every year's counts. A store
 * opened for the program (with its version) keeps them between runs in the per-user cache folder,
 * so a start after the first parses no year whose bytes are unchanged. Shown here: a later start
 * parses nothing and answers the same, and writes nothing into the data folder; and the cache never
 * hides a change — a rewrite that keeps the size and the time, a file damaged behind its back, a
 * cache file damaged or from another version of the program.
 */

let work: string;
let cacheDir: string;
beforeAll(async () => {
  work = await tempDir('fazhi-summary-cache-');
  cacheDir = path.join(work, 'user-cache', 'year-summaries');
});
afterAll(async () => removeDir(work));

const VERSION = '9.9.9-test';

async function folderWithYears(name: string, years: Record<number, number>): Promise<string> {
  const dir = path.join(work, name);
  await fsp.mkdir(dir);
  const store = await openStore(dir);
  for (const [y, n] of Object.entries(years)) await store.createYear(makeYear(Number(y), n));
  return dir;
}

/** A store as the program opens one: a fresh "start" of the app on the folder. */
const start = (dir: string, version = VERSION): Promise<Store> => openStore(dir, { summaryCache: { dir: cacheDir, programVersion: version } });

async function countsAt(store: Store, years: number[]) {
  const out: Record<number, number | null> = {};
  for (const y of years) out[y] = (await store.readYearSummary(y))?.ledgerCount ?? null;
  await store.summariesSettled();
  return out;
}

/** Parsed year files while `run` ran. */
async function parsedDuring(run: () => Promise<unknown>): Promise<number> {
  const before = workCounts.filesParsed;
  await run();
  return workCounts.filesParsed - before;
}

describe('year summaries kept between runs', () => {
  it('a later start answers the same counts without parsing any unchanged year', async () => {
    const dir = await folderWithYears('later-start', { 2022: 3, 2023: 4, 2024: 5 });
    const folder = await snapshotDir(dir);
    let first: Record<number, number | null> = {};
    expect(await parsedDuring(async () => (first = await countsAt(await start(dir), [2022, 2023, 2024])))).toBe(3);
    expect(first).toEqual({ 2022: 3, 2023: 4, 2024: 5 });
    const cache = JSON.parse(await fsp.readFile(summaryCacheFile(cacheDir, dir), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(cache.files).sort()).toEqual(['year-2022.json', 'year-2023.json', 'year-2024.json']);

    let again: Record<number, number | null> = {};
    expect(await parsedDuring(async () => (again = await countsAt(await start(dir), [2022, 2023, 2024])))).toBe(0);
    expect(again).toEqual(first);
    // what the services answer at start-up, through the contract
    const h = await createServices(dir, { version: VERSION, cacheDir: path.dirname(cacheDir) });
    let list: Array<{ year: number; ledgerCount: number }> = [];
    expect(await parsedDuring(async () => (list = await call(h, 'years.list', {})))).toBe(0);
    expect(list.map((y) => [y.year, y.ledgerCount])).toEqual([[2022, 3], [2023, 4], [2024, 5]]);
    // reading the clerk's data wrote nothing into the data folder
    expect(await snapshotDir(dir)).toEqual(folder);
  });

  it('a year rewritten with the same size and the same time is read again, not taken from the cache', async () => {
    const dir = await folderWithYears('same-size-same-time', { 2024: 3 });
    expect(await countsAt(await start(dir), [2024])).toEqual({ 2024: 3 });
    const file = path.join(dir, 'year-2024.json');
    const st = await fsp.stat(file);
    const text = await fsp.readFile(file, 'utf8');
    // another PC's edit of one title, one character for another: same length, and the time set back
    const changed = text.replace('普法宣传进村第1次', '普法宣传进村第9次');
    expect(changed).not.toBe(text);
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    await fsp.writeFile(file, changed);
    await fsp.utimes(file, st.atime, st.mtime);

    const store = await start(dir);
    expect(await parsedDuring(() => store.readYearSummary(2024))).toBe(1);
    expect((await store.readYear(2024))!.ledger[0]!.title).toBe('普法宣传进村第9次');
  });

  it('a year damaged after its counts were kept is reported damaged at the next start', async () => {
    const dir = await folderWithYears('damaged-later', { 2023: 2, 2024: 2 });
    await countsAt(await start(dir), [2023, 2024]);
    const file = path.join(dir, 'year-2023.json');
    const text = await fsp.readFile(file, 'utf8');
    await fsp.writeFile(file, text.slice(0, text.length - 40));
    await fsp.rm(path.join(dir, 'backups'), { recursive: true, force: true });

    const h = await createServices(dir, { version: VERSION, cacheDir: path.dirname(cacheDir) });
    const damaged = await call<DamagedFile[]>(h, 'data.damaged', {});
    expect(damaged.map((d) => d.fileName)).toEqual(['year-2023.json']);
    expect(damaged[0]!.message).toMatch(/[\u4e00-\u9fa5]/);
    // the damaged file is left as it is
    expect(await fsp.readFile(file, 'utf8')).toBe(text.slice(0, text.length - 40));
  });

  it('a damaged cache file, or one another version of the program wrote, is not used and is written anew', async () => {
    const dir = await folderWithYears('bad-cache', { 2024: 6 });
    await countsAt(await start(dir), [2024]);
    const cacheFile = summaryCacheFile(cacheDir, dir);
    const good = JSON.parse(await fsp.readFile(cacheFile, 'utf8')) as { files: Record<string, { summary: { ledgerCount: number } }> };

    // entries that lie (as a hand-edited or half-written file could): another version's are not believed
    good.files['year-2024.json']!.summary.ledgerCount = 999;
    await fsp.writeFile(cacheFile, JSON.stringify(good));
    expect(await parsedDuring(async () => expect(await countsAt(await start(dir, '1.0.0'), [2024])).toEqual({ 2024: 6 }))).toBe(1);

    await fsp.writeFile(cacheFile, '{"format":1,"version":');
    expect(await parsedDuring(async () => expect(await countsAt(await start(dir), [2024])).toEqual({ 2024: 6 }))).toBe(1);
    // written anew, and used by the next start
    expect(await parsedDuring(async () => expect(await countsAt(await start(dir), [2024])).toEqual({ 2024: 6 }))).toBe(0);
  });

  it('follows this run’s own writes, and a cache that cannot be written costs nothing but speed', async () => {
    const dir = await folderWithYears('own-writes', { 2024: 1 });
    const store = await start(dir);
    expect(await countsAt(store, [2024])).toEqual({ 2024: 1 });
    await store.updateYear(2024, (d) => void d.ledger.push({ ...d.ledger[0]!, id: 'n2' }));
    expect(await countsAt(store, [2024])).toEqual({ 2024: 2 });
    expect(await countsAt(await start(dir), [2024])).toEqual({ 2024: 2 });

    // a data folder whose cache file's name is taken by a folder: nothing can be written there
    const blocked = await folderWithYears('unwritable', { 2024: 2 });
    await fsp.mkdir(summaryCacheFile(cacheDir, blocked), { recursive: true });
    expect(await countsAt(await start(blocked), [2024])).toEqual({ 2024: 2 });
    expect(await countsAt(await start(blocked), [2024])).toEqual({ 2024: 2 });
  });
});

async function call<T>(h: Handlers, method: string, input: unknown): Promise<T> {
  const r = await dispatch(h, method, input);
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
}
