/**
 * What every check sees: the report cut into texts (title, preamble paragraphs, each part's heading
 * and paragraphs) with where they sit, the year and the year's indicator readings. Zod-free and
 * type-only imports of the domain, so the renderer runs the checks on every keystroke.
 */
import type { ContentItem, Part, Report } from '../domain/report';
import type { IndicatorReading } from '../domain/wording';
import { PLACEHOLDER_RE } from '../report/placeholders';
import { partSlots, reportSlots, type TextSlot } from '../text/walk';

export type ProofreadReport = Pick<Report, 'title' | 'preamble' | 'parts' | 'signature'> & { recipient?: string; issuance?: Report['issuance'] };

export interface ProofreadInput {
  report: ProofreadReport;
  year: number;
  /** the year's figures by indicator id (services: computeReadings; renderer: indicators.list) */
  readings: ReadonlyMap<string, IndicatorReading>;
  /** the unit's names, for the title check; absent = not checked */
  unit?: { shortName: string; fullName: string } | null;
  /**
   * Last year's figures by indicator id, only those last year holds (see `hasData`): a typed figure
   * that matches one of them is text carried from last year's report (新建下一年度 → 沿用上年正文).
   * Absent = no last year, nothing flagged.
   */
  lastYear?: ReadonlyMap<string, number> | null | undefined;
}

/**
 * One piece of text a check reads, with its place in the report (a slot of the one report walker)
 * and `masked`: the same text with each placeholder replaced by private-use characters of the same
 * length, so offsets stay those of the stored text and no check reads an indicator id as words or figures.
 */
export interface CheckText extends TextSlot {
  masked: string;
}

export const MASK = '\ue000';

export function maskPlaceholders(text: string): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER_RE, (m) => MASK.repeat(m.length));
}

const checkText = (slot: TextSlot): CheckText => ({ ...slot, masked: maskPlaceholders(slot.text) });

export function partTexts(part: Part, item: ContentItem | undefined): CheckText[] {
  return partSlots(part, item).map(checkText);
}

/** Every text of the report in reading order (preamble and parts), each with the content item of its level-1 part. */
export function reportCheckTexts(report: ProofreadReport): CheckText[] {
  return reportSlots(report).map(checkText);
}
