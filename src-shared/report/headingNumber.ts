/**
 * Numbers typed or pasted at the start of a heading ("一、", "(一)", "（一）", "1.", "1、", "（1）")
 * come off: the outline numbers headings by position, and a kept number would print twice
 * ("一、一、…"). Pure and zod-free: the outline editor calls it as the clerk types or pastes.
 */

const CN = '[一二三四五六七八九十百零〇两]+';
const LEADING_NUMBER = new RegExp(
  [
    `${CN}\\s*[、.．,，]`, // 一、  一.
    `[（(]\\s*${CN}\\s*[）)]\\s*[、.．]?`, // （一） (一)
    `\\d{1,3}\\s*[、．,，]`, // 1、
    `\\d{1,3}\\s*\\.(?!\\d)`, // 1.  (not 1.5)
    `[（(]\\s*\\d{1,3}\\s*[）)]\\s*[、.．]?`, // （1） (1)
    `[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]`,
    `[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽]`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
);
const AT_START = new RegExp(`^[\\s\\u3000]*(?:${LEADING_NUMBER.source})[\\s\\u3000]*`);

export interface StrippedHeading {
  text: string;
  /** the number taken off, as it was typed; null when there was none */
  removed: string | null;
}

/** The heading without a leading number of any of the GB/T 9704 levels (one number, not a whole run). */
export function stripHeadingNumber(heading: string): StrippedHeading {
  const m = AT_START.exec(heading);
  if (!m || m[0].trim() === '') return { text: heading, removed: null };
  return { text: heading.slice(m[0].length), removed: m[0].trim() };
}

/** What the editor tells the clerk after taking a number off. */
export function strippedNote(removed: string, number: string): string {
  return `已去掉开头的编号“${removed}”：编号由提纲按位置自动生成（此处为“${number}”）。`;
}
