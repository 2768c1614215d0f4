import type { IndicatorDef, IndicatorSource } from '../../../src-shared/domain/indicatorSchema';
import type { IndicatorReading } from '../../../src-shared/domain/wording';
import { SOURCE_LABELS, rateProblem } from '../../../src-shared/domain/wording';
import { BUILT_IN_INDICATORS } from '../../../src-shared/catalog/builtInIndicators';
import { findLedgerCategory } from '../../../src-shared/catalog/ledgerCategories';
import type { Unit } from '../../../src-shared/domain/unit';
import type { YearData } from '../../../src-shared/domain/year';

export function indicatorDefs(unit: Unit | null): IndicatorDef[] {
  return [...BUILT_IN_INDICATORS, ...(unit?.customIndicators ?? [])];
}

const catNames = (ids: string[]) => ids.map((id) => findLedgerCategory(id)?.name ?? id).join('、');

export function describeSource(s: IndicatorSource, byId: ReadonlyMap<string, IndicatorDef>): string {
  switch (s.type) {
    case 'manual':
    case 'villageCount':
      return SOURCE_LABELS[s.type];
    case 'ledgerCount':
    case 'ledgerVillages':
      return `${SOURCE_LABELS[s.type]}：${catNames(s.categories)}`;
    case 'ledgerSum':
      return `${SOURCE_LABELS.ledgerSum}：${catNames(s.categories)}的${s.field === 'participants' ? '参与人数' : '发放资料数'}`;
    case 'mediationCount':
      return s.outcome ? `调解案件中结果为“${s.outcome}”的` : SOURCE_LABELS.mediationCount;
    case 'rate':
      return `${byId.get(s.numerator)?.name ?? s.numerator} ÷ ${byId.get(s.denominator)?.name ?? s.denominator}`;
  }
}

/**
 * In a figures-only year (last year's figures, issue 13) the clerk types what would otherwise be
 * counted from a ledger that year never had; rates and the village count are still derived.
 */
export function typedIn(data: Pick<YearData, 'figuresOnly'>, s: IndicatorSource): boolean {
  return data.figuresOnly === true && s.type !== 'rate' && s.type !== 'villageCount';
}

/**
 * Whether the overview counts a reading as filled: typed by the clerk, or computed from a source
 * that has data. A count of zero from an empty ledger is not a figure anyone reported.
 */
export function isFilled(r: IndicatorReading, data: YearData, readings: ReadonlyMap<string, IndicatorReading>): boolean {
  if (r.value === null) return false;
  const s = r.def.source;
  if (!r.computed) return true;
  switch (s.type) {
    case 'manual':
      return true;
    case 'ledgerCount':
    case 'ledgerSum':
    case 'ledgerVillages': {
      const cats = new Set(s.categories);
      return data.ledger.some((e) => cats.has(e.category));
    }
    case 'mediationCount':
      return data.mediation.length > 0;
    case 'villageCount':
      return r.value > 0;
    case 'rate': {
      const part = (id: string) => readings.get(id);
      const n = part(s.numerator);
      const d = part(s.denominator);
      return !!n && !!d && isFilled(n, data, readings) && isFilled(d, data, readings);
    }
  }
}

/**
 * Every indicator's figure for one year. Counted and summed indicators come from the ledger and
 * the mediation cases, so a figure in the report can always be traced to entries.
 */
export function computeReadings(unit: Unit | null, data: YearData): Map<string, IndicatorReading> {
  const defs = indicatorDefs(unit);
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out = new Map<string, IndicatorReading>();
  const resolving = new Set<string>();

  const valueOf = (def: IndicatorDef): number | null => {
    const s = def.source;
    if (typedIn(data, s)) return data.values[def.id]?.value ?? null;
    switch (s.type) {
      case 'manual': {
        const v = data.values[def.id]?.value;
        return v === undefined ? null : v;
      }
      case 'ledgerCount': {
        const cats = new Set(s.categories);
        let n = 0;
        for (const e of data.ledger) if (cats.has(e.category)) n++;
        return n;
      }
      case 'ledgerSum': {
        const cats = new Set(s.categories);
        let n = 0;
        for (const e of data.ledger) if (cats.has(e.category)) n += e[s.field] ?? 0;
        return n;
      }
      case 'ledgerVillages': {
        const cats = new Set(s.categories);
        const seen = new Set<string>();
        const known = new Set(unit?.villages.map((v) => v.id) ?? []);
        for (const e of data.ledger) if (cats.has(e.category) && e.villageId && known.has(e.villageId)) seen.add(e.villageId);
        return seen.size;
      }
      case 'mediationCount':
        return s.outcome ? data.mediation.filter((c) => c.outcome === s.outcome).length : data.mediation.length;
      case 'villageCount':
        // a unit whose villages were never entered has no village count: not 0 (a report would
        // print "0个村（社区）"), a figure still missing
        return unit && unit.villages.length > 0 ? unit.villages.length : null;
      case 'rate': {
        const num = reading(s.numerator)?.value ?? null;
        const den = reading(s.denominator)?.value ?? null;
        // more than 100% is flagged (see reading) and never printed
        if (num === null || den === null || den === 0 || num > den) return null;
        return Math.round((num / den) * 1000) / 10;
      }
    }
  };

  const reading = (id: string): IndicatorReading | undefined => {
    const hit = out.get(id);
    if (hit) return hit;
    const def = byId.get(id);
    if (!def || resolving.has(id)) return undefined;
    resolving.add(id);
    const r: IndicatorReading = {
      def,
      value: valueOf(def),
      wording: data.values[id]?.wording ?? '',
      origin: describeSource(def.source, byId),
      computed: def.source.type !== 'manual' && !typedIn(data, def.source),
    };
    resolving.delete(id);
    if (def.source.type === 'rate') {
      const part = (pid: string) => {
        const p = out.get(pid);
        return { name: p?.def.name ?? pid, value: p?.value ?? null };
      };
      const problem = rateProblem(part(def.source.numerator), part(def.source.denominator));
      if (problem) r.problem = problem;
    }
    out.set(id, r);
    return r;
  };

  for (const d of defs) reading(d.id);
  // the clerk typed the wrong figure into a part, so the part says it too
  for (const r of out.values()) {
    if (!r.problem || r.def.source.type !== 'rate') continue;
    for (const pid of [r.def.source.numerator, r.def.source.denominator]) {
      const p = out.get(pid);
      if (p && !p.problem) p.problem = r.problem;
    }
  }
  return out;
}
