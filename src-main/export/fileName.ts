import { cleanText } from '../../src-shared/domain/text';

// Characters Windows refuses in file names, plus controls (cleanText leaves tab/newline).
// eslint-disable-next-line no-control-regex
const WINDOWS_INVALID = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;

/**
 * Invisible characters a pasted unit name may carry: bidi embeddings/overrides/isolates
 * (U+202A–U+202E, U+2066–U+2069) can make `报告.docx` display as something else (`xcod.告报`),
 * and zero-width or formatting marks (ZWSP, ZWNJ/ZWJ, LRM/RLM, ALM, word joiner, BOM, soft
 * hyphen, Mongolian vowel separator, tag and variation selectors) make two names that look the
 * same differ. None belongs in a file name.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]|\uDB40[\uDC00-\uDDEF]/g;

/** `<单位><年度>年法治政府建设年度报告.docx`, safe to save on Windows. */
export function exportFileName(unitShortName: string, year: number): string {
  const unit = cleanText(unitShortName)
    .replace(WINDOWS_INVALID, '')
    .replace(INVISIBLE, '')
    .trim()
    // Windows strips trailing dots/spaces and dislikes leading ones.
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 60);
  const y = Number.isInteger(year) ? String(year) : String(Math.trunc(Number(year) || 0));
  return `${unit}${y}年法治政府建设年度报告.docx`;
}
