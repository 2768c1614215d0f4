import { cleanText } from '../../src-shared/domain/text';

// Characters Windows refuses in file names, plus controls (cleanText leaves tab/newline).
// eslint-disable-next-line no-control-regex
const WINDOWS_INVALID = /[<>:"/\\|?*\u0000-\u001F\u007F]/g;

/** `<单位><年度>年法治政府建设年度报告.docx`, safe to save on Windows. */
export function exportFileName(unitShortName: string, year: number): string {
  const unit = cleanText(unitShortName)
    .replace(WINDOWS_INVALID, '')
    .trim()
    // Windows strips trailing dots/spaces and dislikes leading ones.
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 60);
  const y = Number.isInteger(year) ? String(year) : String(Math.trunc(Number(year) || 0));
  return `${unit}${y}年法治政府建设年度报告.docx`;
}
