/**
 * The proofreader: every check over a report, as pure functions. The services run it for
 * `proofread.run`, the overview, the export and `fazhi check`; the editor runs it on every
 * keystroke (`proofreadPart` for the part being typed in, `proofreadReport` for the whole).
 */
import type { Part } from '../domain/report';
import type { Finding, FindingSeverity, FindingSpot } from './finding';
import { flattenParts } from '../text/walk';
import { findingKey } from './finding';
import { partTexts, reportCheckTexts, type CheckText, type ProofreadInput, type ProofreadReport } from './context';
import { checkApproxForm, checkFiguresAgainstData, checkRates, checkSameFigure, figuresOf, type Mention } from './figures';
import { checkBodyNumbering, checkHeadingNumber, checkShiSequence } from './numbering';
import { checkContentItems, checkEmptyPart, checkPlaceholders } from './structure';
import { checkDateFormat, checkSignatureDate, checkTitle, checkYears } from './titleDates';
import { checkDuplicatePhrase, checkUnitEcho, checkUnmatchedPair } from './typing';
import { groupedHalfWidthFindings } from '../text/halfWidth';
import { checkIssuance } from './issuance';
export { issuanceFixPatch } from './issuance';

export type { ProofreadInput, ProofreadReport } from './context';

/** Checks that read one text alone. */
function textChecks(t: CheckText, input: ProofreadInput, mentions: readonly Mention[]): Finding[] {
  return [
    ...checkHeadingNumber(t),
    ...checkDuplicatePhrase(t),
    ...checkUnmatchedPair(t),
    ...checkUnitEcho(t, input.readings),
    ...checkYears(t, input.year),
    ...checkDateFormat(t),
    ...checkPlaceholders(t, input.readings),
    ...checkFiguresAgainstData(mentions, input.readings, input.lastYear ? { year: input.year - 1, values: input.lastYear } : null),
    ...checkApproxForm(mentions, input.readings),
    ...checkRates(mentions),
  ];
}

/** Checks of one body (a part's paragraphs, or the preamble): texts plus the lists that run across them. */
function bodyChecks(texts: readonly CheckText[], input: ProofreadInput, collect: Mention[]): Finding[] {
  const out: Finding[] = [];
  for (const t of texts) {
    const mentions = figuresOf(t, input.readings);
    collect.push(...mentions);
    out.push(...textChecks(t, input, mentions));
  }
  const numbering = checkBodyNumbering(texts);
  out.push(...numbering, ...checkShiSequence(texts));
  // a list number in the wrong form is fixed as a whole; its half-width brackets are not listed twice
  const fixes = numbering.filter((n) => n.fix);
  const covered = (t: CheckText, offset: number) => fixes.some((n) => n.field === t.field && n.paragraph === t.paragraph && offset >= n.offset && offset < n.offset + n.length);
  const unmarked = (t: CheckText) => (fixes.length ? t.masked.split('').map((c, i) => (covered(t, i) ? '\u3000' : c)).join('') : t.masked);
  out.push(...groupedHalfWidthFindings(texts.map((t) => ({ ...t, text: unmarked(t) }))));
  return out;
}

function groupByBody(texts: readonly CheckText[]): CheckText[][] {
  const groups: CheckText[][] = [];
  let key: string | null = null;
  for (const t of texts) {
    const k = t.partId ?? `:${t.field}`;
    if (k !== key) groups.push([]);
    key = k;
    groups[groups.length - 1]!.push(t);
  }
  return groups;
}

/** Every finding of the report, in reading order (the report-wide ones first). */
/**
 * What the last run found per body (a part's paragraphs, or the preamble), for a caller that runs
 * the checks again and again over a report that changes one body at a time (the editor, on every
 * keystroke): a body whose texts, figures and year are as they were is not checked again.
 */
export type BodyCheckCache = Map<string, { texts: string; input: Pick<ProofreadInput, 'year' | 'readings' | 'lastYear'>; findings: Finding[]; mentions: Mention[] }>;

export function newBodyCheckCache(): BodyCheckCache {
  return new Map();
}

