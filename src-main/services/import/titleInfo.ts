/** Year and unit read from a report's title: "横街镇2024年法治政府建设年度报告", "XX区人民政府关于2024年度…的报告". */
import type { UnitGuess } from '../../../src-shared/import/types';
import { YEAR_MAX, YEAR_MIN } from '../../../src-shared/domain/limits';

export function yearFromTitle(title: string): number | null {
  const m = /((?:19|20|21)\d{2})\s*年/.exec(title);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= YEAR_MIN && y <= YEAR_MAX ? y : null;
}

const KIND_BY_SUFFIX: Array<[RegExp, UnitGuess['kind']]> = [
  [/街道$/, '街道'],
  [/镇$/, '镇'],
  [/乡$/, '乡'],
  [/区$/, '区'],
  [/县$/, '县'],
];

export function unitFromTitle(title: string): UnitGuess | null {
  const t = title.replace(/\s+/g, '');
  // the issuer is what stands before 关于 / the year / 法治
  let prefix = t.split(/关于|(?:19|20|21)\d{2}\s*年|法治/)[0] ?? '';
  // "中共横街镇委员会横街镇人民政府": the government named last issues the report
  prefix = prefix.replace(/^.*?(委员会|党委|党工委)/, '');
  const m = /^(.*?)(人民政府|街道办事处|办事处)?$/.exec(prefix);
  let short = (m?.[1] ?? '').replace(/[“”"《》（）()]/g, '');
  const suffix = m?.[2] ?? '';
  if (suffix === '街道办事处') short += '街道';
  // "宁波市海曙区横街镇" → the unit itself, not the higher levels
  const lower = /^.*?(?:省|自治区|市|自治州|州|盟)(.+(?:镇|乡|街道|区|县))$/.exec(short);
  if (lower && /(镇|乡|街道)$/.test(lower[1]!)) short = lower[1]!;
  const kind = KIND_BY_SUFFIX.find(([re]) => re.test(short))?.[1];
  if (!kind || short.length < 2 || short.length > 30) return null;
  const fullName = kind === '街道' ? `${short}办事处` : `${short}人民政府`;
  return { shortName: short, fullName, kind };
}
