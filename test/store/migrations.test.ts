import { describe, expect, it } from 'vitest';
import { migrate, migrateYear } from '../../src-main/store/migrations';

describe('migration chain', () => {
  it('upgrades step by step to the current version', () => {
    const chain = {
      1: (v: Record<string, unknown>) => ({ ...v, version: 2, renamed: v.old }),
      2: (v: Record<string, unknown>) => ({ ...v, version: 3, added: true }),
    };
    expect(migrate({ version: 1, old: 'x' }, 3, chain)).toEqual({
      kind: 'ok',
      fromVersion: 1,
      value: { version: 3, old: 'x', renamed: 'x', added: true },
    });
    expect(migrate({ version: 3 }, 3, chain)).toMatchObject({ kind: 'ok', fromVersion: 3 });
  });

  it('tells a newer file from a damaged one', () => {
    expect(migrateYear({ version: 9 })).toEqual({ kind: 'newer', version: 9 });
    expect(migrateYear({ version: '1' }).kind).toBe('invalid');
    expect(migrateYear({}).kind).toBe('invalid');
    expect(migrateYear([]).kind).toBe('invalid');
    expect(migrate({ version: 1 }, 3, {}).kind).toBe('invalid'); // a missing step
  });
});
