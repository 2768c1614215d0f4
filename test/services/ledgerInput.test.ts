import { describe, expect, it } from 'vitest';
import { servicesPerTest } from '../support/services';

/** What a ledger entry must be to be saved, and how its text is cleaned. */

const call = servicesPerTest({ demo: true, now: () => new Date('2025-02-10T09:00:00') }).call;

describe('ledger input', () => {
  it('ledger entries must lie in the year and name a known village; undo restores a removed one', async () => {
    await expect(call('ledger.add', { year: 2024, entry: { date: '2023-12-31', category: 'pufa', title: 'x' } })).rejects.toThrow('不在2024年度内');
    await expect(call('ledger.add', { year: 2024, entry: { date: '2024-01-02', category: 'pufa', title: 'x', villageId: 'nope' } })).rejects.toThrow('不存在');
    const e = await call('ledger.add', { year: 2024, entry: { date: '2024-01-02', category: 'pufa', title: '新年普法', participants: 20 } });
    const removed = await call('ledger.remove', { year: 2024, id: e.id });
    expect((await call('ledger.list', { year: 2024 })).some((x) => x.id === e.id)).toBe(false);
    await call('ledger.restore', { year: 2024, entry: removed });
    expect((await call('ledger.list', { year: 2024 })).find((x) => x.id === e.id)).toMatchObject({ title: '新年普法', participants: 20 });
  });

  it('text with control characters is cleaned where it enters', async () => {
    const e = await call('ledger.add', { year: 2024, entry: { date: '2024-01-02', category: 'pufa', title: 'a\u0001b\u0000c\uD800' } });
    expect(e.title).toBe('abc');
  });
});
