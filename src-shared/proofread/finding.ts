/**
 * A proofreading finding: structured, so the editor can jump to it and mark it, the CLI can print
 * it and tests can assert on it. Zod-free so the renderer can run the checks live; the schema for
 * stored findings lives with the year file (domain/year.ts).
 *
 * Shared by the importer (which reports what it met on the way: numbering, half-width punctuation)
 * and the proofreader (which runs every check): one shape, one set of codes.
 */

/** The codes are part of the contract: CLI `--json`, stored findings and tests use them as is. */
export const FINDING_CODES = [
  'rate-arithmetic',
  'text-vs-data',
  'same-figure-differs',
  'approx-exact',
  'year-mismatch',
  'numbering',
  'duplicate-phrase',
  'unmatched-pair',
  'half-width',
  'missing-content-item',
  'empty-part',
  'placeholder-no-data',
  'signature-date',
  'title-format',
  'doc-number',
  'signer-missing',
  'cc-ending',
  'print-date',
  'carried-over',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const FINDING_SEVERITIES = ['错误', '提醒'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * Where in the report a finding sits. `partId` null means outside the parts: the title, 主送机关,
 * the preamble, the 落款, the 报送件's 版头/版记 (`issuance`), or the report as a whole (`field` says which).
 */
export const FINDING_FIELDS = ['title', 'recipient', 'preamble', 'heading', 'body', 'signature', 'report', 'issuance'] as const;
export type FindingField = (typeof FINDING_FIELDS)[number];

export interface FindingFix {
  /** what the button says, e.g. 改为全角“，” or 改用占位符 */
  label: string;
  /** replaces `length` characters at `offset` of the same text */
  replacement: string;
}

/** One place of a grouped finding, in the finding's part and field (a paragraph's index, -1 for a heading). */
export interface FindingSpot {
  paragraph: number;
  offset: number;
  length: number;
  replacement: string;
}

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** one Chinese sentence */
  message: string;
  partId: string | null;
  field: FindingField;
  /** index into the part's paragraphs (or the preamble); -1 for a heading, the title, a whole part */
  paragraph: number;
  /** UTF-16 offset and length inside that text; 0/0 when the finding is about the whole text */
  offset: number;
  length: number;
  /** the text found (a few characters around it for context are up to the UI) */
  excerpt: string;
  fix?: FindingFix | undefined;
  /**
   * Every place of a grouped finding (the half-width marks of one part): the finding's own
   * paragraph/offset/length are the first of them, and its fix applies to all of them at once.
   */
  spots?: FindingSpot[] | undefined;
  /**
   * where it sits, in words (the part's heading, 标题, 导语, 落款, 全文); filled in by the service
   * for lists that do not hold the report (overview, export dialog, CLI). Not stored.
   */
  where?: string | undefined;
}

/**
 * A key that survives unrelated edits elsewhere in the report, used to remember "ignore this
 * finding for this year": code + where + the excerpt, not the offset (which moves as text is typed).
 */
export function findingKey(f: Pick<Finding, 'code' | 'partId' | 'field' | 'excerpt'>): string {
  return `${f.code}|${f.partId ?? f.field}|${f.excerpt}`;
}

/** A finding about `length` characters at `offset` of one text (the excerpt is that text). */
export function finding(
  t: { partId: string | null; field: FindingField; paragraph: number; text: string },
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

