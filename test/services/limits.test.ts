import { describe, expect, it } from 'vitest';
import { servicesPerTest } from '../support/services';

/** Fields the screens never send but the contract accepts (ledger.restore carries whole entries). */

const svc = servicesPerTest({ demo: true });
const call = svc.call;

const entry = (over: Record<string, unknown>) => ({
  id: 'l-limit-1',
  date: '2024-03-01',
  category: 'pufa' as const,
  title: '限长测试',
  createdAt: '2024-03-01T08:00:00.000Z',
  ...over,
});

describe('size limits on every text field', () => {
  it.each([
    ['a 10 MB createdAt', { createdAt: '2'.repeat(10_000_000) }, /创建时间过长/],
    ['a control character in createdAt', { createdAt: '2024-03-01T08:00:00.000Z\u0000' }, /创建时间不能包含控制字符/],
    ['an updatedAt that is no time', { updatedAt: '昨天下午' }, /修改时间不是有效的时间/],
  ])('ledger.restore refuses %s in Chinese and stores nothing', async (_n, over, message) => {
    const before = (await call('ledger.list', { year: 2024 })).length;
    await expect(call('ledger.restore', { year: 2024, entry: entry(over) as never })).rejects.toMatchObject({ code: 'VALIDATION', message });
    expect(await call('ledger.list', { year: 2024 })).toHaveLength(before);
  });

  it('still takes an entry with ordinary time stamps', async () => {
    const r = await call('ledger.restore', { year: 2024, entry: entry({ updatedAt: '2024-03-02T08:00:00.000Z' }) as never });
    expect(r.id).toBe('l-limit-1');
  });
});
