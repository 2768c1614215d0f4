/**
 * Every piece of text a report holds, in reading order, with where it sits: the title, 主送机关,
 * the preamble, each part's heading and paragraphs (nested parts included), the 落款 name. One
 * walker, so no check and no conversion forgets the preamble or a nested part: the proofreader,
 * the import (half-width marks, indicator figures), the overview and the placeholder checks read
 * the report through it.
 */
import type { ContentItem, Part, Report } from '../domain/report';
import type { FindingField } from '../proofread/finding';

export const PREAMBLE_LABEL = '导语';

export interface TextSlot {
  field: FindingField;
  partId: string | null;
  /** index into the part's paragraphs (or the preamble); -1 for a heading, the title, 主送机关, 落款 */
  paragraph: number;
  text: string;
  part: Part | null;
  /** content item of the level-1 part this text belongs to */
  item: ContentItem | undefined;
  /** the part's heading, or 标题 / 主送机关 / 导语 / 落款 */
  where: string;
}

type Walkable = Pick<Report, 'preamble' | 'parts'> & Partial<Pick<Report, 'title' | 'recipient' | 'signature'>>;

export function flattenParts(parts: readonly Part[]): Part[] {
  return parts.flatMap((p) => [p, ...flattenParts(p.children)]);
}

/** The slots of one part (its heading, then its paragraphs), not its sub-parts. */
export function partSlots(part: Part, item: ContentItem | undefined): TextSlot[] {
  const where = part.heading.trim() || '无标题部分';
  const base = { partId: part.id, part, item, where };
  return [{ ...base, field: 'heading', paragraph: -1, text: part.heading }, ...part.paragraphs.map((text, i): TextSlot => ({ ...base, field: 'body', paragraph: i, text }))];
}

export interface WalkOptions {
  /** include the title, 主送机关 and 落款 name (when the report has them) */
  frame?: boolean;
}

/** Every text slot of the report in reading order. */
export function reportSlots(report: Walkable, opts: WalkOptions = {}): TextSlot[] {
  const out: TextSlot[] = [];
  const front = (field: FindingField, text: string, where: string) => out.push({ field, partId: null, paragraph: -1, text, part: null, item: undefined, where });
  if (opts.frame && report.title !== undefined) front('title', report.title, '标题');
  if (opts.frame && report.recipient !== undefined) front('recipient', report.recipient, '主送机关');
  report.preamble.forEach((text, i) => out.push({ field: 'preamble', partId: null, paragraph: i, text, part: null, item: undefined, where: PREAMBLE_LABEL }));
  const walk = (parts: readonly Part[], item: ContentItem | undefined, top: boolean) => {
    for (const p of parts) {
      const it = top ? p.contentItem : item;
      out.push(...partSlots(p, it));
      walk(p.children, it, false);
    }
  };
  walk(report.parts, undefined, true);
  if (opts.frame && report.signature) front('signature', report.signature.name, '落款');
  return out;
}

/** Put `text` where `slot` was read from (the report is changed in place). */
export function writeSlot(report: Report, slot: Pick<TextSlot, 'field' | 'partId' | 'paragraph'>, text: string): void {
  if (slot.field === 'title') report.title = text;
  else if (slot.field === 'recipient') report.recipient = text;
  else if (slot.field === 'signature') report.signature.name = text;
  else if (slot.field === 'preamble') report.preamble[slot.paragraph] = text;
  else {
    const p = flattenParts(report.parts).find((x) => x.id === slot.partId);
    if (!p) return;
    if (slot.field === 'heading') p.heading = text;
    else p.paragraphs[slot.paragraph] = text;
  }
}

export interface ReportText {
  text: string;
  /** the part's heading, or 导语 */
  where: string;
  part: Part | null;
}

/** The preamble and every part's heading and paragraphs, in reading order. */
export function reportTexts(report: Walkable): ReportText[] {
  return reportSlots(report).map(({ text, where, part }) => ({ text, where, part }));
}
