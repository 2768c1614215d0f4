import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServices, dispatch } from '../../src-main/services';
import { bundleCrashChild, killLoop } from '../support/crash';
import { tempDir } from '../support/tmp';

const KILLS = Number(process.env.FAZHI_CRASH_KILLS ?? 200);
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('fazhi-crash-'));
});
afterAll(() => cleanup());

it(`survives ${KILLS} SIGKILLs while appending: every confirmed entry is kept and the data validates`, async () => {
  const child = await bundleCrashChild(dir);
  const data = `${dir}/data`;
  const h = await createServices(data);
  expect((await dispatch(h, 'demo.create', {})).ok).toBe(true);
  const t = Date.now();
  const run = await killLoop(child, data, KILLS, 7);
  console.log(`crash test: ${run.kills} kills, ${run.confirmed} confirmed entries, ${((Date.now() - t) / 1000).toFixed(1)} s`);
  expect(run.problems).toEqual([]);
  expect(run.confirmed).toBeGreaterThan(KILLS);
}, 600_000);
