/**
 * One rule for what may stand in a file name the app proposes or accepts (the .docx, a chart's
 * PNG, the name the Electron save dialog receives): Windows' forbidden characters, controls and
 * invisible marks go, and so do the leading and trailing dots and spaces Windows strips.
 * zod-free: the renderer names chart files with it.
 */
import { cleanText } from './domain/textRules';

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

/** `text` made safe as (part of) a Windows file name, at most `max` characters; may be empty. */
export function safeFileNamePart(text: string, max: number): string {
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
