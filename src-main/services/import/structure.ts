/**
 * Lines of a report → the contract's Report: title (one or two lines), 主送机关, preamble, parts
 * with levels (typed numbers 一、 （一） 1. （1） and/or Word heading styles), run-in headings, the
 * 落款. Typed numbers are removed (numbering is automatic) and what was wrong with them becomes a
 * `numbering` finding. Nothing is dropped: a line that is no heading is body text.
 */
import type { Part, Report } from '../../../src-shared/domain/report';
import { MAX_DEPTH } from '../../../src-shared/domain/vocabulary';
import { wholeFinding, type Finding } from '../../../src-shared/proofread/finding';
import { newId } from '../../../src-shared/ids';
import { FORM_SAMPLE, LEVEL_FORMS, pointMarkers, readHeadingNumber, type HeadingForm } from '../../../src-shared/text/headingNumbers';
import { parseChineseDate } from '../../../src-shared/text/numerals';
import type { SourceLine } from './read';
import { paragraphLine } from '../../../src-shared/domain/textRules';

export interface NumberMatch {
  form: HeadingForm;
  index: number;
  /** the number as typed, e.g. "(一)" or "1、" */
  typed: string;
  rest: string;
  /** what is wrong with how it was typed (Chinese), or null */
  problem: string | null;
}

/** The typed heading number at the start of a line, if any text follows it (the shared reader's). */
export function matchNumber(text: string): NumberMatch | null {
  const n = readHeadingNumber(text);
  if (!n) return null;
  const rest = text.slice(n.end);
  if (!rest.trim()) return null;
  // ① and 第一部分 open a heading only when the line is one (a short line with no sentence in it)
  if ((n.form === 'circled' || n.form === 'chapter') && (rest.length > 40 || /[。；！？]/.test(rest.replace(/[。：:]$/, '')))) return null;
  // "1．严格资格管理；2．落实公示；3．…": a paragraph of run-in points, not a heading with a body
  if (pointMarkers(rest).some((p) => p.kind === n.form && p.index === n.index + 1)) return null;
  return { form: n.form, index: n.index, typed: n.typed, rest, problem: n.problem ? `编号${n.problem}` : null };
}

const UNIT_NAME_END = /(人民政府|政府|办事处|委员会|党委|镇|乡|街道|区|县|局|办公室|中心)$/;
const SENTENCE_PUNCT = /[。，；！？,;!?]/;

/** Run-in or plain: what follows a typed number. */
function splitHeading(rest: string): { heading: string; body: string | null } | null {
  const r = rest.trim();
  const m = /[。！？；：:!?;]/.exec(r);
  if (!m || m.index === r.length - 1) {
    if (r.length > 60) return null;
    // "一、基本情况：" — a heading on its own line needs no closing mark
    return { heading: r.replace(/[。：:]$/, ''), body: null };
  }
  const head = r.slice(0, m.index);
  const body = r.slice(m.index + 1).trim();
  // "（三）强化监督：规范执法" — a short tail without a sentence of its own is still the heading
  if (r.length <= 40 && body.length < 15 && !/[。！？；]/.test(body)) return { heading: r.replace(/。$/, ''), body: null };
  if (head.length < 2 || head.length > 50) return null;
  return { heading: m[0] === '。' ? head : head + m[0], body };
}

export interface Detected {
  report: Report;
  findings: Finding[];
  warnings: string[];
  /** the typed number of each part as met (part id → "（二）"), for messages */
  typed: Map<string, string>;
}

interface Node {
  part: Part;
  key: string;
  lastIndex: number;
}


function isHeadingLike(l: SourceLine): boolean {
  return matchNumber(l.text.trim()) !== null || typeof l.style === 'number';
}

/** Title: one line, or two when the second completes it ("…关于2024年度" / "法治政府建设情况的报告"). */
function takeTitle(lines: SourceLine[]): { title: string; used: number } {
  const first = lines[0];
  // a title is often put in Word's 标题 1 style; it has no typed number and names a report
  const styledTitle = (l: SourceLine | undefined) => !!l && typeof l.style === 'number' && !matchNumber(l.text) && /报告$/.test(l.text.trim());
  if (!first || (isHeadingLike(first) && !styledTitle(first) && !styledTitle(lines[1])) || first.text.length > 100 || /。/.test(first.text.replace(/。$/, ''))) return { title: '', used: 0 };
  const second = lines[1];
  const a = first.text.trim();
  if (second && (!isHeadingLike(second) || (styledTitle(second) && second.style === first.style))) {
    const b = second.text.trim();
    const bothTitle = first.style === 'title' && second.style === 'title';
    const completes = !/报告$/.test(a) && b.length <= 40 && !SENTENCE_PUNCT.test(b) && !/[：:]$/.test(b) && /(报告|情况|工作|总结)$/.test(b);
    const centred = first.align === 'center' && second.align === 'center' && b.length <= 40 && !SENTENCE_PUNCT.test(b) && !/[：:]$/.test(b);
    if ((bothTitle || completes || centred) && (a + b).length <= 100) return { title: `${a}\n${b}`, used: 2 }; // the author's break is kept: GB/T 9704 lets the clerk choose the title's lines
  }
  return { title: a, used: 1 };
}

