/**
 * A report's title as real reports write it: "横街镇2024年法治政府建设年度报告", "XX区人民政府关于
 * 2024年度…的报告", "某某街2024年…" (街 for 街道), "某某路街道2024法治…" (no 年), the joint
 * "中共××镇委员会 ××镇人民政府 关于…的报告". The import reads the year, the unit and the issuers
 * from it; the proofreader checks that it names the unit and the year the same way.
 */
import type { UnitGuess } from '../import/types';
import { YEAR_MAX, YEAR_MIN } from '../domain/limits';

export interface TitleYear {
  year: number;
  /** offset of the four digits in the title as given */
  offset: number;
  /** written with 年 after it (2024年), as it should be */
  withNian: boolean;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** The year a title names: the first standalone 19xx–21xx, preferring one followed by 年. */
export function titleYear(title: string): TitleYear | null {
  let bare: TitleYear | null = null;
  for (let i = 0; i + 4 <= title.length; i++) {
    if (!isDigit(title[i]) || isDigit(title[i - 1])) continue;
    let j = i;
    while (isDigit(title[j])) j++;
    if (j - i !== 4 || !/^(19|20|21)/.test(title.slice(i, j))) {
      i = j;
      continue;
    }
    const year = Number(title.slice(i, j));
    const withNian = /^\s*年/.test(title.slice(j, j + 3));
    if (withNian) return { year, offset: i, withNian };
    bare ??= { year, offset: i, withNian: false };
    i = j;
  }
  return bare;
}

export function yearFromTitle(title: string): number | null {
  const y = titleYear(title)?.year ?? null;
  return y !== null && y >= YEAR_MIN && y <= YEAR_MAX ? y : null;
}

const ISSUER_END = /(委员会|党委|党工委|人民政府|街道办事处|办事处)/g;

/** The issuers named before 关于 / the year: one, or two for a joint report (党委 and 政府). */
export function titleIssuers(title: string): string[] {
  const t = title.replace(/\s+/g, '');
  const prefix = t.split(/关于|(?:19|20|21)\d{2}|法治/)[0] ?? '';
  const out: string[] = [];
  let from = 0;
  for (const m of prefix.matchAll(ISSUER_END)) {
    const end = m.index! + m[0].length;
    // 街道办事处 / 办事处: one issuer ending, not two
    if (m[0] === '办事处' && prefix.slice(0, m.index).endsWith('街道')) continue;
    out.push(prefix.slice(from, end));
    from = end;
  }
  return out.filter((s) => s.length >= 3);
}

const KIND_BY_SUFFIX: Array<[RegExp, UnitGuess['kind']]> = [
  [/街道$/, '街道'],
  [/镇$/, '镇'],
  [/乡$/, '乡'],
  [/区$/, '区'],
  [/县$/, '县'],
];

/** The unit a title names, or null when it names none that can be read. */
export function unitFromTitle(title: string): UnitGuess | null {
  const t = title.replace(/\s+/g, '');
  // the issuer is what stands before 关于 / the year / 法治
  let prefix = t.split(/关于|(?:19|20|21)\d{2}|法治/)[0] ?? '';
  // "中共横街镇委员会横街镇人民政府": the government named last issues the report
  prefix = prefix.replace(/^.*(委员会|党委|党工委)/, '');
  const m = /^(.*?)(人民政府|街道办事处|办事处)?$/.exec(prefix);
  let short = (m?.[1] ?? '').replace(/[“”"《》（）()]/g, '');
  const suffix = m?.[2] ?? '';
  if (suffix === '街道办事处') short += '街道';
  // "某某街" in a title is the 街道's short form
  if (/街$/.test(short)) short += '道';
  // "宁波市海曙区横街镇" → the unit itself, not the higher levels
  const lower = /^.+?(?:省|自治区|市|自治州|州|盟)(.{2,}(?:镇|乡|街道|区|县))$/.exec(short);
  if (lower && /(镇|乡|街道)$/.test(lower[1]!)) short = lower[1]!;
  const inner = /^.+?(?:区|县)(.{2,}(?:镇|乡|街道))$/.exec(short);
  if (inner) short = inner[1]!;
  const kind = KIND_BY_SUFFIX.find(([re]) => re.test(short))?.[1];
  if (!kind || short.length < 2 || short.length > 30) return null;
  const fullName = kind === '街道' ? `${short}办事处` : `${short}人民政府`;
  return { shortName: short, fullName, kind };
}

/** Whether a title names the unit: its short or full name, or the name without 镇/街道 ("某某街" for 某某街道). */
export function namesUnit(title: string, unit: { shortName: string; fullName: string }): boolean {
  const t = title.replace(/\s+/g, '');
  if (t.includes(unit.shortName) || t.includes(unit.fullName)) return true;
  const stem = unit.shortName.replace(/(街道|镇|乡|区|县)$/, '');
  return stem.length >= 2 && t.includes(stem);
}
