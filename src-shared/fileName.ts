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

/**
 * Device names Windows reserves whatever follows the first dot: `CON`, `con.docx`, `LPT1.备份.json`
 * open the console or a printer port instead of a file, so a save "succeeds" and nothing is kept.
 * COM/LPT with superscript digits count too (Windows 10+).
 */
const RESERVED_STEM = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9\u00B9\u00B2\u00B3]|lpt[0-9\u00B9\u00B2\u00B3])$/i;

/** True when Windows would treat `name` (a file name, no folder) as a device. */
export function isWindowsReservedName(name: string): boolean {
  const stem = (name.split('.')[0] ?? '').replace(/[ ]+$/, '');
  return RESERVED_STEM.test(stem);
}

/**
 * Why Windows cannot keep a file under this name (the last part of a path the clerk chose: the
 * CLI's `--out`, the save dialog's result), in Chinese; null when it can. Checked on every
 * platform: whatever is saved is meant to be opened on the clerk's Windows PC.
 */
export function windowsFileNameProblem(fileName: string): string | null {
  const shown = fileName.length > 60 ? `${fileName.slice(0, 60)}…` : fileName;
  if (!fileName.trim()) return '文件名不能为空';
  if (isWindowsReservedName(fileName)) return `“${shown}”是 Windows 保留的设备名（CON、PRN、AUX、NUL、COM1、LPT1 等），不能用作文件名，请换一个名字`;
  if (/[.\s]$/.test(fileName)) return `文件名“${shown}”以句点或空格结尾，Windows 会去掉它们，请去掉结尾的句点或空格`;
  if (new RegExp(WINDOWS_INVALID.source).test(fileName)) return `文件名“${shown}”含有 Windows 不允许的字符（< > : " / \\ | ? * 或控制字符），请去掉`;
  if (fileName.length > 255) return '文件名太长（Windows 最多 255 个字符），请改短';
  return null;
}

/** `text` made safe as (part of) a Windows file name, at most `max` characters; may be empty. */
export function safeFileNamePart(text: string, max: number): string {
  const safe = cleanText(text)
    .replace(WINDOWS_INVALID, '')
    .replace(INVISIBLE, '')
    .trim()
    // Windows strips trailing dots/spaces and dislikes leading ones.
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, max)
    .replace(/[.\s]+$/g, '');
  // a proposed name must never be a device name (a chart titled "NUL" would save nowhere):
  // the part before the first dot gets a mark, which makes it an ordinary name
  return isWindowsReservedName(safe) ? safe.replace(/^[^.]*?(?=[ ]*(\.|$))/, (stem) => `${stem}_`).slice(0, max) : safe;
}