/** bodyChecks, answered from `cache` when the body and what its checks read are unchanged */
function cachedBodyChecks(texts: readonly CheckText[], input: ProofreadInput, collect: Mention[], cache: BodyCheckCache | undefined, seen: Set<string>): Finding[] {
  if (!cache) return bodyChecks(texts, input, collect);
  const first = texts[0]!;
  const key = first.partId ?? `:${first.field}`;
  seen.add(key);
  const sig = JSON.stringify(texts);
  const hit = cache.get(key);
  if (hit && hit.texts === sig && hit.input.year === input.year && hit.input.readings === input.readings && hit.input.lastYear === input.lastYear) {
    collect.push(...hit.mentions);
    return hit.findings;
  }
  const mentions: Mention[] = [];
  const findings = bodyChecks(texts, input, mentions);
  collect.push(...mentions);
  cache.set(key, { texts: sig, input: { year: input.year, readings: input.readings, lastYear: input.lastYear }, findings, mentions });
  return findings;
}

export function proofreadReport(input: ProofreadInput, cache?: BodyCheckCache): Finding[] {
  const mentions: Mention[] = [];
  const out: Finding[] = [...checkTitle(input), ...checkContentItems(input.report, input.year)];
  const walk = (parts: readonly Part[]) => {
    for (const p of parts) {
      out.push(...checkEmptyPart(p));
      walk(p.children);
    }
  };
  const texts = reportCheckTexts(input.report);
  const perBody: Finding[] = [];
  const seen = new Set<string>();
  for (const g of groupByBody(texts)) perBody.push(...cachedBodyChecks(g, input, mentions, cache, seen));
  // bodies gone from the report (a part deleted) leave the cache with it
  if (cache) for (const k of cache.keys()) if (!seen.has(k)) cache.delete(k);
  walk(input.report.parts);
  out.push(...perBody, ...checkSameFigure(mentions, input.readings), ...checkSignatureDate(input), ...checkIssuance(input));
  return out;
}

/**
 * The checks of one part alone (what changes as the clerk types in it): everything but the
 * report-wide checks (content items, title, the same figure in two parts).
 */
export function proofreadPart(part: Part, input: Omit<ProofreadInput, 'report'> & { item?: Part['contentItem'] }): Finding[] {
  const mentions: Mention[] = [];
  return [...checkEmptyPart(part), ...bodyChecks(partTexts(part, input.item ?? part.contentItem), { ...input, report: EMPTY }, mentions)];
}
const EMPTY: ProofreadReport = { title: '', preamble: [], parts: [], signature: { enabled: false, name: '', date: '' } };

/** The text a finding points into, or null when it is about the whole part / report. */
export function findingText(report: ProofreadReport, f: Pick<Finding, 'partId' | 'field' | 'paragraph'>): string | null {
  if (f.field === 'title') return report.title;
  if (f.field === 'preamble') return report.preamble[f.paragraph] ?? null;
  if (!f.partId) return null;
  const find = (ps: readonly Part[]): Part | null => {
    for (const p of ps) {
      if (p.id === f.partId) return p;
      const c = find(p.children);
      if (c) return c;
    }
    return null;
  };
  const p = find(report.parts);
  if (!p) return null;
  if (f.field === 'heading') return p.heading;
  return f.paragraph >= 0 ? (p.paragraphs[f.paragraph] ?? null) : null;
}

/**
 * What the clerk sees: the live findings, plus findings the import stored that still apply (their
 * text is still there — moved to where it is now), minus the ones ignored for this year.
 */
export function mergeFindings(
  live: readonly Finding[],
  stored: { imported: readonly Finding[]; ignored: readonly string[] },
  report: ProofreadReport,
): Finding[] {
  const ignored = new Set(stored.ignored);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of live) {
    const k = findingKey(f);
    if (ignored.has(k)) continue;
    seen.add(`${k}|${f.paragraph}|${f.offset}`);
    out.push(f);
  }
  const kept = new Set<string>();
  for (const f of stored.imported) {
    const k = findingKey(f);
    if (ignored.has(k) || RECOMPUTED.has(f.code)) continue;
    const current = relocate(f, report);
    if (!current) continue;
    const dedupe = `${k}|${current.paragraph}|${current.offset}`;
    // one imported heading can hold two slips (a bracket typed with 、 and a number skipped):
    // both are kept; only the same one stored twice, or one the live checks found, is dropped
    if (seen.has(dedupe) || kept.has(`${dedupe}|${current.message}`)) continue;
    kept.add(`${dedupe}|${current.message}`);
    out.push(current);
  }
  return out;
}

