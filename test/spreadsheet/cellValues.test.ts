import { describe, expect, it } from 'vitest';
import { parseCount, parseDate, isTotalRow } from '../../src-main/spreadsheet/cellValues';
import { findTable, proposeMapping } from '../../src-main/spreadsheet/headerMapping';
import { matchCategory, matchMediationKind, matchMediationOutcome, matchVillage } from '../../src-shared/domain/lookup';

describe('dates as clerks write them', () => {
  const cases: Array<[unknown, string]> = [
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['2024.3.5-3.6', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05'],
    ['20240305', '2024-03-05'],
    [20240305, '2024-03-05'],
    ['3月5日', '2024-03-05'],
    ['3.5', '2024-03-05'],
    ['12月31日', '2024-12-31'],
    [45356, '2024-03-05'],
    ['45356', '2024-03-05'],
    [new Date(Date.UTC(2024, 2, 5)), '2024-03-05'],
  ];
  // the name says what the cell held: 20240305 typed as a number and as text are two cases, not one
  const shown = (v: unknown) => (typeof v === 'string' ? `'${v}'` : v instanceof Date ? `Date ${v.toISOString().slice(0, 10)}` : `${typeof v} ${String(v)}`);
  for (const [input, want] of cases) it(`${shown(input)} → ${want}`, () => expect(parseDate(input as never, 2024)).toEqual({ date: want }));

  it('says why a date is refused', () => {
    expect(parseDate('2024-02-30', 2024)).toEqual({ problem: expect.stringContaining('不是有效的日期') });
    expect(parseDate('上周三', 2024)).toEqual({ problem: expect.stringContaining('无法识别') });
    expect(parseDate(null, 2024)).toEqual({ problem: '日期为空' });
  });
});

describe('counts', () => {
  it('reads numbers stored as text, full-width digits, units and thousands separators', () => {
    expect(parseCount('３５', '人数')).toEqual({ value: 35 });
    expect(parseCount('约60人', '人数')).toEqual({ value: 60 });
    expect(parseCount('1,200', '人数')).toEqual({ value: 1200 });
    expect(parseCount('', '人数')).toEqual({ value: undefined });
    expect(parseCount(12.5, '人数')).toEqual({ problem: '人数“12.5”不是整数' });
    expect(parseCount(-3, '人数')).toEqual({ problem: '人数不能为负数' });
    expect(parseCount('很多', '人数')).toEqual({ problem: '人数“很多”不是整数' });
  });
  it('knows a total row', () => {
    expect(isTotalRow(['合 计', '', '195'])).toBe(true);
    expect(isTotalRow(['', '总计：', ''])).toBe(true);
    expect(isTotalRow(['2024-03-05', '合计宣传', ''])).toBe(false);
  });
});

describe('names', () => {
  const villages = [
    { id: 'v1', name: '东村' },
    { id: 'v2', name: '东山村' },
    { id: 'v3', name: '和平社区' },
  ];
  it('villages: exact, spaced, with 村委会/居委会, the bare stem; ambiguous stays unknown', () => {
    expect(matchVillage(villages, '东村')?.id).toBe('v1');
    expect(matchVillage(villages, ' 东 山 村 ')?.id).toBe('v2');
    expect(matchVillage(villages, '东山村村委会')?.id).toBe('v2');
    expect(matchVillage(villages, '和平社区居委会')?.id).toBe('v3');
    expect(matchVillage(villages, '和平')?.id).toBe('v3');
    expect(matchVillage(villages, '西村')).toBeUndefined();
  });
  it('categories, kinds and outcomes', () => {
    expect(matchCategory('普法宣传')?.id).toBe('pufa');
    expect(matchCategory('反诈')?.id).toBe('fanzha');
    expect(matchCategory('禁毒普法授课活动')?.id).toBe('jindu-lecture');
    expect(matchCategory('禁毒')).toBeUndefined(); // 禁毒宣传 or 禁毒普法授课: not guessed
    expect(matchMediationKind('婚姻家庭纠纷')).toBe('婚姻家庭');
    expect(matchMediationKind('邻里')).toBe('邻里纠纷');
    expect(matchMediationKind('宠物纠纷')).toBeUndefined();
    expect(matchMediationOutcome('调解不成功')).toBe('未成功');
    expect(matchMediationOutcome('调解成功')).toBe('成功');
    expect(matchMediationOutcome('正在调解')).toBe('调解中');
  });
});

describe('headers', () => {
  it('proposes each field once, never a personal column, and the cases\' free text only on request', () => {
    expect(proposeMapping('mediation', ['日期', '当事人姓名', '联系电话', '村', '纠纷类型', '结果', '简要情况'])).toEqual({
      日期: 'date',
      当事人姓名: null,
      联系电话: null,
      村: 'village',
      纠纷类型: 'kind',
      结果: 'outcome',
      简要情况: null,
    });
    expect(proposeMapping('ledger', ['时间', '活动类型', '活动内容', '地点', '参加人数', '发放资料（份）'])).toEqual({
      时间: 'date',
      活动类型: 'category',
      活动内容: 'title',
      地点: 'village',
      参加人数: 'participants',
      '发放资料（份）': 'materials',
    });
  });
  it('finds the header under title rows', () => {
    const t = findTable([['某镇台账'], [], ['说明：本表由司法所填报'], ['日期', '类别', '活动名称'], ['2024-01-01', '普法宣传', 'x']], 'ledger');
    expect(t?.headerRows).toEqual([4]);
    expect(t?.firstDataRow).toBe(4);
  });
});
