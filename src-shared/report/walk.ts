/**
 * Every piece of text a report holds — the preamble, then each part's heading and paragraphs in
 * outline order — with the part it belongs to. One walker, so checks (unknown placeholders, who
 * quotes an indicator, proofreading) never forget the preamble or a nested part.
 */
import type { Part, Report } from '../domain/report';

export const PREAMBLE_LABEL = '导语';

export interface ReportText {
  text: string;
  /** the part's heading, or 导语 */
  where: string;
  part: Part | null;
}

export function flattenParts(parts: readonly Part[]): Part[] {
  return parts.flatMap((p) => [p, ...flattenParts(p.children)]);
}

export function* reportTexts(report: Pick<Report, 'preamble' | 'parts'>): Generator<ReportText> {
  for (const text of report.preamble) yield { text, where: PREAMBLE_LABEL, part: null };
  for (const part of flattenParts(report.parts)) {
    const where = part.heading || '无标题部分';
    yield { text: part.heading, where, part };
    for (const text of part.paragraphs) yield { text, where, part };
  }
}