/**
 * Codes the live checks compute from the text as it is now, with the same scanners the import
 * uses: an imported finding of these would only repeat a live one (or point at a slip since fixed).
 */
const RECOMPUTED: ReadonlySet<string> = new Set(['half-width', 'duplicate-phrase', 'unmatched-pair', 'empty-part', 'missing-content-item', 'placeholder-no-data']);

/** An imported finding where its excerpt is now, or null once the clerk has changed that text. */
function relocate(f: Finding, report: ProofreadReport): Finding | null {
  if (f.length === 0 || !f.excerpt) {
    if (f.partId && findingText(report, { ...f, field: 'heading', paragraph: -1 }) === null) return null;
    return f;
  }
  const here = findingText(report, f);
  if (here === null) return null;
  if (here.slice(f.offset, f.offset + f.length) === f.excerpt) return f;
  if (f.excerpt.length === f.length) {
    // the excerpt is the marked text: follow it to where it is now
    const at = here.indexOf(f.excerpt);
    return at >= 0 ? { ...f, offset: at } : null;
  }
  // the excerpt is context around the mark: keep the finding while that context is still there
  return here.includes(f.excerpt) && f.offset + f.length <= here.length ? f : null;
}

export function countBySeverity(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const c: Record<FindingSeverity, number> = { 错误: 0, 提醒: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/**
 * Apply a finding's fix to one of its texts (pure; the editor does the same through its own
 * transaction). A grouped finding fixes each of its spots in that text (`paragraph`: which one).
 */
export function applyFix(text: string, f: Pick<Finding, 'offset' | 'length' | 'fix' | 'spots' | 'paragraph'>, paragraph: number = f.paragraph): string {
  if (!f.fix) return text;
  if (!f.spots) return text.slice(0, f.offset) + f.fix.replacement + text.slice(f.offset + f.length);
  let out = text;
  for (const s of fixSpots(f).filter((x) => x.paragraph === paragraph).reverse()) out = out.slice(0, s.offset) + s.replacement + out.slice(s.offset + s.length);
  return out;
}

/** Every place a fix changes, in reading order: the spots of a grouped finding, else the finding's own. */
export function fixSpots(f: Pick<Finding, 'offset' | 'length' | 'fix' | 'spots' | 'paragraph'>): FindingSpot[] {
  if (!f.fix) return [];
  if (f.spots) return [...f.spots].sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
  return [{ paragraph: f.paragraph, offset: f.offset, length: f.length, replacement: f.fix.replacement }];
}

/** The report with a finding's fix applied to every text it touches (pure). */
export function applyFixToReport<R extends ProofreadReport>(report: R, f: Finding): R {
  const r = JSON.parse(JSON.stringify(report)) as R;
  const paragraphs = [...new Set(fixSpots(f).map((s) => s.paragraph))];
  for (const paragraph of paragraphs) {
    const at = { ...f, paragraph };
    const text = findingText(r, at);
    if (text === null) continue;
    const fixed = applyFix(text, f, paragraph);
    if (f.field === 'title') r.title = fixed;
    else if (f.field === 'preamble') r.preamble[paragraph] = fixed;
    else if (f.field === 'recipient') r.recipient = fixed;
    else if (f.field === 'heading' || f.field === 'body') {
      const part = flattenParts(r.parts).find((p) => p.id === f.partId);
      if (!part) continue;
      if (f.field === 'heading') part.heading = fixed;
      else part.paragraphs[paragraph] = fixed;
    }
  }
  return r;
}

/** Where a finding sits, in words: 标题, 导语, 落款, 全文 or the part's heading. */
export function findingPlace(report: ProofreadReport, f: Pick<Finding, 'partId' | 'field'>): string {
  if (f.partId) {
    const h = findingText(report, { partId: f.partId, field: 'heading', paragraph: -1 });
    return h === null ? '（已删除的部分）' : h.trim() || '无标题部分';
  }
  return { title: '标题', recipient: '主送机关', preamble: '导语', heading: '标题', body: '正文', signature: '落款', report: '全文', issuance: '报送件' }[f.field];
}
