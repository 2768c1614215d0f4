/**
 * Line breaking of the report title (GB/T 9704-2012 §7.3.1: a long title is split "词意完整，排列对称，
 * 长短适宜", in a trapezoid or diamond shape). The preview and the .docx both print the lines this
 * module returns, so they agree; each line fits the text block, so Word and LibreOffice do not wrap
 * them again. Pure and zod-free: the renderer and the proofreader import it.
 */

/** 二号 (22 pt) characters in the 156 mm text block: 442.25 pt / 22 pt. */
export const TITLE_LINE_UNITS = 20;

/** Shortest line the automatic breaker accepts (never one to three characters alone). */
export const TITLE_MIN_LINE = 4;

const isHalf = (ch: string) => (ch.codePointAt(0) ?? 0) < 0x2000;

/**
 * Width in full-width characters: digits and Latin letters are half an em in Times New Roman, and
 * Word and LibreOffice put a quarter em between Chinese and Latin text (autoSpaceDE/DN: "关于 2025 年").
 */
export function titleWidth(text: string): number {
  let w = 0;
  let prev: boolean | null = null;
  for (const ch of text) {
    const half = isHalf(ch);
    w += half ? 0.5 : 1;
    if (prev !== null && prev !== half && !/\s/.test(ch)) w += 0.25;
    prev = half;
  }
  return w;
}

/** Lines the clerk typed (Enter in the title field); blank lines and edge spaces dropped. */
export function manualTitleLines(title: string): string[] {
  return String(title ?? '')
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((l) => l !== '');
}

/** The title on one line, as file names and document properties want it. */
export function titleOneLine(title: string): string {
  return manualTitleLines(title).join('');
}

// Words a title is made of; a cut inside one breaks "词意完整". Longest first matters for the scan.
const WORDS = '法治政府建设 街道办事处 人民政府 法治政府 法治建设 依法行政 依法治区 依法治县 依法治镇 依法治乡 第一责任人 负责人 委员会 办事处 工作情况 年度报告 工作报告 情况报告 法治 政府 建设 年度 报告 工作 情况 关于 推进 履行 职责 主要 党委 党政 街道 全面 依法 治理 开展 落实 行政 执法 普法 宣传 司法 中共 统计表 指标 完成 统计 说明 材料 汇编 名单 相关 清单 目录 制度 规定 办法 方案 计划 总结 考核 评估 决策 审查 公开 调解 矛盾 纠纷 化解'.split(' ');
/** Ends of a unit's name: a cut right after one (before the year or 关于) is the best cut there is. */
const UNIT_ENDS = '人民政府 政府 办事处 街道 委员会 党委 镇 乡 区 县 局 所 办'.split(' ');
/** What a title ends with; a cut before the longest one present keeps "报告" with its words. */
const ENDINGS = '工作情况的报告 情况的报告 工作情况报告 工作的报告 年度报告 工作报告 情况报告 的报告 报告'.split(' ');

