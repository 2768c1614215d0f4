/**
 * Half-width punctuation typed in Chinese text (, : ; ( ) ? !) — the importer lists it in its
 * preview and the proofreader raises `half-width` for it; both use this one scanner and these
 * finding shapes, and the conversion is always the clerk's choice, never silent.
 */
import { finding, type Finding } from '../proofread/finding';
import type { TextSlot } from './walk';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

/** CJK ideographs and full-width punctuation and quotes: what "Chinese" means around a mark. */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60\u2018\u2019\u201c\u201d\u2026\u2014]/;

export interface HalfWidthHit {
  offset: number;
  char: string;
  replacement: string;
}

function neighbour(text: string, from: number, step: 1 | -1): string {
  let i = from;
  while (i >= 0 && i < text.length && (text[i] === ' ' || text[i] === '\u00a0')) i += step;
  return i >= 0 && i < text.length ? text[i]! : '';
}

/**
 * A mark counts when Chinese stands on at least one side and no Latin letter or digit stands on
 * the other in a way that makes it Latin usage: "9:30", "1,000", "a(b)" and URLs are left alone,
 * while "(一)", "工作,推进" and "日期:" are found. A bracket found pulls in its partner so a pair
 * is never converted half.
 */
export function findHalfWidth(text: string): HalfWidthHit[] {
  const hits = new Map<number, HalfWidthHit>();
  const isCjk = (c: string) => c !== '' && CJK.test(c);
  const isLatin = (c: string) => /[A-Za-z0-9/._%-]/.test(c);
  const open: number[] = [];
  const pairs = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) {
      const o = open.pop()!;
      pairs.set(o, i);
      pairs.set(i, o);
    }
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const rep = FULL[c];
    if (!rep) continue;
    const prev = neighbour(text, i - 1, -1);
    const next = neighbour(text, i + 1, 1);
    let hit: boolean;
    if (c === '(') hit = isCjk(next) || (isCjk(prev) && !isLatin(next));
    else if (c === ')') hit = isCjk(prev) || (isCjk(next) && !isLatin(prev));
    else hit = isCjk(prev) ? !(isLatin(next) && isLatin(text[i - 1] ?? '')) : isCjk(next) && !isLatin(prev);
    if (!hit) continue;
    hits.set(i, { offset: i, char: c, replacement: rep });
    const partner = pairs.get(i);
    if (partner !== undefined) hits.set(partner, { offset: partner, char: text[partner]!, replacement: FULL[text[partner]!]! });
  }
  return [...hits.values()].sort((a, b) => a.offset - b.offset);
}

/** The text with every mark findHalfWidth reports converted to its full-width form. */
export function toFullWidth(text: string): string {
  const hits = findHalfWidth(text);
  if (!hits.length) return text;
  const chars = text.split('');
  for (const h of hits) chars[h.offset] = h.replacement;
  return chars.join('');
}

/** One mark as a finding: the import preview lists these one by one, in their context. */
export function halfWidthFinding(slot: Pick<TextSlot, 'partId' | 'field' | 'paragraph' | 'text'>, h: HalfWidthHit): Finding {
  return finding(slot, 'half-width', '提醒', `中文里用了半角“${h.char}”，应为全角“${h.replacement}”`, h.offset, 1, {
    label: `改为全角“${h.replacement}”`,
    replacement: h.replacement,
  });
}

/** Every mark of the slots, one finding each. */
export function halfWidthFindings(slots: Iterable<Pick<TextSlot, 'partId' | 'field' | 'paragraph' | 'text'>>): Finding[] {
  const out: Finding[] = [];
  for (const s of slots) for (const h of findHalfWidth(s.text)) out.push(halfWidthFinding(s, h));
  return out;
}

/**
 * The marks grouped: one finding per part (its body paragraphs; its heading apart, as the heading
 * is edited elsewhere) and per front field, with the count and one fix for all of them — a pasted
 * web text holds hundreds, and a list of single lines buries every other finding.
 */
export function groupedHalfWidthFindings(slots: Iterable<Pick<TextSlot, 'partId' | 'field' | 'paragraph' | 'text'>>): Finding[] {
  const groups = new Map<string, Array<{ slot: Pick<TextSlot, 'partId' | 'field' | 'paragraph' | 'text'>; h: HalfWidthHit }>>();
  for (const s of slots)
    for (const h of findHalfWidth(s.text)) {
      const key = `${s.partId ?? ''}|${s.field}`;
      const g = groups.get(key);
      if (g) g.push({ slot: s, h });
      else groups.set(key, [{ slot: s, h }]);
    }
  const out: Finding[] = [];
  for (const g of groups.values()) {
    const first = g[0]!;
    if (g.length === 1) {
      out.push(halfWidthFinding(first.slot, first.h));
      continue;
    }
    const byChar = new Map<string, number>();
    for (const { h } of g) byChar.set(h.char, (byChar.get(h.char) ?? 0) + 1);
    const kinds = [...byChar].map(([c, n]) => `“${c}”${n}处`).join('、');
    const f = finding(first.slot, 'half-width', '提醒', `有${g.length}处半角标点（${kinds}），中文里应为全角`, first.h.offset, 1, {
      label: `全部改为全角（${g.length}处）`,
      replacement: first.h.replacement,
    });
    f.spots = g.map(({ slot, h }) => ({ paragraph: slot.paragraph, offset: h.offset, length: 1, replacement: h.replacement }));
    out.push(f);
  }
  return out;
}
