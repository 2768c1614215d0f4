/** Plain text and date rules shared by the schemas and the renderer (no zod here). */

/**
 * Text the clerk types ends up inside XML (.docx) and JSON. Characters XML 1.0 forbids
 * (C0 controls except tab/newline, lone surrogates, U+FFFE/U+FFFF) would make Word refuse the
 * file, so they are stripped where text enters rather than at export time.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(s: string): string {
  return s.replace(XML_INVALID, '');
}

/** One line as it is stored: XML-safe, line breaks and tabs folded to a space, trimmed (the schemas' lineText). */
export function lineValue(s: string): string {
  return cleanText(s).replace(/[\r\n\t]+/g, ' ').trim();
}

/** Blank at either end of a paragraph's line: spaces, tabs, 全角空格 (typed indents), Word's no-break spaces. */
const LINE_EDGE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

/** A line of running text as a paragraph holds it: the blank at either end goes (the layout indents by itself). */
export function paragraphLine(s: string): string {
  return cleanText(s).replace(LINE_EDGE, '');
}

/**
 * Text pasted into the report's body (from Word, WPS, Excel, a web page), as paragraphs, read as a
 * document import reads it: every line break — hard, or a soft one (Word's Shift+Enter, \v) — ends
 * a paragraph, blank lines (Word's spacing paragraphs) are no paragraphs.
 */
export function pastedParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029|\f|\u000b/)
    .map(paragraphLine)
    .filter((l) => l !== '');
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function dateInYear(date: string, year: number): boolean {
  return date.startsWith(`${year}-`);
}
