import type { Part } from '../../src-shared/domain/report';
import { PLACEHOLDER_RE } from '../../src-shared/report/placeholders';

/**
 * Catches slips a proofreader would: a phrase typed twice in a row ("主动公开主动公开").
 * Returns Chinese warnings naming the part.
 */
export function proofread(parts: Part[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    for (const raw of [p.heading, ...p.paragraphs]) {
      const text = raw.replace(PLACEHOLDER_RE, '□');
      for (const m of text.matchAll(/([\u4e00-\u9fff]{2,8})\1/g)) {
        out.push(`“${p.heading || '无标题部分'}”中“${m[0]}”疑似重复`);
      }
    }
  }
  return out;
}
