import { describe, expect, it } from 'vitest';
import { FINDING_CODES, findingKey, type Finding, type FindingCode } from '../../src-shared/proofread/finding';
import { applyFixToReport, findingText, mergeFindings, proofreadPart, proofreadReport, type ProofreadInput } from '../../src-shared/proofread';
import { TITLE_LINE_UNITS, titleLines } from '../../src-shared/report/titleLines';
import { SIZE_ERHAO, TEXT_WIDTH } from '../../src-main/export/gbt9704';
import { buildDemo, demoUnit } from '../../src-main/demo';
import { computeReadings } from '../../src-main/services/indicators/compute';
import type { Report } from '../../src-shared/domain/report';
import { cleanImported, cleanStreet, cleanWithData, demoReadings, emptyReadings, frame, part, unit } from './fixtures';

const withData = demoReadings();
const noData = emptyReadings();

function run(report: Report, readings = noData, year = 2024): Finding[] {
  return proofreadReport({ report, year, readings, unit });
}
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const only = (fs: Finding[], code: FindingCode) => fs.filter((f) => f.code === code);

/** Apply every fix of one code (last offset first, so earlier offsets stay valid) and check again. */
function fixAll(report: Report, fs: Finding[]): Report {
  let r = report;
  // each fix on the text as the ones after it in the same text left it: right to left
  const sorted = [...fs].filter((f) => f.fix).sort((a, b) => b.offset - a.offset);
  for (const f of sorted) r = applyFixToReport(r, f);
  return r;
}

describe('clean reports raise nothing', () => {
  it('the demo report, with its data', () => {
    const { year } = buildDemo();
    expect(proofreadReport({ report: year.report, year: 2024, readings: computeReadings(demoUnit(), year), unit })).toEqual([]);
  });
  it.each([
    ['a report with data: placeholders, 一是/二是, 100%, 2024年 in the measures, 《…》 with figures inside', cleanWithData],
    ['an imported report in an empty year: every figure typed', cleanImported],
    ['a 街道 report of 2025 with nested parts', cleanStreet],
  ])('%s', (_name, make) => {
    expect(proofreadReport((make as () => ProofreadInput)())).toEqual([]);
  });
  it('the frame the slips are put into is clean itself', () => {
    expect(run(frame(2024, {}))).toEqual([]);
    expect(run(frame(2024, {}), withData)).toEqual([]);
  });
});

