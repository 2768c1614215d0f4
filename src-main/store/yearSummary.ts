import type { YearSummary } from '../../src-shared/contract';
import type { YearData } from '../../src-shared/domain/year';
import { flattenParts } from '../../src-shared/text/walk';

/** One line about a year, as the year list and the restore preview show it (parts at every level). */
export function summarizeYear(y: YearData): YearSummary {
  return {
    year: y.year,
    ledgerCount: y.ledger.length,
    mediationCount: y.mediation.length,
    partCount: flattenParts(y.report.parts).length,
    exportCount: y.exports.length,
  };
}

/**
 * Summaries of stored year contents, by the content object: a store never changes a validated
 * content in place (every load and every write puts a new object in its place), so a summary
 * kept here is that content's for as long as it is the file's, and is made again only after the
 * file changed (a write by this process, or another process's write the store noticed).
 */
const summaries = new WeakMap<YearData, YearSummary>();

/** The summary of a year's stored (never mutated) content, made once per content; a copy each call. */
export function storedSummary(y: YearData): YearSummary {
  let s = summaries.get(y);
  if (!s) {
    s = summarizeYear(y);
    summaries.set(y, s);
  }
  return { ...s };
}
