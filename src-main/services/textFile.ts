/**
 * Bytes of a plain-text file the clerk brings (a .txt report, a .csv sheet) → text. One decoder for
 * both: UTF-8 with or without BOM, UTF-16 with BOM, and otherwise GB18030 — what Notepad and
 * Excel's "CSV" save on a Chinese Windows (GBK is a subset of it).
 */

export interface DecodedText {
  text: string;
  /** 'utf-8' also for UTF-16 with BOM: what the import reports is "Unicode" versus "the old Chinese code page" */
  encoding: 'utf-8' | 'gb18030';
}

/** A byte-order mark for UTF-16 (either order): such a file has NUL bytes in its Latin text. */
export function hasUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

export function decodeText(b: Uint8Array): DecodedText {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-8' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030' };
  }
}