describe('each code: a text that raises it', () => {
  it('rate-arithmetic: 20 took it, 17 passed, the rate is not 95%; the fix puts in 85%', () => {
    const r = frame(2024, { measures: ['组织机关干部参加考试20人，通过17人，通过率95%。'] });
    const [f] = only(run(r), 'rate-arithmetic');
    expect(f).toMatchObject({ severity: '错误', excerpt: '95%', fix: { replacement: '85%' } });
    expect(f!.message).toContain('17÷20=85%');
    expect(only(run(fixAll(r, [f!])), 'rate-arithmetic')).toEqual([]);
    // correct arithmetic, rounded: 114 ÷ 120 = 95%
    expect(only(run(frame(2024, { measures: ['全年调解纠纷120起，调解成功114起，成功率95%。'] })), 'rate-arithmetic')).toEqual([]);
  });

  it('text-vs-data: a typed figure the data contradicts, only where the year has data', () => {
    const r = frame(2024, { measures: ['全年开展各类普法宣传活动20次，成效明显。'] });
    const [f] = only(run(r, withData), 'text-vs-data');
    expect(f).toMatchObject({ severity: '错误', excerpt: '20次', fix: { label: '改用占位符', replacement: '{{pufa-events}}' } });
    expect(f!.message).toContain('18次');
    expect(run(fixAll(r, [f!]), withData)).toEqual([]);
    // the same text in a year with nothing recorded is not judged
    expect(only(run(r, noData), 'text-vs-data')).toEqual([]);
    // a typed figure that agrees: a reminder to use the placeholder
    const same = only(run(frame(2024, { measures: ['全年开展各类普法宣传活动18次，调解成功率95%。'] }), withData), 'text-vs-data');
    expect(same).toMatchObject([{ severity: '提醒', fix: { replacement: '{{pufa-events}}' } }]);
    // a weak word needs the year-total cue: part of all 普法 is not judged, the year's total is
    expect(only(run(frame(2024, { measures: ['开展民法典普法宣传3场。'] }), withData), 'text-vs-data')).toEqual([]);
    expect(only(run(frame(2024, { measures: ['全年开展普法宣传活动3场。'] }), withData), 'text-vs-data')).toMatchObject([{ severity: '错误', excerpt: '3场' }]);
    // "通过" is the exam's only in a sentence about 考试
    expect(only(run(frame(2024, { measures: ['通过“法律明白人”培训15人。'] }), withData), 'text-vs-data')).toEqual([]);
    expect(only(run(frame(2024, { measures: ['执法资格考试通过5人。'] }), withData), 'text-vs-data')).toMatchObject([{ excerpt: '5人' }]);
    // an approximate figure the data contradicts (data 2150, text claims more than 3000)
    expect(only(run(frame(2024, { measures: ['发放民法典宣传资料3000余份。'] }), withData), 'text-vs-data')).toMatchObject([{ severity: '错误' }]);
  });

  it('same-figure-differs: one quantity quoted twice with numbers that cannot both hold', () => {
    const r = frame(2024, { measures: ['开展法律服务“坐诊”20余次，群众满意。', '开展法治讲座12场。'], shortcomings: ['虽然开展法治讲座15场，但覆盖面不足；法律服务“坐诊”15次，覆盖15个村。'] });
    const fs = only(run(r), 'same-figure-differs');
    expect(fs.map((f) => f.excerpt).sort()).toEqual(['15场', '15次']);
    expect(fs[0]!.message).toContain('主要举措和成效');
    // 20余 and 25 can both be true
    expect(only(run(frame(2024, { measures: ['开展法律服务“坐诊”20余次。'], shortcomings: ['法律服务“坐诊”25次。'] })), 'same-figure-differs')).toEqual([]);
  });

  it('approx-exact: 余 with an exact-looking number, and a round number said exactly against the data', () => {
    const [a] = only(run(frame(2024, { measures: ['发放宣传资料2087余份。'] })), 'approx-exact');
    expect(a).toMatchObject({ severity: '提醒', excerpt: '2087余份', fix: { replacement: '2000余份' } });
    const [b] = only(run(frame(2024, { measures: ['发放民法典宣传资料2000份。'] }), withData), 'approx-exact');
    expect(b).toMatchObject({ excerpt: '2000份', fix: { replacement: '2000余份' } });
    expect(b!.message).toContain('2150份');
    expect(only(run(frame(2024, { measures: ['发放宣传资料2000余份，超过95%的群众知晓。'] })), 'approx-exact')).toEqual([]);
  });

  it('year-mismatch: the title, the measures naming last year, the plan not naming next year', () => {
    const r = frame(2024, { measures: ['2023年，我镇扎实推进依法行政。', '执法案卷合格率较2023年提高。'], planHeading: '2024年主要安排' });
    r.title = '横街镇2023年法治政府建设年度报告';
    const fs = only(run(r), 'year-mismatch');
    expect(fs.map((f) => [f.field, f.excerpt, f.fix?.replacement])).toEqual([
      ['title', '2023', '2024'],
      ['body', '2023', '2024'],
      ['heading', '2024', '2025'],
    ]);
    expect(only(run(fixAll(r, fs)), 'year-mismatch')).toEqual([]);
  });

  it('numbering: a number typed into a heading, gaps and wrong forms in a typed list, 一是 then 三是', () => {
    const r = frame(2024, { measuresHeading: '一、主要举措和成效', shortcomings: ['一、制度不够健全。', '三、执法力量不足。', '1、宣传不够。', '(一)原因分析。'], plan: ['一是加强学习；三是强化监督。'] });
    const fs = only(run(r), 'numbering');
    expect(fs.find((f) => f.field === 'heading')).toMatchObject({ severity: '错误', excerpt: '一、', fix: { replacement: '' } });
    expect(fs.map((f) => f.excerpt)).toEqual(expect.arrayContaining(['三、', '1、', '(一)', '三是']));
    const fixed = fixAll(r, fs.filter((f) => f.fix));
    expect(fixed.parts[0]!.heading).toBe('主要举措和成效');
    expect(fixed.parts[1]!.paragraphs.slice(2)).toEqual(['1.宣传不够。', '（一）原因分析。']);
    // the half-width brackets of "(一)" are one finding (numbering, with its fix), not three
    expect(only(run(r), 'half-width')).toEqual([]);
  });

  it('duplicate-phrase: 依法依法行政, fixed to one copy', () => {
    const r = frame(2024, { measures: ['坚持依法依法行政，主动公开政务信息。'] });
    const [f] = only(run(r), 'duplicate-phrase');
    expect(f).toMatchObject({ excerpt: '依法依法', fix: { replacement: '依法' } });
    expect(fixAll(r, [f!]).parts[0]!.paragraphs[0]).toBe('坚持依法行政，主动公开政务信息。');
  });

  it('unmatched-pair: a 《 left open, a ” closed twice, a （ never closed', () => {
    const fs = only(run(frame(2024, { measures: ['学习《中华人民共和国行政复议法，培训“法律明白人””。', '村（社区）法律顾问（全覆盖。'] })), 'unmatched-pair');
    expect(fs.map((f) => f.excerpt)).toEqual(['《', '”', '（']);
  });

  it('half-width: , ; ( ) between Chinese characters, one finding per part with one fix for all', () => {
    const r = frame(2024, { measures: ['推进法治建设,加强队伍培训;成立顾问团(3人)。', '落实责任,狠抓执行。'] });
    const fs = only(run(r), 'half-width');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('有5处半角标点');
    expect(fs[0]!.spots!.map((s) => [s.paragraph, r.parts[0]!.paragraphs[s.paragraph]![s.offset]])).toEqual([
      [0, ','],
      [0, ';'],
      [0, '('],
      [0, ')'],
      [1, ','],
    ]);
    const fixed = fixAll(r, fs).parts[0]!.paragraphs;
    expect(fixed).toEqual(['推进法治建设，加强队伍培训；成立顾问团（3人）。', '落实责任，狠抓执行。']);
    // a single mark is a single finding, worded the same as the import's
    const one = only(run(frame(2024, { measures: ['推进法治建设,加强队伍培训。'] })), 'half-width');
    expect(one).toMatchObject([{ excerpt: ',', message: '中文里用了半角“,”，应为全角“，”', fix: { replacement: '，' } }]);
  });

  it('missing-content-item, empty-part, placeholder-no-data', () => {
    const r = frame(2024, { shortcomings: [] });
    r.parts = r.parts.filter((p) => p.contentItem !== 'nextYear');
    r.parts[0]!.paragraphs.push('全年办理行政复议案件{{admin-review-cases}}。');
    const fs = run(r, withData);
    expect(only(fs, 'missing-content-item')).toMatchObject([{ severity: '错误', partId: null, field: 'report' }]);
    expect(only(fs, 'missing-content-item')[0]!.message).toContain('下一年度主要安排');
    expect(only(fs, 'empty-part')).toMatchObject([{ partId: r.parts[1]!.id }]);
    expect(only(fs, 'placeholder-no-data')).toMatchObject([{ excerpt: '{{admin-review-cases}}', offset: 10 }]);
  });

  it('signature-date: a 落款 before the year ends, a date with leading zeros', () => {
    const r = frame(2024, { plan: ['一是加强学习。', '本报告于2025年01月05日经党委会审议。'] });
    r.signature.date = '2024-12-20';
    const fs = only(run(r), 'signature-date');
    expect(fs.map((f) => f.field)).toEqual(['body', 'signature']);
    expect(fs[0]!.fix?.replacement).toBe('2025年1月5日');
    // December of the report year: some counties ask for the report before the year is out
    expect(fs[1]).toMatchObject({ severity: '提醒' });
    r.signature.date = '2024-11-30';
    expect(only(run(r), 'signature-date')[1]).toMatchObject({ severity: '错误' });
  });

  it('title-format: no unit, no 报告, and a hand-made break that leaves one character alone', () => {
    const r = frame(2024, {});
    r.title = '2024年法治政府建设工作情况';
    expect(only(run(r), 'title-format').map((f) => f.message)).toEqual([expect.stringContaining('单位名称'), expect.stringContaining('报告')]);
    // one character too long for a line: the export breaks it at a word boundary, nothing to flag
    r.title = '横街镇人民政府2024年度法治政府建设工作报告';
    expect(titleLines(r.title).length).toBe(2);
    expect(only(run(r), 'title-format')).toEqual([]);
    // the clerk's own break leaves 告 alone on the second line
    r.title = '横街镇2024年法治政府建设年度报\n告';
    expect(only(run(r), 'title-format')).toMatchObject([{ severity: '提醒', field: 'title', message: expect.stringContaining('第2行') }]);
  });

  it('the title line length is the export’s: 二号 characters across the 156 mm block', () => {
    expect(TITLE_LINE_UNITS).toBe(Math.floor(TEXT_WIDTH / (SIZE_ERHAO * 10)));
  });

  it('every code of the contract is raised by one of the tests above', () => {
    // 15 here (carried-over in carried.test.ts); the 报送件's four (doc-number, signer-missing, cc-ending, print-date) in test/proofread/issuance.test.ts
    expect(FINDING_CODES.length).toBe(19);
  });
});

