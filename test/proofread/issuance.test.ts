/** The 报送件's rules (src-shared/report/issuance.ts) and the proofreader's checks of them. */
import { describe, expect, it } from 'vitest';
import { IssuanceSchema } from '../../src-shared/domain/issuance';
import { proofreadReport } from '../../src-shared/proofread';
import { ccText, docNumberProblem, fixDocNumber, nextDocNumber, noteText, renderIssuance } from '../../src-shared/report/issuance';
import { issuanceFixPatch } from '../../src-shared/proofread';
import { chineseDate } from '../../src-shared/report/printedReport';
import { emptyReadings, frame, unit } from './fixtures';

describe('发文字号 (GB/T 9704 §7.2.4)', () => {
  it('accepts 机关代字〔年份〕序号号 and names each common slip', () => {
    expect(docNumberProblem('横街府〔2025〕3号')).toBeNull();
    expect(docNumberProblem('')).toBeNull();
    expect(docNumberProblem('横街府[2025]3号')).toMatch(/六角括号/);
    expect(docNumberProblem('横街府（2025）3号')).toMatch(/六角括号/);
    expect(docNumberProblem('横街府〔25〕3号')).toMatch(/四位/);
    expect(docNumberProblem('横街府〔2025〕第3号')).toMatch(/第/);
    expect(docNumberProblem('横街府〔2025〕03号')).toMatch(/虚位/);
    expect(docNumberProblem('横街府〔2025〕3')).toMatch(/号/);
  });

  it('puts a slipped 发文字号 into the standard form, and leaves alone what cannot be told', () => {
    expect(fixDocNumber('横街府[2025]3号')).toBe('横街府〔2025〕3号');
    expect(fixDocNumber('横街府（2025）3号')).toBe('横街府〔2025〕3号');
    expect(fixDocNumber('横街府【25】第03号')).toBe('横街府〔2025〕3号');
    expect(fixDocNumber('横街府〔２０２５〕３')).toBe('横街府〔2025〕3号');
    expect(fixDocNumber('横街府 [2025] 12')).toBe('横街府〔2025〕12号');
    for (const right of ['横街府〔2025〕3号', '']) expect(fixDocNumber(right)).toBeNull();
    // no serial, no 机关代字, no year: what was meant cannot be told
    for (const unclear of ['横街府〔2025〕', '〔2025〕3号', '横街府3号', '横街府〔2025〕0号']) expect(fixDocNumber(unclear), unclear).toBeNull();
    // every fix is a form the check accepts
    for (const t of ['横街府[2025]3号', '横街府【25】第03号']) expect(docNumberProblem(fixDocNumber(t)!)).toBeNull();
  });

  it('suggests the next number from the last one used: the next serial, or 1 in a new year', () => {
    expect(nextDocNumber('横街府〔2025〕3号', 2025)).toBe('横街府〔2025〕4号');
    expect(nextDocNumber('横街府〔2025〕3号', 2026)).toBe('横街府〔2026〕1号');
    expect(nextDocNumber('', 2026)).toBe('');
    expect(nextDocNumber('横街府[2025]3号', 2026)).toBe('');
  });
});

describe('版记 and 附注 text', () => {
  it('ends the 抄送 with exactly one 。 and drops a typed label', () => {
    expect(ccText('县委依法治县办，县司法局')).toBe('县委依法治县办，县司法局。');
    expect(ccText('抄送：县司法局。')).toBe('县司法局。');
    expect(ccText('县司法局，')).toBe('县司法局。');
    expect(ccText('  ')).toBe('');
  });

  it('puts the 附注 in full-width parentheses once', () => {
    expect(noteText('联系人：张明，电话：123')).toBe('（联系人：张明，电话：123）');
    expect(noteText('(联系人：张明)')).toBe('（联系人：张明）');
    expect(noteText('')).toBe('');
  });

  it('renders the joint issuers with the 主办机关 first, 份号 as six digits, the 印发日期 defaulting to today', () => {
    const issuance = IssuanceSchema.parse({ joint: true, copyNumber: '12', signers: ['王建国'], upward: true });
    const habits = { jointIssuer: '中共横街镇委员会', jointLeads: true, issuerMark: '', lastDocNumber: '', cc: '', printer: '横街镇党政办公室' };
    const r = renderIssuance({ issuance, habits, unitFullName: '横街镇人民政府', today: '2025-03-20', chineseDate });
    expect(r.issuers).toEqual(['中共横街镇委员会', '横街镇人民政府']);
    expect(r.copyNumber).toBe('000012');
    expect(r.printDate).toBe('2025年3月20日');
    expect(r.printer).toBe('横街镇党政办公室');
    const notUpward = renderIssuance({ issuance: { ...issuance, upward: false }, habits: { ...habits, jointLeads: false }, unitFullName: '横街镇人民政府', today: '2025-03-20', chineseDate });
    expect(notUpward.signers).toEqual([]);
    expect(notUpward.issuers).toEqual(['横街镇人民政府', '中共横街镇委员会']);
  });
});

