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
