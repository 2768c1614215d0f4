/**
 * The text rules from their one home (src-shared/text): heading numbers in every typed form,
 * numerals, figures with units, clause bounds with half-width punctuation — and the property that
 * what the import strips from a heading is what the proofreader flags in one, and the other way round.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readHeadingNumber, stripHeadingNumber, pointMarkers } from '../../src-shared/text/headingNumbers';
import { chineseNumeral, parseChineseNumeral } from '../../src-shared/text/numerals';
import { scanFigures } from '../../src-shared/text/figures';
import { clauseAround } from '../../src-shared/text/clauses';
import { titleYear, unitFromTitle, titleIssuers } from '../../src-shared/text/titles';
import { matchNumber } from '../../src-main/services/import/structure';
import { checkHeadingNumber } from '../../src-shared/proofread/numbering';
import type { CheckText } from '../../src-shared/proofread/context';

const heading = (text: string): CheckText => ({ partId: 'p', field: 'heading', paragraph: -1, text, masked: text, part: null, item: undefined, where: text });

describe('heading numbers', () => {
  it('reads the four GB/T 9704 forms and the slips people type', () => {
    const cases: Array<[string, string, number, string | null]> = [
      ['一、加强队伍建设', 'cn-dun', 1, null],
      ['（一）、加强队伍建设', 'cn-paren', 1, '括号后不加标点'],
      ['(一)加强队伍建设', 'cn-paren', 1, '半角括号'],
      ['一.加强队伍建设', 'cn-dun', 1, '应为“一、”'],
      ['一．加强队伍建设', 'cn-dun', 1, '应为“一、”'],
      // a year opening the heading after a half-width dot (the corpus's r11 lost its first part to this)
      ['一.2023年法治政府建设主要举措和成效', 'cn-dun', 1, '应为“一、”'],
      ['十二 、其他', 'cn-dun', 12, '应为“十二、”'],
      ['1.送法进村', 'num-dot', 1, null],
      ['1．送法进村', 'num-dot', 1, '应为“1.”'],
      ['1、送法进村', 'num-dot', 1, '应为“1.”'],
      ['１.送法进村', 'num-dot', 1, '应为“1.”'],
      ['（1）建立台账', 'num-paren', 1, null],
      ['(2) 建立台账', 'num-paren', 2, '半角括号'],
      ['③建立台账', 'circled', 3, null],
      ['第二部分 基本情况', 'chapter', 2, null],
    ];
    for (const [text, form, index, problem] of cases) {
      const n = readHeadingNumber(text)!;
      expect(n, text).toMatchObject({ form, index });
      if (problem) expect(n.problem, text).toContain(problem);
      else expect(n.problem, text).toBeNull();
    }
    // the line of issue 18: imported as 加强队伍建设, not 、加强队伍建设
    expect(matchNumber('（一）、加强队伍建设')).toMatchObject({ rest: '加强队伍建设' });
    expect(stripHeadingNumber('（一）、 加强队伍建设')).toEqual({ text: '加强队伍建设', removed: '（一）、' });
    for (const body of ['一是完善制度', '2024年，全镇', '12.5%的群众', '1、2月份开展', '十分重视', '1.5万人', '一.5']) expect(readHeadingNumber(body), body).toBeNull();
  });

  it('points run in a paragraph: 一是…二是…, not 统一是', () => {
    const ms = pointMarkers('一是加强学习；二是统一是非标准，（3）落实责任。');
    expect(ms.map((m) => [m.kind, m.index])).toEqual([
      ['shi', 1],
      ['shi', 2],
      ['num-paren', 3],
    ]);
  });

  it('property: a heading number the import strips is one the proofreader flags, and the other way round', () => {
    const cn = fc.integer({ min: 1, max: 99 }).map(chineseNumeral);
    const dg = fc.integer({ min: 1, max: 99 }).map(String);
    const sp = fc.constantFrom('', ' ', '\u3000');
    const number = fc.oneof(
      fc.tuple(cn, sp, fc.constantFrom('、', '.', '．', '，', ',')).map(([n, s, p]) => `${n}${s}${p}`),
      fc.tuple(fc.constantFrom('（', '('), cn, fc.constantFrom('）', ')'), fc.constantFrom('', '、', '.')).map(([a, n, b, t]) => `${a}${n}${b}${t}`),
      fc.tuple(dg, sp, fc.constantFrom('.', '．', '、')).map(([n, s, p]) => `${n}${s}${p}`),
      fc.tuple(fc.constantFrom('（', '('), dg, fc.constantFrom('）', ')')).map(([a, n, b]) => `${a}${n}${b}`),
      fc.integer({ min: 0, max: 19 }).map((i) => String.fromCharCode(0x2460 + i)),
    );
    const words = fc.constantFrom('加强队伍建设', '坚持依法决策', '推进严格规范公正文明执法', '深化普法');
    fc.assert(
      fc.property(number, sp, words, (num, gap, w) => {
        const line = `${num}${gap}${w}`;
        const imported = matchNumber(line);
        const flagged = checkHeadingNumber(heading(line));
        expect(imported?.rest).toBe(w);
        expect(flagged).toHaveLength(1);
        // the proofreader's fix leaves exactly what the import keeps, and the editor strips the same
        const f = flagged[0]!;
        expect(line.slice(0, f.offset) + line.slice(f.offset + f.length)).toBe(w);
        expect(stripHeadingNumber(line).text).toBe(w);
      }),
      { numRuns: 400 },
    );
    // and nothing else: text the import keeps whole is text the proofreader does not flag
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const line = `${s}加强建设`;
        expect(matchNumber(line) === null).toBe(checkHeadingNumber(heading(line)).length === 0 || readHeadingNumber(line)!.end >= line.length);
      }),
      { numRuns: 400 },
    );
  });
});

describe('numerals', () => {
  it('round trip 1–99, and what is not a numeral', () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
    for (const s of ['', '百', '一一', '十十', '二十一二']) expect(parseChineseNumeral(s), s).toBeNaN();
  });
});

describe('figures with units', () => {
  it('reads 万, ％, 余/多, 近/约/超过, 以上, and a unit typed twice', () => {
    const f = (t: string) => scanFigures(t).map((m) => [m.value, m.unit, m.wording]);
    expect(f('覆盖群众4.5万人，发放资料3万余册')).toEqual([
      [45000, '人', ''],
      [30000, '册', '3万余'],
    ]);
    expect(f('满意率达95％，近50场，约300份，超过5000人，800多人，50场次以上')).toEqual([
      [95, '%', ''],
      [50, '场', '近50'],
      [300, '份', '约300'],
      [5000, '人', '超过5000'],
      [800, '人', '800多'],
      [50, '场次', '50以上'],
    ]);
    expect(scanFigures('办理5件件，3个个人')[0]!.echo).toBe(1);
    expect(scanFigures('3个个人')[0]!.echo).toBe(0);
    expect(f('2024年12月，v2.3.5版')).toEqual([]);
  });

  it('linear in the text: long runs of digits, spaces and punctuation', () => {
    // the old pattern backtracked from every digit (1.8 s per 20,000 digits); a generous bound, the cost is in npm run bench
    const digits = '1'.repeat(400_000);
    const t0 = Date.now();
    expect(scanFigures(`${digits}件`)).toHaveLength(1);
    expect(scanFigures(digits)).toHaveLength(0);
    expect(scanFigures(`${'1 '.repeat(200_000)}`)).toHaveLength(0);
    expect(scanFigures(`${'1,'.repeat(100_000)}${'；'.repeat(100_000)}`)).toHaveLength(0);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('clauses and sentences', () => {
  it('half-width , ; : break clauses in Chinese text, not inside numbers and times', () => {
    const t = '2022年,共举办培训3期;覆盖1,000人,会议于9:30召开';
    expect(clauseAround(t, t.indexOf('共'))).toBe('共举办培训3期');
    expect(clauseAround(t, t.indexOf('1,000'))).toBe('覆盖1,000人');
    expect(clauseAround(t, t.indexOf('9:30'))).toBe('会议于9:30召开');
    expect(clauseAround(t, 0, 'sentence')).toBe('2022年,共举办培训3期');
  });
});

describe('titles', () => {
  it('year and unit in the forms real titles take', () => {
    expect(titleYear('某某路街道2024法治政府建设年度报告')).toMatchObject({ year: 2024, withNian: false });
    expect(unitFromTitle('某某路街道2024法治政府建设年度报告')).toMatchObject({ shortName: '某某路街道', kind: '街道' });
    expect(unitFromTitle('某某街2024年法治政府建设年度报告')).toMatchObject({ shortName: '某某街道', kind: '街道' });
    expect(unitFromTitle('市桥街道2024年法治政府建设年度报告')).toMatchObject({ shortName: '市桥街道' });
    expect(titleIssuers('中共柳湾乡委员会\n柳湾乡人民政府\n关于2024年法治政府建设情况的报告')).toEqual(['中共柳湾乡委员会', '柳湾乡人民政府']);
  });
});
