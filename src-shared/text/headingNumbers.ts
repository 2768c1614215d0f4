/**
 * Heading numbers as people type them at the start of a line: the four GB/T 9704 §7.3.3 forms
 * (一、 （一） 1. （1）), circled ① ⑴, 第一部分 — and the slips real files are full of: 一. 一．
 * 一， (一) （一）、 1、 1． with or without spaces, full-width digits. One reader, so what the import
 * strips, the editor strips as the clerk types, and the proofreader flags are the same thing.
 * A hand-written scanner: no regex backtracks over a long run of digits or spaces here.
 */
import { CN_COUNT_CHARS, chineseNumeral, parseChineseNumeral, toAsciiDigits } from './numerals';

export type HeadingForm = 'cn-dun' | 'cn-paren' | 'num-dot' | 'num-paren' | 'circled' | 'chapter';

/** The GB/T 9704 forms by level: level 1 is 一、, level 4 is （1）. */
export const LEVEL_FORMS = ['cn-dun', 'cn-paren', 'num-dot', 'num-paren'] as const satisfies readonly HeadingForm[];

export const FORM_SAMPLE: Readonly<Record<HeadingForm, string>> = {
  'cn-dun': '一、',
  'cn-paren': '（一）',
  'num-dot': '1.',
  'num-paren': '（1）',
  circled: '①',
  chapter: '第一部分',
};

export interface HeadingNumber {
  form: HeadingForm;
  /** 1-based position the number states */
  index: number;
  /** the number as typed, trimmed ("(一)、", "1、") */
  typed: string;
  /** where the typed number starts (after leading spaces) */
  start: number;
  /** where the text after the number (and the spaces after it) starts */
  end: number;
  /** the number in its right form ("（一）", "1.") */
  right: string;
  /** what is wrong with how it was typed, in Chinese; null when it is right */
  problem: string | null;
}

const SPACE = /[\s\u3000\u00a0]/;
const OPEN = '（(';
const CLOSE = '）)';
const DUN_SEPARATORS = '、.．，,';
const DOT_SEPARATORS = '.．、';
const TRAILING_MARKS = '、.．，,';
const CHAPTER_WORDS = ['部分', '章', '篇'];

const isDigit = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
const isCount = (c: string | undefined) => c !== undefined && CN_COUNT_CHARS.includes(c);

function skipSpaces(text: string, i: number): number {
  while (i < text.length && SPACE.test(text[i]!)) i++;
  return i;
}

/** A run of at most `max` characters passing `ok`, starting at i; null when longer or empty. */
function run(text: string, i: number, ok: (c: string | undefined) => boolean, max: number): string | null {
  let j = i;
  while (j < text.length && ok(text[j]) && j - i <= max) j++;
  return j === i || j - i > max ? null : text.slice(i, j);
}

/** The typed heading number at the start of `text`, or null. */
export function readHeadingNumber(text: string): HeadingNumber | null {
  const start = skipSpaces(text, 0);
  const c = text[start];
  if (c === undefined) return null;
  const done = (form: HeadingForm, index: number, to: number, right: string, problem: string | null): HeadingNumber | null => {
    if (!Number.isInteger(index) || index < 1) return null;
    const typed = text.slice(start, to).replace(/[\s\u3000\u00a0]+$/, '');
    return { form, index, typed, start, end: skipSpaces(text, to), right, problem: problem?.replace('{typed}', typed) ?? null };
  };

  if (OPEN.includes(c)) {
    let i = skipSpaces(text, start + 1);
    const cn = run(text, i, isCount, 3);
    const dg = cn ? null : run(text, i, isDigit, 2);
    const num = cn ?? dg;
    if (!num) return null;
    i = skipSpaces(text, i + num.length);
    const close = text[i];
    if (close === undefined || !CLOSE.includes(close)) return null;
    i++;
    let after = i;
    const trailing = text[skipSpaces(text, i)];
    if (trailing !== undefined && TRAILING_MARKS.includes(trailing) && !isDigit(text[skipSpaces(text, i) + 1])) after = skipSpaces(text, i) + 1;
    const index = parseChineseNumeral(num);
    const right = cn ? `（${cn}）` : `（${toAsciiDigits(num)}）`;
    const half = c === '(' || close === ')';
    const problem = half ? `“{typed}”用了半角括号，应为全角“${right}”` : after > i ? `“{typed}”括号后不加标点，应为“${right}”` : null;
    return done(cn ? 'cn-paren' : 'num-paren', index, after, right, problem);
  }

  const code = c.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return done('circled', code - 0x2460 + 1, start + 1, c, null);
  if (code >= 0x2474 && code <= 0x2487) return done('circled', code - 0x2474 + 1, start + 1, c, null);

  if (c === '第') {
    const cn = run(text, start + 1, isCount, 3);
    if (!cn) return null;
    let i = start + 1 + cn.length;
    const word = CHAPTER_WORDS.find((w) => text.startsWith(w, i));
    if (!word) return null;
    i += word.length;
    const t = text[skipSpaces(text, i)];
    if (t !== undefined && '、，,：:'.includes(t)) i = skipSpaces(text, i) + 1;
    return done('chapter', parseChineseNumeral(cn), i, `第${cn}${word}`, null);
  }

  const cn = run(text, start, isCount, 3);
  if (cn) {
    const i = skipSpaces(text, start + cn.length);
    const sep = text[i];
    if (sep === undefined || !DUN_SEPARATORS.includes(sep)) return null;
    // "一.5" is no heading number, but "一.2023年法治政府建设…" is (a year opening the heading)
    if ((sep === '.' || sep === '．') && isDigit(text[i + 1]) && !/^\d{4}年/.test(toAsciiDigits(text.slice(i + 1, i + 6)))) return null;
    const right = `${cn}、`;
    return done('cn-dun', parseChineseNumeral(cn), i + 1, right, sep === '、' && i === start + cn.length ? null : `“{typed}”应为“${right}”`);
  }

  const dg = run(text, start, isDigit, 2);
  if (dg) {
    const i = skipSpaces(text, start + dg.length);
    const sep = text[i];
    if (sep === undefined || !DOT_SEPARATORS.includes(sep)) return null;
    // 1.5 and 1..: a decimal or an ellipsis, not a number
    const next = text[i + 1];
    if (isDigit(next) || next === '.' || next === '．') return null;
    const ascii = toAsciiDigits(dg);
    const right = `${Number(ascii)}.`;
    return done('num-dot', Number(ascii), i + 1, right, sep === '.' && dg === ascii ? null : `“{typed}”应为“${right}”`);
  }
  return null;
}

