import type { Report } from '../../src-shared/domain/report';
import { PLACEHOLDER_RE } from '../../src-shared/report/placeholders';
import { reportTexts } from '../../src-shared/report/walk';

/**
 * Catches slips a proofreader would: a phrase typed twice in a row ("主动公开主动公开").
 * Returns Chinese warnings naming the part (or 导语).
 */
export function proofread(report: Pick<Report, 'preamble' | 'parts'>): string[] {
  const out: string[] = [];
  for (const { text: raw, where } of reportTexts(report)) {
    const text = raw.replace(PLACEHOLDER_RE, '□');
    for (const m of text.matchAll(/([\u4e00-\u9fff]{2,8})\1/g)) out.push(`“${where}”中“${m[0]}”疑似重复`);
  }
  return out;
}
