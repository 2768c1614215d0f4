import type { Handlers } from '../../../src-shared/contract';
import { LEDGER_CATEGORIES } from '../../../src-shared/catalog/ledgerCategories';
import type { LedgerEntry, LedgerFields, MediationCase, MediationFields } from '../../../src-shared/domain/ledger';
import type { ServiceContext } from '../context';
import { entryOps } from '../entryOps';

type H = Pick<
  Handlers,
  | 'ledger.categories'
  | 'ledger.list'
  | 'ledger.add'
  | 'ledger.update'
  | 'ledger.remove'
  | 'ledger.restore'
  | 'mediation.list'
  | 'mediation.add'
  | 'mediation.update'
  | 'mediation.remove'
  | 'mediation.restore'
  | 'ledger.addMany'
  | 'ledger.removeMany'
  | 'mediation.addMany'
  | 'mediation.removeMany'
>;

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
