/**
 * Local-time stamps for file names. Local rather than UTC because the clerk browses the backups
 * folder and reads these names; China has no daylight saving, so local stamps still sort by time.
 */
const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

/** 20261125T183001123 (milliseconds: several backups may be taken within one second) */
export function msStamp(d: Date): string {
  return `${secondStamp(d)}${p3(d.getMilliseconds())}`;
}

/** 20261125T183001 */
export function secondStamp(d: Date): string {
  return `${d.getFullYear()}${p2(d.getMonth() + 1)}${p2(d.getDate())}T${p2(d.getHours())}${p2(d.getMinutes())}${p2(d.getSeconds())}`;
}

/** 20261125-183001, for the file name the clerk saves (a dash reads better than T there) */
export function dashStamp(d: Date): string {
  return secondStamp(d).replace('T', '-');
}

export function parseMsStamp(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi, se, ms);
}

export { chineseDateTime } from '../../src-shared/dates';
