/**
 * `numbering`: the outline numbers itself (report/numbering.ts), so a number typed into a heading
 * always prints twice ("一、一、…"). In body text, a typed list (一、 二、 / （一） / 1.) must run
 * without gaps and in the GB/T 9704 forms, and 一是/二是 must count on without a gap.
 */
import type { Finding } from './finding';
import { finding, type CheckText } from './context';

const CN = '一二三四五六七八九十';
const CN_VALUE = (s: string): number => {
  // 一…九十九, enough for outlines
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i < 0) return CN.indexOf(s) + 1;
  const tens = i === 0 ? 1 : CN.indexOf(s[0]!) + 1;
  const ones = i === s.length - 1 ? 0 : CN.indexOf(s[i + 1]!) + 1;
  return tens * 10 + ones;
};

/** A typed heading number at the start of a text, with its form. */
const LEAD = new RegExp(
  [
    `(?<cn>[${CN}]{1,3})[、.．，,]`, // 一、 (一. 一， are wrong forms)
    `(?<pcn>[（(][${CN}]{1,3}[）)])[、.．]?`, // （一）
    `(?<dg>\\d{1,2})(?<dgSep>[、.．](?!\\d))`, // 1. (1、 is a wrong form); not 1.5
    `(?<pdg>[（(]\\d{1,2}[）)])`, // （1）
    `(?<di>第[${CN}]{1,3}(?:部分|章|节|条|点))[、，,：:\\s]?`,
  ]
    .map((p) => `^\\s*(?:${p})\\s*`)
    .join('|'),
);

interface Lead {
  kind: 'cn' | 'pcn' | 'dg' | 'pdg' | 'di';
  n: number;
  length: number;
  text: string;
  wrongForm: string | null;
  /** the number in its right form, when wrongForm */
  right?: string;
}

function readLead(text: string): Lead | null {
  const m = LEAD.exec(text);
  if (!m?.groups) return null;
  const g = m.groups;
  const s = m[0];
  if (g.cn) {
    const sep = s.trim().slice(g.cn.length, g.cn.length + 1);
    return { kind: 'cn', n: CN_VALUE(g.cn), length: s.length, text: s, wrongForm: sep === '、' ? null : `“${g.cn}${sep}”应为“${g.cn}、”`, right: `${g.cn}、` };
  }
  if (g.pcn) {
    const inner = g.pcn.slice(1, -1);
    const half = g.pcn.startsWith('(') || g.pcn.endsWith(')');
    const trailing = s.trim().length > g.pcn.length;
    return {
      kind: 'pcn',
      n: CN_VALUE(inner),
      length: s.length,
      text: s,
      wrongForm: half ? `“${g.pcn}”用了半角括号，应为“（${inner}）”` : trailing ? `“（${inner}）”后面不加标点` : null,
      right: `（${inner}）`,
    };
  }
  if (g.dg) return { kind: 'dg', n: Number(g.dg), length: s.length, text: s, wrongForm: g.dgSep === '.' ? null : `“${g.dg}${g.dgSep}”应为“${g.dg}.”`, right: `${g.dg}.` };
  if (g.pdg) {
    const half = g.pdg.startsWith('(') || g.pdg.endsWith(')');
    const inner = g.pdg.slice(1, -1);
    return { kind: 'pdg', n: Number(inner), length: s.length, text: s, wrongForm: half ? `“${g.pdg}”用了半角括号，应为“（${inner}）”` : null, right: `（${inner}）` };
  }
  return { kind: 'di', n: 0, length: s.length, text: s, wrongForm: null };
}

/** A heading's typed number: always a finding; the fix deletes it. */
export function checkHeadingNumber(t: CheckText): Finding[] {
  if (t.field !== 'heading') return [];
  const lead = readLead(t.masked);
  if (!lead) return [];
  const start = t.masked.length - t.masked.trimStart().length;
  const num = lead.text.trim();
  return [
    finding(t, 'numbering', '错误', `标题里手写了序号“${num}”：序号由提纲自动编排，导出时会重复`, start, lead.length - start, {
      label: '删去手写序号',
      replacement: '',
    }),
  ];
}

/**
 * Typed lists in a part's body paragraphs: gaps (一、 then 三、) and wrong forms (1、, half-width
 * (一)). Paragraphs of one part are read together, as the list runs across them.
 */
export function checkBodyNumbering(texts: readonly CheckText[]): Finding[] {
  const out: Finding[] = [];
  const last = new Map<Lead['kind'], number>();
  for (const t of texts) {
    if (t.field === 'heading' || t.field === 'title') continue;
    const lead = readLead(t.masked);
    if (!lead || lead.kind === 'di') continue;
    const start = t.masked.length - t.masked.trimStart().length;
    const num = lead.text.trim();
    if (lead.wrongForm)
      out.push(
        finding(t, 'numbering', '提醒', `序号格式不规范：${lead.wrongForm}`, start, num.length, lead.right ? { label: `改为“${lead.right}”`, replacement: lead.right } : undefined),
      );
    const prev = last.get(lead.kind);
    const expected = prev === undefined ? 1 : prev + 1;
    if (lead.n !== expected && !(prev !== undefined && lead.n === 1))
      out.push(finding(t, 'numbering', '错误', `序号不连续：“${num}”之前应是第${expected}项`, start, num.length));
    last.set(lead.kind, lead.n);
  }
  return out;
}

const SHI = new RegExp(`([${CN}]{1,2})是(?=[^${CN}是])`, 'g');

/**
 * 一是、二是… within one part's body: the count must go on without a gap or repeat. Only counts
 * that start at 一是 are read, so "唯一是" or "统一是" never start a list.
 */
export function checkShiSequence(texts: readonly CheckText[]): Finding[] {
  const out: Finding[] = [];
  let expected = 0;
  for (const t of texts) {
    if (t.field === 'heading' || t.field === 'title') continue;
    for (const m of t.masked.matchAll(SHI)) {
      const before = t.masked[m.index! - 1] ?? '';
      // 一是 must open a point: start of text or after punctuation (not 统一是, 唯一是)
      if (before && !/[\s，。；：、,;:！？（）“”\ue000]/.test(before)) continue;
      const n = CN_VALUE(m[1]!);
      if (n === 1) {
        expected = 2;
        continue;
      }
      if (expected === 0) continue;
      if (n !== expected)
        out.push(finding(t, 'numbering', '错误', `“${m[0]}”接在第${expected - 1}点之后，应为“${numeral(expected)}是”`, m.index!, m[0].length));
      expected = n + 1;
    }
  }
  return out;
}

function numeral(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN[n - 1]!;
  return `${n >= 20 ? CN[Math.floor(n / 10) - 1] : ''}十${n % 10 ? CN[(n % 10) - 1] : ''}`;
}
