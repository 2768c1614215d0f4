/**
 * Slips of typing a reader notices and Word never flags: a phrase typed twice, a bracket or quote
 * left open, half-width punctuation in Chinese text.
 */
import type { IndicatorReading } from '../domain/wording';
import { findPlaceholders } from '../report/placeholders';
import { echoedUnitLength, scanFigures } from '../text/figures';
import { finding, type Finding } from './finding';
import type { CheckText } from './context';

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

/**
 * A figure's unit typed again right after it: "5件件", mostly where a placeholder prints "5件" and
 * the clerk typed 件 after it as well. Found as a repeated word (`duplicate-phrase`); the fix
 * deletes the second unit.
 */
export function checkUnitEcho(t: CheckText, readings: ReadonlyMap<string, IndicatorReading>): Finding[] {
  const out: Finding[] = [];
  const echo = (offset: number, length: number, printed: string, unit: string) =>
    out.push(
      finding(t, 'duplicate-phrase', '错误', `“${printed}”后面又写了一个“${unit}”，导出时会印成“${printed}${unit}”`, offset, length, {
        label: `删去多写的“${unit}”`,
        replacement: '',
      }),
    );
  for (const f of scanFigures(t.masked)) if (f.echo) echo(f.coreOffset + f.coreLength, f.echo, t.masked.slice(f.coreOffset, f.coreOffset + f.coreLength), f.unit);
  if (t.text.includes('{{'))
    for (const p of findPlaceholders(t.text)) {
      const r = readings.get(p.id);
      const unit = r?.def.measure ?? '';
      const n = echoedUnitLength(unit, t.text.slice(p.end, p.end + unit.length));
      if (n) echo(p.end, n, r!.value === null ? `【${r!.def.name}】` : `${r!.value}${unit}`, unit);
    }
  return out;
}
