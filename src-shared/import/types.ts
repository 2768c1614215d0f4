/**
 * The import and next-year contract's shapes, free of zod so the renderer can import them
 * (the schemas are in methods/import.ts). Parsing itself happens in the services only.
 */
import type { Finding } from '../proofread/finding';
import type { Report } from '../domain/report';
import type { UnitKind } from '../domain/vocabulary';

/** Files larger than this are refused before any parsing (a report is a few hundred KB). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * The refusal of a report file above MAX_IMPORT_BYTES, null below it. One sentence for every place
 * that checks: the screen (before sending), the CLI (before reading the file) and the service.
 */
export function importFileTooBig(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `文件过大（${(bytes / 1024 / 1024).toFixed(1)} MB），超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB 上限；年度报告通常只有几百 KB，请确认选择的文件`;
}

/** What the importer read the file as. */
export type ImportFormat = 'docx' | 'doc' | 'txt';

/** Unit read from the title ("横街镇2024年法治政府建设年度报告" → 横街镇 / 横街镇人民政府 / 镇). */
export interface UnitGuess {
  shortName: string;
  fullName: string;
  kind: UnitKind;
}

/**
 * A number in the imported text that matches an indicator of the catalog (or a custom one):
 * "调解矛盾纠纷120起" → mediation-cases 120. Offered only; taken when the clerk ticks it.
 */
export interface IndicatorSuggestion {
  /** unique within one preview: `${partId ?? 'preamble'}:${paragraph}:${offset}` */
  key: string;
  indicatorId: string;
  /** the indicator's name, e.g. 全年调解矛盾纠纷 */
  name: string;
  value: number;
  /** the indicator's measure (起, 件, % …) */
  measure: string;
  /**
   * The indicator is computed (from the ledger, the mediation cases or a rate): its figure cannot
   * be typed in, so the suggestion is shown but cannot be taken as a value nor become a placeholder.
   */
  computed: boolean;
  /** the part holding the sentence; null = the preamble */
  partId: string | null;
  paragraph: number;
  /** UTF-16 offset and length of the figure with its unit ("120起") inside that paragraph */
  offset: number;
  length: number;
  /** exactly the text at offset/length, e.g. "120起" (commit checks it is still there) */
  text: string;
  /** the sentence holding the figure */
  excerpt: string;
}

/** What `import.preview` found in a file. Nothing is written by a preview. */
export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  /** for .txt: how the bytes were decoded */
  encoding: 'utf-8' | 'gb18030' | null;
  /** the detected report, with fresh part ids; typed heading numbers removed */
  report: Report;
  /** the year asked for, else the year in the title; null when neither */
  year: number | null;
  /** unit read from the title; null when the title names none */
  unit: UnitGuess | null;
  /** the data folder already has a unit (then `unit` is only informative) */
  unitExists: boolean;
  /** about `year` in this data folder */
  existing: {
    yearExists: boolean;
    /** the year's report has text (not only the empty template): importing needs replace or compare */
    hasReport: boolean;
  };
  /** the author used Word heading styles (they were taken as hints) */
  styled: boolean;
  counts: { paragraphs: number; characters: number; parts: number };
  /** `half-width` findings for every half-width mark between Chinese characters (with fix) */
  halfWidth: Finding[];
  /** numbering met on the way (gap, wrong form, half-width brackets in a number): code `numbering` */
  findings: Finding[];
  suggestions: IndicatorSuggestion[];
  /** Chinese sentences, e.g. 未识别到任何标题，全文作为一个部分导入 */
  warnings: string[];
}

/** A ticked suggestion sent back to `import.commit`. */
export interface TakenSuggestion {
  indicatorId: string;
  value: number;
  /** replace the figure in the sentence with the placeholder {{indicatorId}} */
  placeholder: boolean;
  partId: string | null;
  paragraph: number;
  offset: number;
  length: number;
  text: string;
}

/** What `import.commit` wrote. */
export interface ImportResult {
  year: number;
  /** the unit was created from the guess (the folder was empty) */
  unitCreated: boolean;
  yearCreated: boolean;
  /** an existing report was replaced */
  replaced: boolean;
  report: Report;
  /** indicator values stored (manual indicators only) */
  values: Array<{ indicatorId: string; value: number }>;
  /** figures turned into placeholders */
  placeholders: number;
  /** half-width marks converted */
  converted: number;
  /** the findings stored with the year (proofreading.imported) */
  findings: Finding[];
  warnings: string[];
}

/** One side-by-side change span (from the `diff` package, word level). */
export interface DiffSpan {
  kind: 'same' | 'added' | 'removed';
  text: string;
  /** removed/added words: which change of the part they belong to (numberChanges in compareChanges.ts) */
  change?: number;
}

/** One part (or the title / preamble) of a leader-edited file compared with the year's report. */
export interface ComparePart {
  /** what `import.applyCompare` takes: our part id, 'title', 'preamble', or `new:<n>` for a part only theirs has */
  key: string;
  /** our part id; null for the title, the preamble and parts only theirs has */
  partId: string | null;
  /** heading as numbered in print, e.g. 一、 or （二）, '' for title/preamble */
  number: string;
  heading: string;
  theirsHeading: string;
  status: 'same' | 'changed' | 'added' | 'removed';
  /** our paragraphs as printed (placeholders resolved) */
  ours: string[];
  theirs: string[];
  /** word-level changes of the whole part (heading line first, then paragraphs joined by \n) */
  changes: DiffSpan[];
  /** how many changes (runs of removed/added words) `changes` holds; each is taken or left on its own */
  changeCount: number;
  /** the paragraphs taking the change would store: theirs, with our placeholders kept where the printed value is unchanged */
  merged: string[];
  /** placeholders kept in `merged` */
  keptPlaceholders: number;
}

export interface CompareResult {
  year: number;
  fileName: string;
  parts: ComparePart[];
  changedCount: number;
  warnings: string[];
}

/** What `import.applyCompare` did. */
export interface ApplyCompareResult {
  report: Report;
  taken: string[];
}

/** Status of one point of last year's 下一年度安排 in this year's checklist. */
export const PLAN_STATUSES = ['未标记', '已完成', '未完成', '结转'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanPoint {
  /** stable while the text of last year's plan does not change */
  key: string;
  text: string;
  status: PlanStatus;
}

/** Last year's plan points for this year, with the clerk's marks. */
export interface PlanChecklist {
  year: number;
  /** the year the plan comes from (year − 1), null when there is no such year or plan part */
  fromYear: number | null;
  /** heading of last year's plan part */
  fromHeading: string;
  points: PlanPoint[];
  /** the 未完成 points as one paragraph to put into this year's 不足 part ('' when none) */
  unfinishedText: string;
  /** this year's 不足 part (contentItem shortcomings), null when there is none */
  shortcomingsPartId: string | null;
}
