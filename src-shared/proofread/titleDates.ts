/**
 * The report's frame: the title (unit, year, 报告, and how it wraps), the years named in each
 * part, and the 落款 date.
 */
import type { Finding } from './finding';
import { reportCalendar } from '../dates';
import { TITLE_MIN_LINE, titleLines, titleOneLine } from '../report/titleLines';
import { finding, wholeFinding } from './finding';
import type { CheckText, ProofreadInput } from './context';
import { clauseAround, clauseStart, inSpans, quotedSpans } from '../text/clauses';
import { scanFigures } from '../text/figures';
import { namesUnit, titleYear } from '../text/titles';

export function checkTitle(input: ProofreadInput): Finding[] {
  // the clerk may break the title by hand; unit, year and 报告 are looked for in the whole of it
  const title = titleOneLine(input.report.title);
  const t: CheckText = { partId: null, field: 'title', paragraph: -1, text: input.report.title, masked: input.report.title, part: null, item: undefined, where: '标题' };
  const out: Finding[] = [];
  if (!title) return [wholeFinding(null, 'title', 'title-format', '错误', '报告还没有标题', '')];
  const unit = input.unit;
  if (unit && !namesUnit(title, unit)) out.push(wholeFinding(null, 'title', 'title-format', '错误', `标题里没有单位名称“${unit.shortName}”`, title));
  const y = titleYear(input.report.title);
  if (!y) out.push(wholeFinding(null, 'title', 'title-format', '错误', `标题里没有年度（如“${input.year}年”）`, title));
  else {
    if (!y.withNian)
      out.push(
        finding(t, 'title-format', '错误', `标题中的年度“${y.year}”后缺少“年”字，应为“${y.year}年”`, y.offset, 4, { label: `改为“${y.year}年”`, replacement: `${y.year}年` }),
      );
    if (y.year !== input.year)
      out.push(
        finding(t, 'year-mismatch', '错误', `标题写的是${y.year}年，本报告是${input.year}年度`, y.offset, 4, { label: `改为${input.year}`, replacement: String(input.year) }),
      );
  }
  if (!title.includes('报告')) out.push(wholeFinding(null, 'title', 'title-format', '错误', '标题里没有“报告”二字', title));
  // the lines the export prints (typed breaks, else word boundaries): a line of one to three
  // characters can only come from a hand-made break, and GB/T 9704 wants lines of like length
  const lines = titleLines(input.report.title);
  const short = lines.findIndex((l) => [...l].length < TITLE_MIN_LINE);
  if (lines.length > 1 && short >= 0)
    out.push(
      wholeFinding(null, 'title', 'title-format', '提醒', `标题第${short + 1}行只有“${lines[short]}”${[...lines[short]!].length}个字，宜调整断行位置，使各行长短相近`, input.report.title),
    );
  return out;
}

const YEAR = /(?<![\d.])((?:19|20)\d{2})(?=年)/g;
/**
 * Words that name an earlier year on purpose: comparisons (较/比/同比/与…相比/自…以来/截至/连续),
 * awards and designations of that year, documents issued then, work carried over.
 */
const ON_PURPOSE = /比|较|同比|相比|增长|下降|减少|提高|上升|以来|连续|自|从|截至|截止|获评|评为|荣获|获得|表彰|考核|评选|命名|确定为|列为|结转|遗留|巩固|延续|持续|上年|去年|出台|印发|制定|颁布|施行|实施的|修订|修正|通过的|部署的/;
/** The clause says what was done in that year: the words of this year's work. */
const WORK = /开展|举办|组织|召开|完成|办理|受理|化解|调解|培训|发放|审查|聘请|公开|举行|接待|排查|走访|宣传|处理|查处|共|累计/;

/**
 * `year-mismatch` in the parts: a past year stated as when this year's work happened (copied from
 * an old report: "2022年共举办培训3期" in the 2023 measures) — not in a comparison, an award or a
 * document's name; the plan part's heading not naming next year; the measures heading another year.
 */
