/**
 * Slips of typing a reader notices and Word never flags: a phrase typed twice, a bracket or quote
 * left open, half-width punctuation in Chinese text.
 */
import type { Finding } from './finding';
import { finding, type CheckText } from './context';
import { findHalfWidth } from './halfWidth';

const DUPLICATE = /([\u4e00-\u9fff]{2,8})\1/g;

/** `duplicate-phrase`: 依法依法行政, 主动公开主动公开. Fix: keep one copy. */
export function checkDuplicatePhrase(t: CheckText): Finding[] {
  const out: Finding[] = [];
  for (const m of t.masked.matchAll(DUPLICATE)) {
    const once = m[1]!;
    out.push(
      finding(t, 'duplicate-phrase', '错误', `“${once}”连写了两遍`, m.index!, m[0].length, {
        label: `删去重复的“${once}”`,
        replacement: once,
      }),
    );
  }
  return out;
}

const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** `unmatched-pair`: “” ‘’ 《》 （） 【】 left open or closed twice, within one paragraph. */
export function checkUnmatchedPair(t: CheckText): Finding[] {
  const text = t.masked;
  const out: Finding[] = [];
  const stack: Array<{ ch: string; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (PAIRS[ch]) stack.push({ ch, at: i });
    else if (CLOSERS[ch]) {
      const opener = CLOSERS[ch]!;
      // the nearest open mark of this kind closes; marks opened inside it and never closed are left open
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.ch !== opener) k--;
      if (k < 0) out.push(finding(t, 'unmatched-pair', '错误', `“${ch}”前面没有对应的“${opener}”`, i, 1));
      else {
        for (const s of stack.splice(k)) if (s.ch !== opener) out.push(finding(t, 'unmatched-pair', '错误', `“${s.ch}”没有对应的“${PAIRS[s.ch]}”`, s.at, 1));
      }
    }
  }
  for (const s of stack) out.push(finding(t, 'unmatched-pair', '错误', `“${s.ch}”没有对应的“${PAIRS[s.ch]}”`, s.at, 1));
  return out.sort((a, b) => a.offset - b.offset);
}

/** `half-width`: , : ; ( ) ? ! in Chinese text (the one shared scanner); fix converts the mark. */
export function checkHalfWidth(t: CheckText): Finding[] {
  return findHalfWidth(t.masked).map((h) =>
    finding(t, 'half-width', '提醒', `中文里用了半角“${h.char}”，应为全角“${h.replacement}”`, h.offset, 1, {
      label: `改为全角“${h.replacement}”`,
      replacement: h.replacement,
    }),
  );
}