describe('the proofreader checks the 报送件', () => {
  const base = () => {
    const r = frame(2024, { measures: ['全年开展普法活动。'] });
    r.signature = { enabled: true, name: '', date: '2025-03-20' };
    return r;
  };
  const run = (issuance: unknown) => {
    const report = { ...base(), issuance: IssuanceSchema.parse(issuance) };
    return proofreadReport({ report, year: 2024, readings: emptyReadings(), unit }).filter((f) => f.field === 'issuance');
  };

  it('says nothing of a report never set up as a 报送件', () => {
    expect(proofreadReport({ report: base(), year: 2024, readings: emptyReadings(), unit }).filter((f) => f.field === 'issuance')).toEqual([]);
  });

  it('finds a 发文字号 out of form, a 上行文 without 签发人, a 抄送 without 。 and an 印发日期 before the 成文日期', () => {
    const fs = run({ docNumber: '横街府[2025]3号', upward: true, signers: [], cc: '县司法局', printDate: '2025-03-19' });
    expect(fs.map((f) => [f.code, f.severity])).toEqual([
      ['doc-number', '错误'],
      ['signer-missing', '错误'],
      ['cc-ending', '提醒'],
      ['print-date', '错误'],
    ]);
    expect(fs[3]!.message).toContain('2025年3月19日');
  });

  it('finds an 印发日期 of another year, before the year reported on has ended; its fix is the day of export', () => {
    const fs = run({ upward: false, printDate: '2023-07-01' });
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['print-date', '错误']]);
    expect(fs[0]!.message).toBe('印发日期2023年7月1日早于2024年度结束：年度报告应在2025年印发');
    expect(issuanceFixPatch(fs[0]!)).toEqual({ printDate: '' });
    expect(run({ upward: false, printDate: '2025-03-25' })).toEqual([]);
  });

  it('offers one-click fixes where the right value is known: the 发文字号 form, the final 。, the 成文日期 as 印发日期', () => {
    const fs = run({ docNumber: '横街府[2025]03号', upward: true, signers: [], cc: '县委依法治县办，县司法局', printDate: '2025-03-19' });
    const patch = (code: string) => issuanceFixPatch(fs.find((f) => f.code === code)!);
    expect(patch('doc-number')).toEqual({ docNumber: '横街府〔2025〕3号' });
    expect(patch('cc-ending')).toEqual({ cc: '县委依法治县办，县司法局。' });
    expect(patch('print-date')).toEqual({ printDate: '2025-03-20' });
    // a 签发人 is a person's name: nothing to guess
    expect(patch('signer-missing')).toBeNull();
    // the fixes applied, the findings are gone
    const fixed = run({ docNumber: '横街府〔2025〕3号', upward: true, signers: ['王建国'], cc: '县委依法治县办，县司法局。', printDate: '2025-03-20' });
    expect(fixed).toEqual([]);
    // a 发文字号 whose meaning cannot be told is reported without a fix
    expect(issuanceFixPatch(run({ docNumber: '横街府3号' })[0]!)).toBeNull();
  });

  it('passes a complete 报送件, and a 下行文 without 签发人', () => {
    expect(run({ docNumber: '横街府〔2025〕3号', signers: ['王建国'], cc: '县司法局。', printDate: '2025-03-20' })).toEqual([]);
    expect(run({ docNumber: '横街府〔2025〕3号', upward: false })).toEqual([]);
  });
});
