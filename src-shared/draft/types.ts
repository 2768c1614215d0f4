/**
 * A first draft of the report written from the year's own records (issue 21), as the services
 * return it. Zod-free so the renderer can show it. Every figure in `text` is a placeholder
 * (`{{id}}`), so it follows the data after it is inserted; `printed` is the same text with the
 * figures as they are now.
 */
import type { ContentItem } from '../domain/vocabulary';

/** The parts a draft can be asked for; `plan` is the 下一年度主要安排 (content item nextYear). */
export const DRAFT_PARTS = ['measures', 'shortcomings', 'firstResponsible', 'plan'] as const;
export type DraftPartKey = (typeof DRAFT_PARTS)[number];
export const DRAFT_PART_ITEMS: Record<DraftPartKey, ContentItem> = {
  measures: 'measures',
  shortcomings: 'shortcomings',
  firstResponsible: 'firstResponsible',
  plan: 'nextYear',
};

/** How counts are written: the clerk's 约数 where an indicator has one ("40余次"), or always exact. */
export const DRAFT_FIGURES = ['wording', 'exact'] as const;
export type DraftFigures = (typeof DRAFT_FIGURES)[number];

export interface DraftText {
  /** stored form: placeholders as `{{id}}` / `{{id|rounded}}` */
  text: string;
  /** as printed today */
  printed: string;
}

/** A sub-part of the draft (an area of work, or a point of the 第一责任人 part): run-in heading + text. */
export interface DraftSection {
  key: string;
  heading: string;
  paragraphs: DraftText[];
  /** the existing sub-part this text belongs in (matched by what its heading names), or null: a new sub-part */
  targetPartId: string | null;
  targetHeading: string | null;
}

/** Last year's sentence, offered with its figures bound to this year's indicators where they match. */
export interface CarriedSentence {
  text: string;
  printed: string;
  /** figures that match no indicator: left as typed and marked 【核对：…】 for the clerk */
  unmatched: string[];
  /** the heading of last year's part it comes from */
  from: string;
}

export interface DraftPart {
  key: DraftPartKey;
  item: ContentItem;
  label: string;
  /** the report's level-1 part for this content item, or null (the report has none yet) */
  targetPartId: string | null;
  targetHeading: string | null;
  /** whether that part (with its sub-parts) already has text: --apply leaves such parts alone */
  targetHasText: boolean;
  /** body paragraphs of the level-1 part */
  paragraphs: DraftText[];
  sections: DraftSection[];
  carried: CarriedSentence[];
}

export interface DraftPlaceholder {
  id: string;
  name: string;
  value: number | null;
  /** the exact figure as printed ("26件") */
  printed: string;
  /** the clerk's 约数 ("20余"), '' when none; the draft prints it where it was preferred */
  wording: string;
  origin: string;
}

/** A number written as text because the data gives it and no indicator holds it (a village coverage count). */
export interface DraftCount {
  text: string;
  what: string;
  value: number;
  /** the ledger categories whose entries' villages were counted */
  categories: string[];
}

/** A ledger category with entries this year, and the heading under which the draft speaks of it (null: nowhere). */
export interface DraftCoverage {
  category: string;
  name: string;
  entries: number;
  where: string | null;
}

export interface ReportDraft {
  year: number;
  /** the year compared with (同比), or null when there is no earlier year with figures */
  lastYear: number | null;
  figures: DraftFigures;
  parts: DraftPart[];
  placeholders: DraftPlaceholder[];
  counts: DraftCount[];
  coverage: DraftCoverage[];
}

/** What draft.apply wrote. */
export interface DraftApplyResult {
  draft: ReportDraft;
  /** labels of the parts written */
  written: string[];
  /** labels of the parts left alone because they have text */
  skipped: string[];
}
