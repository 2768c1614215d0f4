import { cleanText } from '../../src-shared/domain/text';
import { titleOneLine } from '../../src-shared/report/titleLines';

// Characters Windows refuses in file names, plus controls (cleanText leaves tab/newline).
const WINDOWS_INVALID = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;

/**
 * Invisible characters a pasted unit name may carry: bidi embeddings/overrides/isolates
 * (U+202A–U+202E, U+2066–U+2069) can make `报告.docx` display as something else (`xcod.告报`),
 * and zero-width or formatting marks (ZWSP, ZWNJ/ZWJ, LRM/RLM, ALM, word joiner, BOM, soft
 * hyphen, Mongolian vowel separator, tag and variation selectors) make two names that look the
 * same differ. None belongs in a file name.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]|\uDB40[\uDC00-\uDDEF]/g;

/** Text made safe as (part of) a Windows file name. */
function safeName(text: string, max: number): string {
  return (
    cleanText(text)
      .replace(WINDOWS_INVALID, '')
      .replace(INVISIBLE, '')
      .trim()
      // Windows strips trailing dots/spaces and dislikes leading ones.
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, max)
      .replace(/[.\s]+$/g, '')
  );
}

/**
 * The suggested file name: the report's title on one line (what the clerk and the recipient call the
 * document), or `<单位><年度>年法治政府建设年度报告` when there is no title; a draft says 征求意见稿.
 * Safe to save on Windows.
 */
export function exportFileName(unitShortName: string, year: number, title = '', draft = false): string {
  const y = Number.isInteger(year) ? String(year) : String(Math.trunc(Number(year) || 0));
  const fromTitle = safeName(titleOneLine(title), 80);
  const base = fromTitle || `${safeName(unitShortName, 60)}${y}年法治政府建设年度报告`;
  return `${base}${draft ? '（征求意见稿）' : ''}.docx`;
}
