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
  /** 版头 and 版记 of a 报送件; absent in a 公开件 and in exports made before editions existed */
  issuance?: RenderedIssuance;
}

/** 版头 (GB/T 9704 §7.2) and 版记 (§7.4) of a 报送件, resolved for printing. */
export interface RenderedIssuance {
  /** 发文机关标志: one name, or the joint issuers with the 主办机关 first */
  issuers: string[];
  withWenjian: boolean;
  /** 发文字号, e.g. 横街府〔2025〕3号 */
  docNumber: string;
  /** 签发人 of a 上行文; empty for other documents */
  signers: string[];
  /** 份号, six digits; empty = none */
  copyNumber: string;
  /** 紧急程度; empty = none */
  urgency: string;
  /** 抄送 names ending with 。; empty = no 抄送 line */
  cc: string;
  /** 印发机关 */
  printer: string;
  /** 印发日期 in Chinese, e.g. 2025年3月20日 */
  printDate: string;
  /** 附注 in parentheses; empty = none */
  note: string;
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
