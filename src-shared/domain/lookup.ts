/**
 * Name → id lookups for villages, ledger categories, mediation kinds and outcomes, shared by the
 * CLI (`ledger add --village 东村`) and the spreadsheet import. Zod-free so the renderer may use it.
 */
import { LEDGER_CATEGORIES, findLedgerCategory, type LedgerCategory } from '../catalog/ledgerCategories';
import { MEDIATION_KINDS, MEDIATION_OUTCOMES, type MediationOutcome } from './vocabulary';

type MediationKind = (typeof MEDIATION_KINDS)[number];

interface VillageLike {
  id: string;
  name: string;
}

/** Spaces (also full-width), brackets and the 委员会 suffixes a sheet may add around a name. */
export function normalizeName(s: string): string {
  const n = s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  // 东山村村委会 / 东山村委会 → 东山村; 和平社区居委会 / 和平居委会 → 和平社区
  const village = /^(.+?)(村民委员会|村委会)$/.exec(n);
  if (village) return village[1]!.endsWith('村') ? village[1]! : `${village[1]}村`;
  const community = /^(.+?)(社区居民委员会|居民委员会|社区居委会|居委会)$/.exec(n);
  if (community) return community[1]!.endsWith('社区') ? community[1]! : `${community[1]}社区`;
  return n;
}

/** Exact id or name; the CLI's rule (no guessing on the command line). */
export function findVillage<V extends VillageLike>(villages: readonly V[], idOrName: string): V | undefined {
  return villages.find((v) => v.id === idOrName || v.name === idOrName);
}

/**
 * A village as a sheet spells it: "东村", "东 村", "东村村委会", or "东" for 东村. Ambiguous short
 * forms (two villages start with the same name) stay unknown rather than guessed.
 */
export function matchVillage<V extends VillageLike>(villages: readonly V[], text: string): V | undefined {
  const exact = findVillage(villages, text.trim());
  if (exact) return exact;
  const n = normalizeName(text);
  if (!n) return undefined;
  const byNorm = villages.filter((v) => normalizeName(v.name) === n);
  if (byNorm.length === 1) return byNorm[0];
  const stem = (s: string) => s.replace(/(社区|村)$/, '');
  const byStem = villages.filter((v) => stem(normalizeName(v.name)) === stem(n));
  return byStem.length === 1 ? byStem[0] : undefined;
}

/** Exact id or name of a ledger category (the CLI's rule). */
export function findCategory(idOrName: string): LedgerCategory | undefined {
  return findLedgerCategory(idOrName.trim());
}

/** A category as a sheet spells it: exact, or the one category whose name contains it or is contained in it. */
export function matchCategory(text: string): LedgerCategory | undefined {
  const exact = findCategory(text);
  if (exact) return exact;
  const n = normalizeName(text);
  if (!n) return undefined;
  const hits = LEDGER_CATEGORIES.filter((c) => c.name !== '其他' && (n.includes(c.name) || c.name.includes(n)));
  if (hits.length === 1) return hits[0];
  // "禁毒普法授课活动" contains both 禁毒普法授课 and nothing else longer: prefer the longest contained name
  const contained = hits.filter((c) => n.includes(c.name)).sort((a, b) => b.name.length - a.name.length);
  if (contained.length && (contained.length === 1 || contained[0]!.name.length > contained[1]!.name.length)) return contained[0];
  return undefined;
}

export function matchMediationKind(text: string): MediationKind | undefined {
  const n = normalizeName(text).replace(/(纠纷|矛盾|案件|类)$/, '');
  if (!n) return undefined;
  const exact = MEDIATION_KINDS.find((k) => k === n || k.replace(/纠纷$/, '') === n);
  if (exact) return exact;
  const hits = MEDIATION_KINDS.filter((k) => k !== '其他' && (n.includes(k.replace(/纠纷$/, '')) || k.includes(n)));
  return hits.length === 1 ? hits[0] : undefined;
}

export function matchMediationOutcome(text: string): MediationOutcome | undefined {
  const n = normalizeName(text);
  if (!n) return undefined;
  if ((MEDIATION_OUTCOMES as readonly string[]).includes(n)) return n as MediationOutcome;
  // negative forms first: 调解不成功 contains 成功
  if (/(未成功|不成功|失败|未达成|终止|不成)/.test(n)) return '未成功';
  if (/(调解中|进行中|正在|在办|未结|受理中|待)/.test(n)) return '调解中';
  if (/(成功|达成|已调|调结|办结|结案|是)/.test(n)) return '成功';
  return undefined;
}
