import { cleanText } from '../../src-shared/domain/text';
import { titleOneLine } from '../../src-shared/report/titleLines';

// Characters Windows refuses in file names, plus controls (cleanText leaves tab/newline).
// eslint-disable-next-line no-control-regex
const WINDOWS_INVALID = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;

/** Text made safe as (part of) a Windows file name. */
function safeName(text: string, max: number): string {
  return (
    cleanText(text)
      .replace(WINDOWS_INVALID, '')
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
