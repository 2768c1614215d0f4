/**
 * The report's frame: the title (unit, year, 报告, and how it wraps), the years named in each
 * part, and the 落款 date.
 */
import type { Finding } from './finding';
import { reportCalendar } from '../dates';
import { TITLE_MIN_LINE, titleLines, titleOneLine } from '../report/titleLines';
import { finding, inSpans, quotedSpans, wholeFinding, type CheckText, type ProofreadInput } from './context';

export function checkTitle(input: ProofreadInput): Finding[] {
  // the clerk may break the title by hand; unit, year and 报告 are looked for in the whole of it
  const title = titleOneLine(input.report.title);
  const t: CheckText = { partId: null, field: 'title', paragraph: -1, text: input.report.title, masked: input.report.title, part: null, item: undefined, where: '标题' };
  const out: Finding[] = [];
  if (!title) return [wholeFinding(null, 'title', 'title-format', '错误', '报告还没有标题', '')];
  const unit = input.unit;
  if (unit && !title.includes(unit.shortName) && !title.includes(unit.fullName))
    out.push(wholeFinding(null, 'title', 'title-format', '错误', `标题里没有单位名称“${unit.shortName}”`, title));
  const years = [...title.matchAll(/(?<!\d)(\d{4})年/g)];
  if (!years.length) out.push(wholeFinding(null, 'title', 'title-format', '错误', `标题里没有年度（如“${input.year}年”）`, title));
  else
    for (const m of years)
      if (Number(m[1]) !== input.year)
        out.push(
          finding(t, 'year-mismatch', '错误', `标题写的是${m[1]}年，本报告是${input.year}年度`, m.index!, 4, { label: `改为${input.year}`, replacement: String(input.year) }),
        );
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
/** Clauses that compare with an earlier year, or name its awards and leftovers, name it on purpose. */
const COMPARING = /比|较|同比|相比|增长|下降|减少|提高|上升|以来|连续|自|从|截至|获评|评为|荣获|表彰|考核|评选|结转|遗留|巩固|延续|持续|上年|去年/;

/**
 * `year-mismatch` in the parts: the measures part naming last year (not as a comparison), the
 * plan part's heading not naming next year, the preamble opening with another year.
 */
export function checkYears(t: CheckText, year: number): Finding[] {
  if (t.field === 'title') return [];
  const out: Finding[] = [];
  const quoted = quotedSpans(t.masked);
  for (const m of t.masked.matchAll(YEAR)) {
    if (inSpans(quoted, m.index!)) continue;
    const y = Number(m[1]);
    const clause = clauseAround(t.masked, m.index!);
    const fixTo = (to: number) => ({ label: `改为${to}年`, replacement: String(to) });
    // headings: only the level-1 part's own (it carries the content item); a sub-part may name any year
    if (t.field === 'heading' && t.part?.contentItem === 'nextYear' && y !== year + 1)
      out.push(finding(t, 'year-mismatch', '错误', `下一年度安排应写${year + 1}年，这里写的是${y}年`, m.index!, 4, fixTo(year + 1)));
    else if ((t.item === 'measures' || t.field === 'preamble') && y === year - 1 && !COMPARING.test(clause))
      // a reminder: "获评2023年度先进单位" names last year on purpose
      out.push(finding(t, 'year-mismatch', '提醒', `本报告是${year}年度，这里写的是${y}年，请核对`, m.index!, 4, fixTo(year)));
    else if (t.field === 'heading' && t.part?.contentItem === 'measures' && y !== year)
      out.push(finding(t, 'year-mismatch', '错误', `本报告是${year}年度，标题写的是${y}年`, m.index!, 4, fixTo(year)));
  }
  return out;
}

function clauseAround(text: string, at: number): string {
  let a = at;
  while (a > 0 && !/[，。；！？\n]/.test(text[a - 1]!)) a--;
  let b = at;
  while (b < text.length && !/[，。；！？\n]/.test(text[b]!)) b++;
  return text.slice(a, b);
}

/** `signature-date`: the 落款 date must be after the year it reports on. */
export function checkSignatureDate(input: ProofreadInput): Finding[] {
  const sig = input.report.signature;
  if (!sig.enabled || !sig.date) return [];
  const [y, m, d] = sig.date.split('-').map(Number) as [number, number, number];
  const { writtenIn, due } = reportCalendar(input.year);
  if (sig.date <= `${input.year}-12-31`)
    return [wholeFinding(null, 'signature', 'signature-date', '错误', `落款日期${y}年${m}月${d}日早于${input.year}年度结束，年度报告应在${writtenIn}年成文`, sig.date)];
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
