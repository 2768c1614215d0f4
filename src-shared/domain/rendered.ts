import type { ContentItem, PartStatus } from './report';
import type { FontPreset } from './vocabulary';

/** One heading with its body, numbering and figures resolved: what the .docx and the preview print. */
export interface RenderedBlock {
  partId: string;
  level: 1 | 2 | 3 | 4;
  /** "一、", "（一）", "1.", "（1）" */
  number: string;
  /** heading text without number; for run-in headings it already ends with 。 */
  heading: string;
  runIn: boolean;
  /** body paragraphs, placeholders replaced by figures */
  paragraphs: string[];
  status: PartStatus;
  contentItem?: ContentItem | undefined;
  /** tables, placeholders resolved; `after` counts the printed paragraphs above */
  tables?: RenderedTable[];
}

export interface RenderedTable {
  after: number;
  rows: string[][];
  headerRows: number;
  size: '四号' | '五号';
}

export interface RenderedReport {
  title: string;
  recipient: string;
  preamble: string[];
  blocks: RenderedBlock[];
  /** null = no signature block */
  signature: RenderedSignature | null;
  /** 附件, in order; absent in snapshots of older exports */
  attachments?: RenderedAttachment[];
}

export interface RenderedSignature {
  name: string;
  date: string;
  /** 联合行文: the second unit, printed beside the first */
  jointName?: string;
  /** false = no seal (GB/T 9704 §7.3.5.3); absent = sealed */
  sealed?: boolean;
}

export interface RenderedAttachment {
  title: string;
  paragraphs: string[];
  tables?: RenderedTable[];
}

export interface ExportOptions {
  fontPreset: FontPreset;
  /** 征求意见稿: "征求意见稿" in the header, a comment on every part not yet 定稿, 【待填：…】 in colour */
  draft?: boolean;
}
