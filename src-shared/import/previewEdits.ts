/**
 * The corrections a clerk makes to an import preview before anything is written, and the commit
 * request built from them. Zod-free (the renderer imports it); the service validates the request
 * again with the contract's schema.
 */
import type { MethodInput } from '../contract';
import type { Part, Report } from '../domain/report';
import type { UnitKind } from '../domain/vocabulary';
import type { Finding } from '../proofread/finding';
import { findPart, indentPart, mergeWithPrevious, newPartId, outdentPart, splitPart, updatePart } from '../report/outline';
import { takenSuggestions } from './relocate';
import type { ImportPreview } from './types';

export type ImportCommitRequest = MethodInput<'import.commit'>;

/** One correction of the detected outline. */
export type PartOp =
  | { kind: 'outdent' | 'indent' | 'merge' }
  | { kind: 'split'; at: number }
  | { kind: 'patch'; patch: Partial<Pick<Part, 'runIn' | 'contentItem' | 'heading'>> };

/** The report after one correction; the same `parts` array when the correction does not apply there. */
export function applyPartOp(r: Report, id: string, op: PartOp, newId: () => string = newPartId): Report {
  const parts = r.parts;
  switch (op.kind) {
    case 'outdent':
      return { ...r, parts: outdentPart(parts, id) };
    case 'indent':
      return { ...r, parts: indentPart(parts, id) };
    case 'merge':
      return { ...r, parts: mergeWithPrevious(parts, id) };
    case 'split':
      return { ...r, parts: splitPart(parts, id, op.at, newId()) };
    case 'patch':
      return { ...r, parts: updatePart(parts, id, op.patch) };
  }
}

/** Where the text of a finding stands in the report as read (its excerpt when the place is gone). */
export function findingText(report: Report, f: Finding): string {
  if (f.field === 'title') return report.title;
  if (f.field === 'recipient') return report.recipient;
  if (f.field === 'preamble') return report.preamble[f.paragraph] ?? '';
  const part = f.partId ? findPart(report.parts, f.partId) : null;
  if (!part) return f.excerpt;
  return f.field === 'heading' ? part.heading : (part.paragraphs[f.paragraph] ?? '');
}

/** What the clerk chose in the preview. */
export interface ImportChoices {
  year: number | null;
  /** the report as corrected */
  report: Report;
  /** the unit to create when the data folder has none (`kind` null: not chosen yet) */
  unit: { shortName: string; fullName: string; kind: UnitKind | null };
  convertHalfWidth: boolean;
  /** keys of the ticked indicator suggestions */
  ticked: ReadonlySet<string>;
  /** ticked figures become placeholders in the text */
  placeholders: boolean;
}

/**
 * The `import.commit` request for the clerk's choices, or the first thing still missing, in words.
 * Findings of parts merged away no longer have a place and are dropped.
 */
export function importCommitRequest(
  preview: ImportPreview,
  c: ImportChoices,
  mode: 'new' | 'replace',
): { ok: true; request: ImportCommitRequest } | { ok: false; problem: string } {
  if (c.year === null) return { ok: false, problem: '请填写报告年度' };
  const shortName = c.unit.shortName.trim();
  const fullName = c.unit.fullName.trim();
  if (!preview.unitExists && (!shortName || !fullName)) return { ok: false, problem: '数据文件夹中还没有单位：请填写单位简称和全称' };
  const kind = c.unit.kind;
  if (!preview.unitExists && !kind) return { ok: false, problem: '数据文件夹中还没有单位：请选择单位类型（镇、乡、街道、区或县）' };
  if (!c.report.title.trim()) return { ok: false, problem: '请填写报告标题' };
  const partIds = new Set<string>();
  const collect = (ps: Part[]) => ps.forEach((p) => (partIds.add(p.id), collect(p.children)));
  collect(c.report.parts);
  const chosen = preview.suggestions.filter((s) => c.ticked.has(s.key));
  return {
    ok: true,
    request: {
      year: c.year,
      report: c.report,
      convertHalfWidth: c.convertHalfWidth,
      take: takenSuggestions(preview.report, c.report, chosen, c.placeholders),
      findings: preview.findings.filter((f) => f.partId === null || partIds.has(f.partId)),
      mode,
      ...(preview.unitExists || !kind ? {} : { unit: { shortName, fullName, kind } }),
    },
  };
}
