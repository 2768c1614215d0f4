/**
 * What every check sees: the report cut into texts (title, preamble paragraphs, each part's heading
 * and paragraphs) with where they sit, the year and the year's indicator readings. Zod-free and
 * type-only imports of the domain, so the renderer runs the checks on every keystroke.
 */
import type { ContentItem, Part, Report } from '../domain/report';
import type { IndicatorReading } from '../domain/wording';
import type { Finding, FindingCode, FindingField, FindingFix, FindingSeverity } from './finding';
import { PLACEHOLDER_RE } from '../report/placeholders';

export type ProofreadReport = Pick<Report, 'title' | 'preamble' | 'parts' | 'signature'> & { recipient?: string; issuance?: Report['issuance'] };

export interface ProofreadInput {
  report: ProofreadReport;
  year: number;
  /** the year's figures by indicator id (services: computeReadings; renderer: indicators.list) */
  readings: ReadonlyMap<string, IndicatorReading>;
  /** the unit's names, for the title check; absent = not checked */
  unit?: { shortName: string; fullName: string } | null;
}

/** One piece of text a check reads, with its place in the report. */
export interface CheckText {
  partId: string | null;
  field: FindingField;
  paragraph: number;
  /** the stored text, placeholders as `{{id}}` */
  text: string;
  /**
   * the same text with each placeholder replaced by private-use characters of the same length, so
   * offsets stay those of the stored text and no check reads an indicator id as words or figures
   */
  masked: string;
  part: Part | null;
  /** content item of the level-1 part this text belongs to */
  item: ContentItem | undefined;
  /** heading of the part (or 导语 / 标题 / 落款) */
  where: string;
}

export const MASK = '\ue000';

export function maskPlaceholders(text: string): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER_RE, (m) => MASK.repeat(m.length));
}

export function partTexts(part: Part, item: ContentItem | undefined): CheckText[] {
  const where = part.heading.trim() || '无标题部分';
  const base = { partId: part.id, part, item, where };
  const out: CheckText[] = [{ ...base, field: 'heading', paragraph: -1, text: part.heading, masked: maskPlaceholders(part.heading) }];
  part.paragraphs.forEach((text, i) => out.push({ ...base, field: 'body', paragraph: i, text, masked: maskPlaceholders(text) }));
  return out;
}

/** Every text of the report in reading order, each with the content item of its level-1 part. */
export function reportCheckTexts(report: ProofreadReport): CheckText[] {
  const out: CheckText[] = [];
  report.preamble.forEach((text, i) =>
    out.push({ partId: null, field: 'preamble', paragraph: i, text, masked: maskPlaceholders(text), part: null, item: undefined, where: '导语' }),
  );
  const walk = (parts: readonly Part[], item: ContentItem | undefined, top: boolean) => {
    for (const p of parts) {
      const it = top ? p.contentItem : item;
      out.push(...partTexts(p, it));
      walk(p.children, it, false);
    }
  };
  walk(report.parts, undefined, true);
  return out;
}

export function finding(
  t: Pick<CheckText, 'partId' | 'field' | 'paragraph' | 'text'>,
  code: FindingCode,
  severity: FindingSeverity,
  message: string,
  offset: number,
  length: number,
  fix?: FindingFix,
): Finding {
  const f: Finding = {
    code,
    severity,
    message,
    partId: t.partId,
    field: t.field,
    paragraph: t.paragraph,
    offset,
    length,
    excerpt: t.text.slice(offset, offset + length) || t.text.slice(0, 40),
  };
  if (fix) f.fix = fix;
  return f;
}

/** A finding about a whole part or the whole report (no text to mark). */
export function wholeFinding(
  partId: string | null,
  field: FindingField,
  code: FindingCode,
  severity: FindingSeverity,
  message: string,
  excerpt: string,
): Finding {
  return { code, severity, message, partId, field, paragraph: -1, offset: 0, length: 0, excerpt: excerpt.slice(0, 100) };
}

/** Clause delimiters: a figure and the words naming it sit between two of these. */
export const CLAUSE_BREAK = /[，。；：！？、,;:!?\n]/;
export const SENTENCE_BREAK = /[。；！？;!?\n]/;

/** Start of the clause (or sentence) holding `offset`. */
export function clauseStart(text: string, offset: number, re: RegExp = CLAUSE_BREAK): number {
  for (let i = offset - 1; i >= 0; i--) if (re.test(text[i]!)) return i + 1;
  return 0;
}
export function clauseEnd(text: string, offset: number, re: RegExp = CLAUSE_BREAK): number {
  for (let i = offset; i < text.length; i++) if (re.test(text[i]!)) return i;
  return text.length;
}

/** Spans of 《…》 and “…” (document names, quoted titles): their figures and years are not the report's. */
export function quotedSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/《[^《》]*》|“[^“”]*”|「[^「」]*」/g)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
export function inSpans(spans: ReadonlyArray<[number, number]>, offset: number): boolean {
  return spans.some(([a, b]) => offset >= a && offset < b);
}