/** 落款 at the end: an optional unit-name line and a date line. */
function takeSignature(lines: SourceLine[]): { name: string; date: string; used: number } {
  let end = lines.length;
  let date = '';
  let name = '';
  const last = lines[end - 1]?.text.trim() ?? '';
  const iso = parseChineseDate(last);
  if (iso) {
    date = iso;
    end--;
  }
  const cand = lines[end - 1];
  if (cand && end > 0) {
    const t = cand.text.trim();
    if (t.length <= 40 && !SENTENCE_PUNCT.test(t) && !/[：:]$/.test(t) && !isHeadingLike(cand) && (UNIT_NAME_END.test(t) || cand.align === 'right') && (date || cand.align === 'right' || /(人民政府|办事处)$/.test(t))) {
      name = t;
      end--;
    }
  }
  return { name, date, used: lines.length - end };
}

const LIMIT = { paragraphs: 200, preamble: 20, parts: 20, children: 50, heading: 200, paragraph: 20000 };

/** Keep within the schema's limits without losing text: overflow is joined into the last allowed paragraph. */
function fold(paras: string[], max: number): string[] {
  const out = paras.flatMap((p) => (p.length > LIMIT.paragraph ? (p.match(/[\s\S]{1,20000}/g) ?? []) : [p]));
  if (out.length <= max) return out;
  return [...out.slice(0, max - 1), out.slice(max - 1).join('\n')];
}

function foldParts(parts: Part[], max: number, warnings: string[]): Part[] {
  for (const p of parts) p.children = foldParts(p.children, LIMIT.children, warnings);
  for (const p of parts) p.paragraphs = fold(p.paragraphs, LIMIT.paragraphs);
  if (parts.length <= max) return parts;
  const kept = parts.slice(0, max);
  const host = kept[max - 1]!;
  const text = (p: Part): string[] => [p.heading, ...p.paragraphs, ...p.children.flatMap(text)];
  host.paragraphs = fold([...host.paragraphs, ...parts.slice(max).flatMap(text)], LIMIT.paragraphs);
  warnings.push(`同一级标题超过${max}个，第${max + 1}个起作为正文并入“${host.heading}”`);
  return kept;
}

export interface DetectOptions {
  /** fallback title when the file has none */
  fallbackTitle: string;
}