export interface StrippedHeading {
  text: string;
  /** the number taken off, as it was typed; null when there was none */
  removed: string | null;
}

/**
 * The heading without its typed number (one number, not a whole run). The outline numbers headings
 * by position, so a kept number would print twice ("一、一、…").
 */
export function stripHeadingNumber(heading: string): StrippedHeading {
  const n = readHeadingNumber(heading);
  if (!n) return { text: heading, removed: null };
  return { text: heading.slice(n.end), removed: n.typed };
}

/** What the editor tells the clerk after taking a number off. */
export function strippedNote(removed: string, number: string): string {
  return `已去掉开头的编号“${removed}”：编号由提纲按位置自动生成（此处为“${number}”）。`;
}

/**
 * GB/T 9704 §7.3.3 heading numbers by level: 一、 （一） 1. （1）. `index` is the 1-based position
 * among siblings.
 */
export function headingNumber(level: number, index: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(index)}、`;
    case 2:
      return `（${chineseNumeral(index)}）`;
    case 3:
      return `${index}.`;
    default:
      return `（${index}）`;
  }
}

/** Where run-in points start inside a paragraph: 一是 … 二是 …, （1）, 1., ①, each at the start or after a mark. */
export interface PointMarker {
  at: number;
  length: number;
  /** 'shi' for 一是/二是, else the heading form */
  kind: 'shi' | HeadingForm;
  index: number;
}

const POINT_BEFORE = /[\s，。；：、,;:！？（）“”\ue000]/;

/** The run-in point markers of a paragraph (一是 only where a point can open: not 统一是, 唯一是). */
export function pointMarkers(text: string): PointMarker[] {
  const out: PointMarker[] = [];
  for (let i = 0; i < text.length; i++) {
    const before = text[i - 1];
    if (before !== undefined && !POINT_BEFORE.test(before)) continue;
    const cn = run(text, i, isCount, 2);
    if (cn && text[i + cn.length] === '是' && text[i + cn.length + 1] !== '是' && !isCount(text[i + cn.length + 1])) {
      const index = parseChineseNumeral(cn);
      if (Number.isInteger(index)) out.push({ at: i, length: cn.length + 1, kind: 'shi', index });
      i += cn.length;
      continue;
    }
    const c = text[i]!;
    if (!OPEN.includes(c) && !isDigit(c) && !(c >= '\u2460' && c <= '\u2487')) continue;
    const n = readHeadingNumber(text.slice(i, i + 12));
    if (!n || n.start !== 0 || n.form === 'cn-paren' || n.form === 'cn-dun' || n.form === 'chapter') continue;
    out.push({ at: i, length: n.typed.length, kind: n.form, index: n.index });
    i += n.typed.length - 1;
  }
  return out;
}

const SENTENCE_END = /[。！？；：.!?;:]$/;

/** Run-in headings are a sentence of their own: end them with 。 unless they already end a sentence. */
export function runInHeading(heading: string): string {
  const h = heading.trim();
  return h === '' || SENTENCE_END.test(h) ? h : `${h}。`;
}
