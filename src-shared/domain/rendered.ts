import type { ContentItem, PartStatus } from './report';
import type { FontPreset } from './unit';

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
}

export interface RenderedReport {
  title: string;
  recipient: string;
  preamble: string[];
  blocks: RenderedBlock[];
  /** null = no signature block */
  signature: { name: string; date: string } | null;
}

export interface ExportOptions {
  fontPreset: FontPreset;
}
