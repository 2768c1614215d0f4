/**
 * The report as it prints: headings numbered by position, indicator placeholders replaced by their
 * figures, parts with no text left out. The preview, the Word export, the print view and the
 * proofreader all read this one form (RenderedReport, domain/rendered.ts), so they cannot disagree on
 * a number or a figure. Also the one writing of a figure (formatNumber / formatReading).
 */
import { AppError } from '../errors';
import { chineseDateText } from '../dates';
import type { IndicatorReading } from '../domain/wording';
import type { Part, PartTable, Report } from '../domain/report';
import { REQUIRED_CONTENT_ITEMS, type ContentItem } from '../domain/vocabulary';
import type { RenderedBlock, RenderedReport, RenderedTable } from '../domain/rendered';
import { headingNumber, runInHeading } from '../text/headingNumbers';
import { findPlaceholders } from './placeholders';
import { DRAFT_MARK, MISSING_MARK } from './missingMarks';

export function formatNumber(n: number): string {
  // rates are kept to one decimal; "95.0" reads as "95" in a report
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

/** "55条", "100%", or with the rounded wording "40余次". */
export function formatReading(r: IndicatorReading, rounded: boolean): string | null {
  if (rounded && r.wording) return `${r.wording}${r.def.measure}`;
  if (r.value === null) return null;
  return `${formatNumber(r.value)}${r.def.measure}`;
}

/** "2025年1月20日" (the one writing of a date for the clerk: src-shared/dates) */
export const chineseDate = chineseDateText;

export interface MissingPlaceholder {
  id: string;
  name: string;
  partHeading: string;
  /** the indicator no longer exists (a deleted custom one), as opposed to not filled in yet */
  unknown?: boolean;
}


/** Replace placeholders; collects the ones that have no figure instead of throwing. */
export function resolveText(
  text: string,
  readings: ReadonlyMap<string, IndicatorReading>,
  onMissing: (id: string) => void,
  mark: (name: string) => string = MISSING_MARK,
): string {
  const tokens = findPlaceholders(text);
  if (!tokens.length) return text;
  let out = '';
  let last = 0;
  for (const t of tokens) {
    out += text.slice(last, t.start);
    const r = readings.get(t.id);
    const shown = r ? formatReading(r, t.rounded) : null;
    if (shown === null) {
      onMissing(t.id);
      out += mark(r?.def.name ?? t.id);
    } else out += shown;
    last = t.end;
  }
  return out + text.slice(last);
}

export interface RenderInput {
  report: Report;
  readings: ReadonlyMap<string, IndicatorReading>;
  /** unit's signature name and 主送机关 when the report does not override them */
  unitSignatureName: string;
  unitRecipient: string;
  /** ISO date used when the signature has no date of its own */
  today: string;
  /** 征求意见稿: missing figures print as 【待填：指标名】 */
  draft?: boolean;
}

/** A part left out of the output because nothing in it has text (no bare heading is printed). */
export interface OmittedPart {
  partId: string;
  heading: string;
  contentItem?: ContentItem | undefined;
  /** a content item the regulation requires: the proofreader reports it */
  required: boolean;
  /** 1-based depth in the outline */
  level: number;
  /** the printed block it would have followed (null = before the first), for the preview to show it greyed */
  afterPartId: string | null;
}

export interface RenderResult {
  rendered: RenderedReport;
  missing: MissingPlaceholder[];
  /** parts with no text anywhere in them, not printed */
  omitted?: OmittedPart[];
}

const hasText = (t: string) => t.trim() !== '';

/** Whether a part prints anything: body text in it or below it, or a run-in heading (itself a sentence). */
export function partHasText(p: Part): boolean {
  return (p.runIn && hasText(p.heading)) || p.paragraphs.some(hasText) || (p.tables ?? []).length > 0 || p.children.some(partHasText);
}

/** Tables with figures resolved and `after` counting only the paragraphs that print (blank ones do not). */
function renderTables(tables: PartTable[] | undefined, resolved: string[], resolve: (t: string) => string): RenderedTable[] {
  return (tables ?? []).map((t) => {
    const cols = Math.max(1, ...t.rows.map((r) => r.length));
    return {
      after: resolved.slice(0, t.after).filter(hasText).length,
      rows: t.rows.map((r) => Array.from({ length: cols }, (_, j) => resolve(r[j] ?? ''))),
      headerRows: Math.min(t.headerRows, t.rows.length),
      size: t.size,
    };
  });
}

/** Number the parts by position and resolve figures. Never throws: callers decide on `missing`. */
export function renderReport(input: RenderInput): RenderResult {
  const { report, readings } = input;
  const missing: MissingPlaceholder[] = [];
  const omitted: OmittedPart[] = [];
  const blocks: RenderedBlock[] = [];
  const resolve = (text: string, heading: string) =>
    resolveText(
      text,
      readings,
      (id) => {
        const r = readings.get(id);
        missing.push({ id, name: r?.def.name ?? id, partHeading: heading, unknown: !r });
      },
      input.draft ? DRAFT_MARK : MISSING_MARK,
    );

  const walk = (parts: Part[], level: number) => {
    // numbered by position among the parts that print
    let i = 0;
    for (const p of parts) {
      if (!partHasText(p)) {
        const item = level === 1 ? p.contentItem : undefined;
        omitted.push({
          partId: p.id,
          heading: p.heading,
          contentItem: item,
          required: !!item && REQUIRED_CONTENT_ITEMS.includes(item),
          level,
          afterPartId: blocks.at(-1)?.partId ?? null,
        });
        continue;
      }
      i++;
      const lvl = Math.min(level, 4) as 1 | 2 | 3 | 4;
      const runIn = p.runIn;
      const heading = runIn ? runInHeading(p.heading) : p.heading.trim();
      const resolved = p.paragraphs.map((t) => resolve(t, p.heading));
      const tables = renderTables(p.tables, resolved, (t) => resolve(t, p.heading));
      blocks.push({
        partId: p.id,
        level: lvl,
        number: headingNumber(lvl, i),
        heading: resolve(heading, p.heading),
        runIn,
        paragraphs: resolved.filter(hasText),
        ...(tables.length ? { tables } : {}),
        status: p.status,
        contentItem: lvl === 1 ? p.contentItem : undefined,
      });
      walk(p.children, level + 1);
    }
  };
  walk(report.parts, 1);

  const sig = report.signature;
  return {
    rendered: {
      title: report.title,
      // stored with or without the colon; every renderer adds exactly one
      recipient: (report.recipient || input.unitRecipient).replace(/[：:]+$/, ''),
      preamble: report.preamble.map((t) => resolve(t, '导语')).filter((t) => t.trim() !== ''),
      blocks,
      signature: sig.enabled
        ? {
            name: sig.name || input.unitSignatureName,
            date: chineseDate(sig.date || input.today),
            ...(sig.jointName ? { jointName: sig.jointName } : {}),
            ...(sig.sealed === false ? { sealed: false } : {}),
          }
        : null,
      ...((report.attachments ?? []).length
        ? {
            attachments: (report.attachments ?? []).filter((a) => hasText(a.title)).map((a) => {
              const where = `附件：${a.title}`;
              const resolved = a.paragraphs.map((t) => resolve(t, where));
              const tables = renderTables(a.tables, resolved, (t) => resolve(t, where));
              return { title: a.title, paragraphs: resolved.filter(hasText), ...(tables.length ? { tables } : {}) };
            }),
          }
        : {}),
    },
    missing,
    omitted,
  };
}

function listOf(missing: MissingPlaceholder[]): string {
  const names = [...new Set(missing.map((m) => `“${m.name}”（${m.partHeading || '无标题部分'}）`))];
  return `${names.slice(0, 5).join('、')}${names.length > 5 ? `等${names.length}项` : ''}`;
}

/** `consequence`: what the missing figures prevent, e.g. 无法导出 or 导出前需要补齐. */
export function missingMessage(missing: MissingPlaceholder[], consequence = '无法导出'): string {
  const gone = missing.filter((m) => m.unknown);
  const unfilled = missing.filter((m) => !m.unknown);
  const parts: string[] = [];
  if (unfilled.length) parts.push(`以下指标尚未填报，${consequence}：${listOf(unfilled)}`);
  if (gone.length) parts.push(`报告引用了已不存在的指标，请删除这些引用：${listOf(gone)}`);
  return parts.join('；');
}

export function assertComplete(result: RenderResult): RenderedReport {
  if (result.missing.length) throw new AppError('MISSING_VALUE', missingMessage(result.missing), { missing: result.missing });
  return result.rendered;
}

/** Characters of body text, as Word counts them for Chinese (no spaces). */
export function countChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}