describe('findings the import stored, and ignored ones', () => {
  const report = frame(2024, { measures: ['推进法治建设,加强队伍培训。'] });
  const imported: Finding = {
    code: 'numbering',
    severity: '提醒',
    message: '导入时序号不连续：一、之后是三、',
    partId: report.parts[0]!.id,
    field: 'body',
    paragraph: 0,
    offset: 2,
    length: 4,
    excerpt: '法治建设',
  };
  it('an imported finding stays while its text is there (moved with it), and goes once the text changes', () => {
    const live = run(report);
    const merged = mergeFindings(live, { imported: [imported], ignored: [] }, report);
    expect(merged).toContainEqual(imported);
    const moved = structuredClone(report);
    moved.parts[0]!.paragraphs[0] = `全年${moved.parts[0]!.paragraphs[0]}`;
    expect(mergeFindings(run(moved), { imported: [imported], ignored: [] }, moved)).toContainEqual({ ...imported, offset: 4 });
    const changed = structuredClone(report);
    changed.parts[0]!.paragraphs[0] = '推进依法行政。';
    expect(mergeFindings(run(changed), { imported: [imported], ignored: [] }, changed)).not.toContainEqual(expect.objectContaining({ code: 'numbering' }));
  });
  it('an ignored key hides live and imported findings alike', () => {
    const live = run(report);
    const hw = live.find((f) => f.code === 'half-width')!;
    const merged = mergeFindings(live, { imported: [imported], ignored: [findingKey(hw), findingKey(imported)] }, report);
    expect(merged).toEqual([]);
  });
  it('findingText points at the text a finding is about', () => {
    const hw = run(report).find((f) => f.code === 'half-width')!;
    expect(findingText(report, hw)!.slice(hw.offset, hw.offset + hw.length)).toBe(',');
  });
});

