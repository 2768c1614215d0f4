import type { Implements } from '../../../src-shared/methods/declare';
import type { LEDGER_METHODS } from '../../../src-shared/methods/ledger';
import { LEDGER_CATEGORIES } from '../../../src-shared/catalog/ledgerCategories';
import type { LedgerEntry, LedgerFields, MediationCase, MediationFields } from '../../../src-shared/domain/ledger';
import type { ServiceContext } from '../context';
import { entryOps } from '../entryOps';

/** The methods declared in src-shared/methods/ledger.ts, no more, no less. */
type H = Implements<typeof LEDGER_METHODS>;

export function ledgerHandlers(ctx: ServiceContext): H {
  const ledger = entryOps<LedgerFields, LedgerEntry>(ctx, 'ledger', '台账记录');
  const mediation = entryOps<MediationFields, MediationCase>(ctx, 'mediation', '调解案件');
  return {
    'ledger.categories': async () => [...LEDGER_CATEGORIES],
    'ledger.list': ({ year }) => ledger.list(year),
    'ledger.add': ({ year, entry }) => ledger.add(year, entry),
    'ledger.update': ({ year, id, entry }) => ledger.update(year, id, entry),
    'ledger.remove': ({ year, id }) => ledger.remove(year, id),
    'ledger.restore': ({ year, entry }) => ledger.restore(year, entry),
    'mediation.list': ({ year }) => mediation.list(year),
    'mediation.add': ({ year, entry }) => mediation.add(year, entry),
    'mediation.update': ({ year, id, entry }) => mediation.update(year, id, entry),
    'mediation.remove': ({ year, id }) => mediation.remove(year, id),
    'mediation.restore': ({ year, entry }) => mediation.restore(year, entry),
    'ledger.addMany': ({ year, entries, remember }) => ledger.addMany(year, entries, remember),
    'ledger.removeMany': ({ year, ids }) => ledger.removeMany(year, ids),
    'mediation.addMany': ({ year, entries, remember }) => mediation.addMany(year, entries, remember),
    'mediation.removeMany': ({ year, ids }) => mediation.removeMany(year, ids),
  };
}
