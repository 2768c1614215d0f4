/**
 * The proofreader on reports in the shapes real ones take (sentences written for this test):
 * a past year stated as when this year's work happened, also with half-width commas; a figure
 * whose unit was typed twice; 第一责任人 as a sub-part; a title without 年.
 */
import { describe, expect, it } from 'vitest';
import { proofreadReport } from '../../src-shared/proofread';
import { demoReadings, emptyReadings, frame, part, unit } from './fixtures';

const run = (r: ReturnType<typeof frame>, readings = emptyReadings(2023), year = 2023) => proofreadReport({ report: r, year, readings, unit });

describe('the proofreader on real shapes', () => {
  it('a past year copied as when the work happened is an error, with full- or half-width commas; comparisons are not', () => {
    for (const s of ['2022年共举办法治培训3期，参训干部60人次。', '2022年,共举办法治培训3期,参训干部60人次。']) {
      const fs = run(frame(2023, { measures: [s] })).filter((f) => f.code === 'year-mismatch');
      expect(fs, s).toMatchObject([{ severity: '错误', excerpt: '2022' }]);
    }
    for (const s of ['较2022年增长两成。', '与2022年相比,调解案件有所下降。', '自2021年以来,连续三年开展评议。', '截至2022年底累计建成阵地5个。', '2022年,我镇被评为法治建设先进单位。'])
      expect(
        run(frame(2023, { measures: [s] })).filter((f) => f.code === 'year-mismatch' && f.severity === '错误'),
        s,
      ).toEqual([]);
  });

  it('a unit typed again after a figure or a placeholder ("5件件") is found, with a fix that deletes it', () => {
    const r = frame(2024, { measures: ['全年受理行政复议案件5件件。', '审查合法性事项{{legality-review}}件。'] });
    const fs = proofreadReport({ report: r, year: 2024, readings: demoReadings(), unit }).filter((f) => f.code === 'duplicate-phrase');
    expect(fs).toHaveLength(2);
    expect(fs.every((f) => f.severity === '错误' && f.fix?.replacement === '')).toBe(true);
  });

  it('第一责任人 as a sub-part, the measures under themed parts: no missing-content-item error, and which heading was taken', () => {
    const r = frame(2023, {});
    r.parts = [
      part('强化法治思维', ['全镇干部参加学法考试。'], {}),
      part('坚持依法决策', ['重大事项经合法性审查。'], { children: [part('党政主要负责人履行第一责任人职责', ['主要负责人带头学法。'])] }),
      part('存在的不足', ['执法力量偏弱。'], { contentItem: 'shortcomings' }),
      part('2024年工作安排', ['继续加强队伍建设。'], { contentItem: 'nextYear' }),
    ];
    const fs = run(r).filter((f) => f.code === 'missing-content-item');
    expect(fs.filter((f) => f.severity === '错误')).toEqual([]);
    expect(fs.map((f) => f.message).join('\n')).toContain('“党政主要负责人履行第一责任人职责”');
    expect(fs.map((f) => f.message).join('\n')).toContain('“强化法治思维”');
  });

  it('a title without 年 is told so', () => {
    const r = frame(2024, {});
    r.title = '横街镇2024法治政府建设年度报告';
    const fs = proofreadReport({ report: r, year: 2024, readings: emptyReadings(), unit }).filter((f) => f.field === 'title');
    expect(fs).toMatchObject([{ code: 'title-format', message: '标题中的年度“2024”后缺少“年”字，应为“2024年”', fix: { replacement: '2024年' } }]);
  });
});

describe('findings the import stored', () => {
  it('two slips of one imported heading (a bracket typed with 、 and a skipped number) are both shown', async () => {
    const { mergeFindings } = await import('../../src-shared/proofread');
    const { wholeFinding } = await import('../../src-shared/proofread/finding');
    const r = frame(2023, {});
    const p = r.parts[0]!;
    const form = wholeFinding(p.id, 'heading', 'numbering', '提醒', '编号“（四）、”括号后不加标点，应为“（四）”', `（四）、${p.heading}`);
    const gap = wholeFinding(p.id, 'heading', 'numbering', '提醒', '编号不连续：应为第3个，这里是“（四）、”', `（四）、${p.heading}`);
    const shown = mergeFindings([], { imported: [form, gap, { ...gap }], ignored: [] }, r);
    expect(shown.map((f) => f.message)).toEqual([form.message, gap.message]);
  });
});