describe('the part check the editor runs per keystroke', () => {
  it('finds the same slips in one part as the whole-report check', () => {
    const r = frame(2024, { measures: ['坚持依法依法行政,推进法治建设。'] });
    const part0 = r.parts[0]!;
    const inPart = proofreadPart(part0, { year: 2024, readings: noData });
    expect(codes(inPart).sort()).toEqual(codes(run(r).filter((f) => f.partId === part0.id)).sort());
    expect(codes(inPart).sort()).toEqual(['duplicate-phrase', 'half-width']);
  });
  it('an empty part in the part check too', () => {
    expect(codes(proofreadPart(part('空白部分', []), { year: 2024, readings: noData }))).toEqual(['empty-part']);
  });
});

describe('findings the import stored, in the import’s own shape', () => {
  it('its half-width findings (context as excerpt) are not listed twice: the live check speaks for them', () => {
    const report = frame(2024, { measures: ['推进法治建设,加强队伍培训。'] });
    const imported: Finding = {
      code: 'half-width',
      severity: '提醒',
      message: '中文中使用了半角标点“,”，应为全角“，”',
      partId: report.parts[0]!.id,
      field: 'body',
      paragraph: 0,
      offset: 6,
      length: 1,
      excerpt: '推进法治建设,加强队伍培',
      fix: { label: '改为全角“，”', replacement: '，' },
    };
    const merged = mergeFindings(run(report), { imported: [imported], ignored: [] }, report);
    expect(merged.filter((f) => f.code === 'half-width')).toHaveLength(1);
    expect(merged.find((f) => f.code === 'half-width')).toMatchObject({ offset: 6, excerpt: ',' });
  });
  it('a context-excerpt finding of another code stays while its context is there', () => {
    const report = frame(2024, { measures: ['（一）稳步推进法治建设。'] });
    const imported: Finding = { code: 'numbering', severity: '提醒', message: '原文序号（一）之后缺（二）', partId: report.parts[0]!.id, field: 'body', paragraph: 0, offset: 0, length: 3, excerpt: '（一）稳步推进' };
    expect(mergeFindings([], { imported: [imported], ignored: [] }, report)).toEqual([imported]);
    const changed = frame(2024, { measures: ['稳步推进法治建设。'] });
    changed.parts[0]!.id = report.parts[0]!.id;
    expect(mergeFindings([], { imported: [imported], ignored: [] }, changed)).toEqual([]);
  });
});
