/**
 * `numbering`: the outline numbers itself (report/numbering.ts), so a number typed into a heading
 * always prints twice ("一、一、…"). In body text, a typed list (一、 二、 / （一） / 1.) must run
 * without gaps and in the GB/T 9704 forms, and 一是/二是 must count on without a gap.
 */
import { finding, type Finding } from './finding';
import type { CheckText } from './context';
import { chineseNumeral } from '../text/numerals';
import { pointMarkers, readHeadingNumber, type HeadingForm } from '../text/headingNumbers';

/** A heading's typed number: always a finding; the fix deletes it. */
export function checkHeadingNumber(t: CheckText): Finding[] {
  if (t.field !== 'heading') return [];
  const lead = readHeadingNumber(t.masked);
  if (!lead) return [];
  return [
    finding(t, 'numbering', '错误', `标题里手写了序号“${lead.typed}”：序号由提纲自动编排，导出时会重复`, lead.start, lead.end - lead.start, {
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
  const last = new Map<HeadingForm, number>();
  for (const t of texts) {
    if (t.field === 'heading' || t.field === 'title') continue;
    const lead = readHeadingNumber(t.masked);
    if (!lead || lead.form === 'chapter' || lead.form === 'circled') continue;
    const start = lead.start;
    const num = lead.typed;
    if (lead.problem) out.push(finding(t, 'numbering', '提醒', `序号格式不规范：${lead.problem}`, start, num.length, { label: `改为“${lead.right}”`, replacement: lead.right }));
    const prev = last.get(lead.form);
    const expected = prev === undefined ? 1 : prev + 1;
    if (lead.index !== expected && !(prev !== undefined && lead.index === 1))
      out.push(finding(t, 'numbering', '错误', `序号不连续：“${num}”之前应是第${expected}项`, start, num.length));
    last.set(lead.form, lead.index);
  }
  return out;
}

/**
 * 一是、二是… within one part's body: the count must go on without a gap or repeat. Only counts
 * that start at 一是 are read, so "唯一是" or "统一是" never start a list.
 */
export function checkShiSequence(texts: readonly CheckText[]): Finding[] {
  const out: Finding[] = [];
  let expected = 0;
  for (const t of texts) {
    if (t.field === 'heading' || t.field === 'title') continue;
    for (const m of pointMarkers(t.masked)) {
      if (m.kind !== 'shi') continue;
      const n = m.index;
      if (n === 1) {
        expected = 2;
        continue;
      }
      if (expected === 0) continue;
      if (n !== expected)
        out.push(finding(t, 'numbering', '错误', `“${t.masked.slice(m.at, m.at + m.length)}”接在第${expected - 1}点之后，应为“${chineseNumeral(expected)}是”`, m.at, m.length));
      expected = n + 1;
    }
  }
  return out;
}