export function detectStructure(source: SourceLine[], opts: DetectOptions): Detected {
  const warnings: string[] = [];
  const findings: Finding[] = [];
  const typed = new Map<string, string>();
  const lines = source.map((l) => ({ ...l, text: paragraphLine(l.text) })).filter((l) => l.text !== '');

  // boilerplate above the title of a published copy: 附件1, the red header, the document number
  const skipped: string[] = [];
  while (lines.length > 1 && skipped.length < 3 && /^(附件\s*\d*[：:]?|.{2,30}文件|.{1,12}〔\d{4}〕\s*\d+\s*号|.{1,12}\[\d{4}\]\s*\d+\s*号)$/.test(lines[0]!.text))
    skipped.push(lines.shift()!.text);
  if (skipped.length) warnings.push(`标题前的“${skipped.join('”“')}”不属于报告正文，未导入`);
  const isRecipient = (l: SourceLine | undefined) => !!l && /[：:]$/.test(l.text) && l.text.length <= 50 && !isHeadingLike(l) && !/。/.test(l.text);
  // a title after the addressee: the 主送机关 line first, then the title
  let recipient = '';
  let head = 0;
  if (isRecipient(lines[0]) && lines[1] && /报告$/.test(lines[1].text)) {
    recipient = lines[0]!.text.replace(/[：:]$/, '').trim();
    head = 1;
  }
  // a whole report on one line: the title is its opening words up to 报告
  const first = lines[head];
  const oneLine = first && first.text.length > 40 && /[。；]/.test(first.text) ? /^(.{6,60}?报告)[\s\u3000]+(?=\S)/.exec(first.text) : null;
  if (first && oneLine && !/[。，；]/.test(oneLine[1]!)) lines.splice(head, 1, { ...first, text: oneLine[1]! }, { ...first, text: first.text.slice(oneLine[0].length) });
  // a joint title: the issuers' names on lines of their own above "关于…的报告"
  let issuers: string[] = [];
  while (head + issuers.length < lines.length && issuers.length < 3 && /^(中共)?.{2,30}(委员会|党委|党工委|人民政府|办事处)$/.test(lines[head + issuers.length]!.text)) issuers.push(lines[head + issuers.length]!.text);
  const joint = issuers.length >= 2 && /^关于.*报告$/.test(lines[head + issuers.length]?.text ?? '');
  if (!joint) issuers = [];
  const taken = joint ? { title: [...issuers, lines[head + issuers.length]!.text].join('\n'), used: issuers.length + 1 } : takeTitle(lines.slice(head));
  const { title: foundTitle } = taken;
  let i = head + taken.used;
  const r = lines[i];
  if (!recipient && isRecipient(r)) {
    recipient = r!.text.replace(/[：:]$/, '').trim();
    i++;
  }
  // notes below the 落款 of a published copy: （此件公开发布） and the like
  const trailing: string[] = [];
  while (lines.length - i > 2 && trailing.length < 3 && /^[（(][^）)]{1,30}[）)]$/.test(lines.at(-1)!.text) && parseChineseDate(lines.at(-2)!.text))
    trailing.unshift(lines.pop()!.text);
  if (trailing.length) warnings.push(`落款后的“${trailing.join('”“')}”不属于报告正文，未导入`);
  const sig = takeSignature(lines.slice(i));
  const body = lines.slice(i, lines.length - sig.used);

  const preamble: string[] = [];
  const roots: Part[] = [];
  const stack: Node[] = [];
  let headings = 0;

  const addPart = (level: number, heading: string, runIn: boolean, key: string): Part => {
    const part: Part = { id: newId('p'), heading: heading.slice(0, LIMIT.heading), runIn, paragraphs: [], status: '草稿', children: [] };
    if (heading.length > LIMIT.heading) part.paragraphs.push(heading.slice(LIMIT.heading));
    stack.length = level - 1;
    const parent = stack[level - 2];
    (parent ? parent.part.children : roots).push(part);
    stack.push({ part, key, lastIndex: 0 });
    headings++;
    return part;
  };
  const addBody = (text: string) => {
    const top = stack.at(-1);
    if (top) top.part.paragraphs.push(text);
    else preamble.push(text);
  };
  const finding = (partId: string, message: string, excerpt: string) =>
    findings.push(wholeFinding(partId, 'heading', 'numbering', '提醒', message, excerpt.slice(0, 60)));

  for (const line of body) {
    const num = matchNumber(line.text);
    const styleLvl = typeof line.style === 'number' ? line.style : null;
    let heading: { heading: string; body: string | null } | null = null;
    let key: string;
    if (num) {
      heading = splitHeading(num.rest);
      key = num.form;
    } else if (styleLvl !== null && line.text.length <= 100) {
      heading = splitHeading(line.text) ?? { heading: line.text, body: null };
      key = `style${styleLvl}`;
    } else if (line.list !== undefined && line.list !== null) {
      // numbered by Word itself: a heading when it reads like one, else a list item in the body
      heading = splitHeading(line.text);
      key = `list${line.list}`;
    } else key = '';
    if (!heading || !key) {
      addBody(line.text);
      continue;
    }
    // level from the forms met so far: a form seen before is that level again, a new one goes deeper
    let at = stack.findIndex((n) => n.key === key);
    const hint = num ? null : (styleLvl ?? (line.list !== undefined && line.list !== null ? line.list + 1 : null));
    if (at < 0 && hint !== null) at = Math.min(hint, stack.length + 1) - 1;
    const level = Math.min(at < 0 ? stack.length + 1 : at + 1, MAX_DEPTH);
    const expectedIndex = at >= 0 && stack[at]?.key === key ? stack[at]!.lastIndex + 1 : 1;
    const part = addPart(level, heading.heading, heading.body !== null, key);
    if (heading.body) part.paragraphs.push(heading.body);
    if (num) {
      typed.set(part.id, num.typed);
      stack[level - 1]!.lastIndex = num.index;
      const excerpt = `${num.typed}${heading.heading}`;
      if (num.problem) finding(part.id, num.problem, excerpt);
      if (num.index !== expectedIndex)
        finding(part.id, expectedIndex === 1 ? `本级编号应从“${FORM_SAMPLE[num.form]}”开始，这里是“${num.typed}”` : `编号不连续：应为第${expectedIndex}个，这里是“${num.typed}”`, excerpt);
      const expectedForm = LEVEL_FORMS[level - 1];
      if (expectedForm && expectedForm !== num.form && (LEVEL_FORMS as readonly string[]).includes(num.form))
        finding(part.id, `第${level}层标题应使用“${FORM_SAMPLE[expectedForm]}”形式的编号，这里是“${num.typed}”`, excerpt);
    }
  }

  let parts = roots;
  if (headings === 0) {
    warnings.push('未识别到任何标题（如“一、”“（一）”），全文作为一个部分导入，请在预览中调整层级');
    parts = [{ id: newId('p'), heading: '报告正文', runIn: false, paragraphs: preamble.splice(0), status: '草稿', children: [] }];
  }
  let title = foundTitle;
  if (!title) {
    title = opts.fallbackTitle;
    warnings.push(`未识别到报告标题，暂用“${title}”，请在预览中修改`);
  }
  parts = foldParts(parts, LIMIT.parts, warnings);
  const report: Report = {
    title,
    recipient: recipient.slice(0, 100),
    preamble: fold(preamble, LIMIT.preamble),
    parts,
    // a joint report is signed by both issuers (GB/T 9704 联合行文)
    signature: joint
      ? { enabled: true, name: issuers[0]!.slice(0, 60), jointName: issuers[1]!.slice(0, 60), date: sig.date }
      : { enabled: true, name: sig.name.slice(0, 60), date: sig.date },
  };
  return { report, findings, warnings, typed };
}