const CLOSING = /[、，。．：；！？）》」』”’〕】,.:;!?)\]]/;
const OPENING = /[（《「『“‘〔【(\[]/;
const ALNUM = /[0-9A-Za-z]/;

/** Cost of cutting before character `i` (1 … n−1); Infinity where a cut is never allowed. */
function cutCosts(chars: string[]): number[] {
  const n = chars.length;
  const text = chars.join('');
  // string index of each character (surrogate pairs take two)
  const at: number[] = [];
  let k = 0;
  for (const c of chars) {
    at.push(k);
    k += c.length;
  }
  at.push(k);
  const costs = new Array<number>(n + 1).fill(10);
  costs[0] = Infinity;
  costs[n] = Infinity;
  // inside and at the edges of known words
  const inside = new Array<number>(n + 1).fill(0);
  const edge = new Array<boolean>(n + 1).fill(false);
  for (let i = 0; i < n; i++) {
    for (const w of WORDS) {
      if (!text.startsWith(w, at[i])) continue;
      const len = [...w].length;
      for (let j = i + 1; j < i + len; j++) inside[j] = Math.max(inside[j]!, len >= 4 ? 25 : 40);
      edge[i] = true;
      edge[i + len] = true;
    }
  }
  for (let i = 1; i < n; i++) {
    const prev = chars[i - 1]!;
    const cur = chars[i]!;
    if ((ALNUM.test(prev) && ALNUM.test(cur)) || CLOSING.test(cur) || OPENING.test(prev) || /\s/.test(cur)) {
      costs[i] = Infinity;
      continue;
    }
    let c = inside[i]! > 0 ? inside[i]! : edge[i] ? 5 : 10;
    const rest = text.slice(at[i]);
    const before = text.slice(0, at[i]);
    // unit | year + subject: before "2025年" or "关于"
    if (/^\d{4}\s*年/.test(rest) || rest.startsWith('关于')) c = 0;
    else if (UNIT_ENDS.some((u) => before.endsWith(u)) && /^(\d|关于|年|法治|全面|推进|党政|依法)/.test(rest)) c = Math.min(c, 1);
    // a conjunction opens the second half of a subject: "法治政府建设 | 和依法行政"
    if (/^[和及与暨]/.test(rest) && inside[i] === 0) c = Math.min(c, 3);
    // the year belongs with the subject, not alone at a line end
    if (/\d{4}\s*年度?$/.test(before)) c = Math.max(c, 8);
    // subject | 报告
    const ending = ENDINGS.find((e) => text.endsWith(e));
    if (ending && rest === ending) c = Math.min(c, 2);
    costs[i] = c;
  }
  return costs;
}

interface Plan {
  cost: number;
  cuts: number[];
}

/** Best `lines`-line split of `chars` (cut indices), or null if none fits `max`. */
function bestSplit(chars: string[], widths: number[], costs: number[], lines: number, max: number): Plan | null {
  const n = chars.length;
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1]! + w);
  const total = prefix[n]!;
  const avg = total / lines;
  const lineCost = (a: number, b: number) => {
    const w = prefix[b]! - prefix[a]!;
    if (w > max || w < TITLE_MIN_LINE) return Infinity;
    // symmetry: lines of about the same length
    return 3 * Math.abs(w - avg);
  };
  // dp[l][i]: best cost of the first i characters in l lines
  const dp: Array<Array<Plan | null>> = Array.from({ length: lines + 1 }, () => new Array<Plan | null>(n + 1).fill(null));
  dp[0]![0] = { cost: 0, cuts: [] };
  for (let l = 1; l <= lines; l++) {
    for (let i = 1; i <= n; i++) {
      if (l < lines && !Number.isFinite(costs[i]!)) continue;
      if (l === lines && i !== n) continue;
      let best: Plan | null = null;
      for (let j = l - 1; j < i; j++) {
        const p = dp[l - 1]![j];
        if (!p) continue;
        const lc = lineCost(j, i);
        if (!Number.isFinite(lc)) continue;
        const cost = p.cost + lc + (l < lines ? costs[i]! : 0);
        if (!best || cost < best.cost) best = { cost, cuts: l < lines ? [...p.cuts, i] : p.cuts };
      }
      dp[l]![i] = best;
    }
  }
  const plan = dp[lines]![n];
  if (!plan) return null;
  // shape: a diamond or a trapezoid, not an hourglass (a middle line shorter than both neighbours)
  const bounds = [0, ...plan.cuts, n];
  const ws = bounds.slice(1).map((b, i) => prefix[b]! - prefix[bounds[i]!]!);
  let shape = 0;
  for (let i = 1; i < ws.length - 1; i++) if (ws[i]! < ws[i - 1]! && ws[i]! < ws[i + 1]!) shape += 20;
  return { cost: plan.cost + shape + 15 * (lines - 1), cuts: plan.cuts };
}

/** Split one line that is too wide for the text block at the best word boundaries. */
function autoBreak(line: string, max: number): string[] {
  if (titleWidth(line) <= max) return [line];
  const chars = [...line];
  // each character's width, with the quarter em of a Chinese/Latin boundary given to the later one
  const widths = chars.map((c, i) => (isHalf(c) ? 0.5 : 1) + (i > 0 && isHalf(chars[i - 1]!) !== isHalf(c) ? 0.25 : 0));
  const costs = cutCosts(chars);
  const least = Math.ceil(titleWidth(line) / max);
  let best: Plan | null = null;
  for (let lines = least; lines <= least + 1; lines++) {
    const p = bestSplit(chars, widths, costs, lines, max);
    if (p && (!best || p.cost < best.cost)) best = p;
  }
  if (!best) {
    // Nothing fits the rules (a long run of Latin text, say): cut at the width, leaving no orphan.
    const out: string[] = [];
    let cur = '';
    for (const ch of chars) {
      if (titleWidth(cur + ch) > max) {
        out.push(cur);
        cur = '';
      }
      cur += ch;
    }
    if (cur) out.push(cur);
    return out;
  }
  const bounds = [0, ...best.cuts, chars.length];
  return bounds.slice(1).map((b, i) => chars.slice(bounds[i]!, b).join('').trim());
}

/**
 * The title's printed lines: where the clerk broke it, or else at word boundaries so every line fits
 * the text block, the lines are about equally long and none holds fewer than four characters.
 */
export function titleLines(title: string, max = TITLE_LINE_UNITS): string[] {
  return manualTitleLines(title).flatMap((l) => autoBreak(l, max));
}
