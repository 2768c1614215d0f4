import { describe, expect, it } from 'vitest';
import { matchNumber } from '../../src-main/services/import/structure';
import { contentItemOf } from '../../src-shared/text/contentItems';
import { parseChineseDate } from '../../src-shared/text/numerals';
import { unitFromTitle, yearFromTitle } from '../../src-shared/text/titles';
import { suggestIndicators } from '../../src-main/services/import/suggest';
import { BUILT_IN_INDICATORS } from '../../src-shared/catalog/builtInIndicators';

describe('pieces of the importer', () => {
  it('dates in the 落款, in digits or Chinese numerals', () => {
    expect(parseChineseDate('2025年1月20日')).toBe('2025-01-20');
    expect(parseChineseDate('2025 年 1 月 5 日')).toBe('2025-01-05');
    expect(parseChineseDate('二〇二五年一月二十日')).toBe('2025-01-20');
    expect(parseChineseDate('二○二四年十二月三十一日')).toBe('2024-12-31');
    expect(parseChineseDate('2025年2月30日')).toBeNull();
    expect(parseChineseDate('2025年1月')).toBeNull();
  });

  it('typed heading numbers, and what is not one', () => {
    expect(matchNumber('一、总体情况')).toMatchObject({ form: 'cn-dun', index: 1, rest: '总体情况', problem: null });
    expect(matchNumber('十二、其他')).toMatchObject({ form: 'cn-dun', index: 12 });
    expect(matchNumber('三．问题')).toMatchObject({ form: 'cn-dun', index: 3, problem: '编号“三．”应为“三、”' });
    expect(matchNumber('（二）依法决策')).toMatchObject({ form: 'cn-paren', index: 2, problem: null });
    expect(matchNumber('(二)依法决策')!.problem).toContain('半角括号');
    expect(matchNumber('3.送法进村')).toMatchObject({ form: 'num-dot', index: 3, problem: null });
    expect(matchNumber('3、送法进村')!.problem).toBe('编号“3、”应为“3.”');
    expect(matchNumber('（4）建立台账')).toMatchObject({ form: 'num-paren', index: 4 });
    for (const body of ['一是完善制度', '2024年，全镇', '12.5%的群众', '1、2月份开展', '十九大以来', '三是', '一、']) expect(matchNumber(body), body).toBeNull();
  });

  it('content items by meaning', () => {
    const cases: Array<[string, string]> = [
      ['2024年法治政府建设基本情况', 'measures'],
      ['推进法治政府建设的主要举措和成效', 'measures'],
      ['工作开展情况', 'measures'],
      ['存在的问题和不足', 'shortcomings'],
      ['困难和短板', 'shortcomings'],
      ['党政主要负责人履行推进法治建设第一责任人职责情况', 'firstResponsible'],
      ['主要负责人履职情况', 'firstResponsible'],
      ['2025年工作打算', 'nextYear'],
      ['2025年推进法治政府建设主要安排', 'nextYear'],
      ['下一步工作思路', 'nextYear'],
      ['其他需要报告的情况', 'other'],
      ['附表', 'other'],
    ];
    for (const [h, item] of cases) expect(contentItemOf(h, 2024), h).toBe(item);
  });

  it('year and unit from the title', () => {
    expect(yearFromTitle('横街镇2024年法治政府建设年度报告')).toBe(2024);
    expect(yearFromTitle('关于2023年度法治政府建设情况的报告')).toBe(2023);
    expect(yearFromTitle('法治政府建设年度报告')).toBeNull();
    expect(unitFromTitle('横街镇2024年法治政府建设年度报告')).toEqual({ shortName: '横街镇', fullName: '横街镇人民政府', kind: '镇' });
    expect(unitFromTitle('东湖区人民政府关于2024年度法治政府建设情况的报告')).toEqual({ shortName: '东湖区', fullName: '东湖区人民政府', kind: '区' });
    expect(unitFromTitle('北门街道办事处2024年度法治政府建设工作报告')).toEqual({ shortName: '北门街道', fullName: '北门街道办事处', kind: '街道' });
    expect(unitFromTitle('中共柳湾乡委员会柳湾乡人民政府关于2024年法治建设情况的报告')).toEqual({ shortName: '柳湾乡', fullName: '柳湾乡人民政府', kind: '乡' });
    expect(unitFromTitle('云溪县2024年法治政府建设年度报告')).toMatchObject({ kind: '县' });
    expect(unitFromTitle('宁海市南岭镇2024年法治政府建设年度报告')).toMatchObject({ shortName: '南岭镇', kind: '镇' });
    expect(unitFromTitle('2024年法治政府建设年度报告')).toBeNull();
  });
});

describe('indicator suggestions', () => {
  const suggest = (text: string) =>
    suggestIndicators({ title: 't', recipient: '', preamble: [text], parts: [], signature: { enabled: true, name: '', date: '' } }, BUILT_IN_INDICATORS).map((s) => `${s.indicatorId}=${s.value}:${s.text}`);

  it('each figure gets the indicator its own words name, by unit and meaning', () => {
    expect(suggest('全年主动公开政务信息60条，其中应急管理类2条、建议提案办理类3条。')).toEqual(['open-total=60:60条', 'open-emergency=2:2条', 'open-proposals=3:3条']);
    expect(suggest('共有12名机关干部参加执法人员认证考试。')).toEqual(['enf-exam-takers=12:12名']);
    expect(suggest('全年调解矛盾纠纷96起，调解成功90起，成功率93.8%。')).toEqual(['mediation-cases=96:96起', 'mediation-success=90:90起', 'mediation-success-rate=93.8:93.8%']);
  });

  it('rounded figures and figures nothing names are not offered', () => {
    expect(suggest('发放宣传资料1500余份，受众5000多人。')).toEqual([]);
    expect(suggest('全镇面积58平方公里，常住人口3万。')).toEqual([]);
    expect(suggest('修缮文化礼堂3个。')).toEqual([]);
  });
});