export function checkYears(t: CheckText, year: number): Finding[] {
  if (t.field === 'title') return [];
  const out: Finding[] = [];
  const quoted = quotedSpans(t.masked);
  for (const m of t.masked.matchAll(YEAR)) {
    if (inSpans(quoted, m.index!)) continue;
    const y = Number(m[1]);
    const fixTo = (to: number) => ({ label: `改为${to}年`, replacement: String(to) });
    // headings: only the level-1 part's own (it carries the content item); a sub-part may name any year
    if (t.field === 'heading' && t.part?.contentItem === 'nextYear' && y !== year + 1) {
      out.push(finding(t, 'year-mismatch', '错误', `下一年度安排应写${year + 1}年，这里写的是${y}年`, m.index!, 4, fixTo(year + 1)));
      continue;
    }
    if (t.field === 'heading' && t.part?.contentItem === 'measures' && y !== year) {
      out.push(finding(t, 'year-mismatch', '错误', `本报告是${year}年度，标题写的是${y}年`, m.index!, 4, fixTo(year)));
      continue;
    }
    if (y >= year || t.field === 'heading') continue;
    const before = t.masked.slice(clauseStart(t.masked, m.index!, 'sentence'), m.index!);
    // "2023年的问题清单", "在2023年基础上": a thing of that year, named — not work done in it
    if (/^年度?(?:的|基础|成果|水平)/.test(t.masked.slice(m.index! + 4, m.index! + 8))) continue;
    // the plan stating when its work is to be done in a year already past ("力争在2023年全面完成",
    // an old plan carried over); any other past year in the plan or the shortcomings is on purpose
    if (t.item === 'nextYear' && /(?:^|[是，,；;])(?:力争|争取|计划|确保)?(?:在|于)$/.test(before)) {
      out.push(finding(t, 'year-mismatch', '错误', `下一年度安排应写${year + 1}年，这里写的是${y}年：可能沿用了往年的文字`, m.index!, 4, fixTo(year + 1)));
      continue;
    }
    if (t.item === 'nextYear' || t.item === 'shortcomings') continue;
    // the clause before the year and the clause it opens: 较2022年, 与2022年相比, 2022年以来
    const clause = clauseAround(t.masked, m.index!);
    if (ON_PURPOSE.test(clause) || /(?:较|比|与|同|和|自|从|截至|对比|对照|按照|根据|依据|针对)$/.test(before)) continue;
    // what happened in that year is the rest of its sentence, read across half-width commas too
    const sentence = clauseAround(t.masked, m.index!, 'sentence');
    const rest = sentence.slice(sentence.indexOf(m[1]!) + 5);
    const stated = WORK.test(rest.split(/[，,；;]/, 3).join('，')) || scanFigures(rest).length > 0;
    if (stated && (t.item === 'measures' || t.item === 'firstResponsible' || t.field === 'preamble' || t.item === undefined || t.item === 'other'))
      out.push(finding(t, 'year-mismatch', '错误', `本报告是${year}年度，这里写的是${y}年做的工作：可能沿用了往年的文字，请核对`, m.index!, 4, fixTo(year)));
    else if (y === year - 1 && (t.item === 'measures' || t.field === 'preamble'))
      // a reminder: "获评2023年度先进单位" names last year on purpose
      out.push(finding(t, 'year-mismatch', '提醒', `本报告是${year}年度，这里写的是${y}年，请核对`, m.index!, 4, fixTo(year)));
  }
  return out;
}

/**
 * `signature-date`: the 落款 date comes after the year it reports on. A date in the report
 * year's December is only a reminder: some counties ask for the report before the year is out, and
 * real published reports are dated so; a date before December cannot cover the year's work.
 */
export function checkSignatureDate(input: ProofreadInput): Finding[] {
  const sig = input.report.signature;
  if (!sig.enabled || !sig.date) return [];
  const [y, m, d] = sig.date.split('-').map(Number) as [number, number, number];
  const { writtenIn, due } = reportCalendar(input.year);
  if (sig.date < `${input.year}-12-01`)
    return [wholeFinding(null, 'signature', 'signature-date', '错误', `落款日期${y}年${m}月${d}日早于${input.year}年度结束，年度报告应在${writtenIn}年成文`, sig.date)];
  if (sig.date <= `${input.year}-12-31`)
    return [
      wholeFinding(null, 'signature', 'signature-date', '提醒', `落款日期${y}年${m}月${d}日在${input.year}年度结束之前：上级要求年内报送时可以如此，否则年度报告应在${writtenIn}年成文`, sig.date),
    ];
  if (sig.date > due)
    return [wholeFinding(null, 'signature', 'signature-date', '提醒', `落款日期${y}年${m}月${d}日晚于3月31日的报送期限`, sig.date)];
  return [];
}

const PADDED_DATE = /(?<!\d)(\d{4})年(0?\d{1,2})月(0?\d{1,2})日/g;

/** Dates written in the text must follow 2025年1月15日 (no leading zeros). */
export function checkDateFormat(t: CheckText): Finding[] {
  if (!t.masked.includes('月')) return [];
  const out: Finding[] = [];
  for (const m of t.masked.matchAll(PADDED_DATE)) {
    if (!m[2]!.startsWith('0') && !m[3]!.startsWith('0')) continue;
    const right = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
    out.push(finding(t, 'signature-date', '提醒', `日期写法应为“${right}”，月、日前不加“0”`, m.index!, m[0].length, { label: `改为“${right}”`, replacement: right }));
  }
  return out;
}
