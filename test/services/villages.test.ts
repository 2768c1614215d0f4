import { describe, expect, it } from 'vitest';
import { servicesPerTest } from '../support/services';

/** The unit's villages (村（社区）) and the records that name them. */

const call = servicesPerTest({ demo: true, now: () => new Date('2025-02-10T09:00:00') }).call;

describe('villages', () => {
  it('removing a village with entries is refused unless their destination is chosen', async () => {
    const unit = (await call('unit.get', {}))!;
    const v1 = unit.villages[0]!;
    const withoutV1 = { ...unit, villages: unit.villages.slice(1) };
    await expect(call('unit.save', { unit: withoutV1 })).rejects.toThrow(/仍有\d+条记录/);
    const before = (await call('ledger.list', { year: 2024 })).filter((e) => e.villageId === v1.id).length;
    expect(before).toBeGreaterThan(0);
    const r = await call('unit.removeVillage', { villageId: v1.id, reassignTo: unit.villages[1]!.id });
    expect(r.moved).toBeGreaterThanOrEqual(before);
    expect(r.unit.villages.find((v) => v.id === v1.id)).toBeUndefined();
    const after = await call('ledger.list', { year: 2024 });
    expect(after.some((e) => e.villageId === v1.id)).toBe(false);
  });
});
