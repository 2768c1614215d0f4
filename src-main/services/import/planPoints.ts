/**
 * Last year's 下一年度安排 split into points the clerk can tick off this year: at 一是/二是…, at
 * ；, at numbered items (1. （1） ①), and one point per sub-part. An introduction ending with ：
 * ("重点做好以下工作：") is not a point.
 */
import type { Part, Report } from '../../../src-shared/domain/report';
import type { PlanPoint, PlanStatus } from '../../../src-shared/import/types';
import { chineseNumeral } from '../../../src-shared/text/numerals';
import { pointMarkers } from '../../../src-shared/text/headingNumbers';

export function splitPoints(text: string): string[] {
  const cuts = new Map<number, number>([[0, 0]]);
  // the shared point markers (一是, （1）, 1., ①), each cut with its own length to take off
  for (const m of pointMarkers(text)) cuts.set(m.at, m.length);
  for (let i = 0; i < text.length; i++) if ((text[i] === '；' || text[i] === ';') && !cuts.has(i + 1)) cuts.set(i + 1, 0);
  const at = [...cuts.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  at.forEach((start, i) => {
    let seg = text.slice(start + cuts.get(start)!, at[i + 1] ?? text.length).trim();
    seg = seg.replace(/[；;，,。\s]+$/, '');
    if (!seg || /[：:]$/.test(seg)) return;
    out.push(seg);
  });
  return out;
}

/** A short stable key from the point's text (FNV-1a), so marks survive re-reading last year's plan. */
export function pointKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `k${(h >>> 0).toString(16).padStart(8, '0')}`;
}

export function planPart(report: Report): Part | null {
  return report.parts.find((p) => p.contentItem === 'nextYear') ?? null;
}

/** The points of a plan part, each once. */
export function planPoints(part: Part): string[] {
  const out: string[] = [];
  for (const p of part.paragraphs) out.push(...splitPoints(p));
  for (const c of part.children) {
    const body = c.paragraphs.join('');
    // a sub-part is one point: its heading, with its text when run in
    out.push(c.runIn && body ? `${c.heading.replace(/[。：:]$/, '')}：${body.replace(/[。；]$/, '')}` : c.heading);
  }
  const seen = new Set<string>();
  return out.filter((t) => (seen.has(t) ? false : (seen.add(t), true)));
}

/** `show` prints a point (its placeholders as last year's figures); the key stays on the stored text. */
export function checklistPoints(part: Part | null, marks: Record<string, PlanStatus> | undefined, show: (text: string) => string = (t) => t): PlanPoint[] {
  if (!part) return [];
  return planPoints(part).map((text) => {
    const key = pointKey(text);
    return { key, text: show(text), status: marks?.[key] ?? '未标记' };
  });
}

/** The 未完成 points as one paragraph for this year's 不足 part. */
export function unfinishedText(fromYear: number, points: PlanPoint[]): string {
  const open = points.filter((p) => p.status === '未完成');
  if (!open.length) return '';
  // a point's first sentence names it ("提升依法决策水平。严格执行……" → 提升依法决策水平)
  const name = (t: string) => {
    const first = t.split(/[。！？]/)[0]!;
    return first.length >= 4 && first.length <= 40 ? first : t.replace(/[。；]$/, '');
  };
  const items = open.map((p, i) => `${open.length > 1 ? `${chineseNumeral(i + 1)}是` : ''}${name(p.text)}`).join('；');
  return `${fromYear}年部署的工作中，以下事项尚未完成：${items}。`;
}
