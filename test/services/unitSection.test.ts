import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import type { Call } from '../../src-shared/contract';

/**
 * Checks that read then write (is the village in use? is the indicator quoted?) run in the
 * store's critical section: racing them against the writes they guard — from a second program
 * on the same folder — never leaves an entry of a removed village or a quote of a removed indicator.
 */

let dir: string;
let cleanup: () => Promise<void>;
let a: Call;
let b: Call;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  ({ call: a } = await servicesClient(dir));
  await a('demo.create', {});
  // a second program (the CLI, the browser version) on the same data folder
  ({ call: b } = await servicesClient(dir));
});
afterEach(() => cleanup());

const settle = <T>(p: Promise<T>) => p.then(
  (v) => ({ ok: true as const, v }),
  (e: unknown) => ({ ok: false as const, e }),
);

describe('read-then-write checks inside the critical section', () => {
  it('a village removed while entries are being added for it leaves no entry pointing at nothing', async () => {
    const unit = (await a('unit.get', {}))!;
    const victims = unit.villages.slice(0, 6);
    for (const [i, v] of victims.entries()) {
      const adds = Array.from({ length: 4 }, (_, k) =>
        settle(b('ledger.add', { year: 2024, entry: { date: '2024-06-01', category: 'pufa', title: `竞速${i}-${k}`, villageId: v.id } })),
      );
      const removal = settle(a('unit.removeVillage', { villageId: v.id, reassignTo: null }));
      await Promise.all([...adds, removal]);
    }
    const now = (await a('unit.get', {}))!;
    const ids = new Set(now.villages.map((v) => v.id));
    const ledger = await a('ledger.list', { year: 2024 });
    expect(ledger.filter((e) => e.villageId !== undefined && !ids.has(e.villageId)).map((e) => `${e.title}→${e.villageId}`)).toEqual([]);
    for (const v of victims) expect(ids.has(v.id)).toBe(false);
  });

  it('unit.save dropping a village refuses while it is in use, also when the use is added concurrently', async () => {
    const unit = (await a('unit.get', {}))!;
    for (const v of unit.villages.slice(0, 6)) {
      const cur = (await a('unit.get', {}))!;
      const without = { ...cur, villages: cur.villages.filter((x) => x.id !== v.id) };
      await Promise.all([
        settle(b('ledger.add', { year: 2024, entry: { date: '2024-07-01', category: 'pufa', title: `保存竞速${v.id}`, villageId: v.id } })),
        settle(a('unit.save', { unit: without })),
      ]);
    }
    const ids = new Set((await a('unit.get', {}))!.villages.map((v) => v.id));
    const ledger = await a('ledger.list', { year: 2024 });
    expect(ledger.filter((e) => e.villageId !== undefined && !ids.has(e.villageId)).map((e) => e.title)).toEqual([]);
  });
});
