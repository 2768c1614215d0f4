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
