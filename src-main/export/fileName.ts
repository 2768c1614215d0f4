import { safeFileNamePart as safeName } from '../../src-shared/fileName';
import type { Edition } from '../../src-shared/domain/issuance';
import { titleOneLine } from '../../src-shared/report/titleLines';

/**
 * The suggested file name: the report's title on one line (what the clerk and the recipient call the
 * document), or `<单位><年度>年法治政府建设年度报告` when there is no title; a draft says 征求意见稿.
 * Safe to save on Windows.
 */
export function exportFileName(unitShortName: string, year: number, title = '', draft = false, edition?: Edition): string {
  const y = Number.isInteger(year) ? String(year) : String(Math.trunc(Number(year) || 0));
  const fromTitle = safeName(titleOneLine(title), 80);
  const base = fromTitle || `${safeName(unitShortName, 60)}${y}年法治政府建设年度报告`;
  // the 公开件 says so: the clerk keeps both files of one report side by side
  return `${base}${draft ? '（征求意见稿）' : ''}${edition === 'public' ? '（公开件）' : ''}.docx`;
}
