import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { halfWidthNumber, parseCountInput, parseNumberInput, readYearInput } from '../../src-shared/domain/numberInput';

describe('one reading of a typed number for every screen', () => {
  it.each([
    ['abc', '请输入数字'],
    ['12a', '请输入数字'],
    ['1e3', '请输入数字'],
    ['-5', '不能为负数'],
    ['－５', '不能为负数'],
    ['2.5', '应为整数'],
    ['２．５', '应为整数'],
    ['100000001', '数值过大（不能超过1亿）'],
  ])('refuses “%s” as a count with “%s”', (typed, msg) => {
    expect(parseCountInput(typed)).toEqual({ ok: false, error: msg });
  });

  it.each([
    ['３', 3],
    ['１２０', 120],
    [' 120 ', 120],
    ['1,200', 1200],
    ['1，200', 1200],
    ['120人', 120],
    ['0', 0],
  ])('takes “%s” as %d', (typed, n) => {
    expect(parseCountInput(typed, '人')).toEqual({ ok: true, value: n });
  });

  it('empty is “not filled”, never 0', () => {
    expect(parseCountInput('')).toEqual({ ok: true, value: null });
    expect(parseCountInput('　')).toEqual({ ok: true, value: null });
  });

  it('percentages keep one decimal and stay within 0–100', () => {
    expect(parseNumberInput('９８．５％', '%')).toEqual({ ok: true, value: 98.5 });
    expect(parseNumberInput('66.66', '%')).toEqual({ ok: true, value: 66.7 });
    expect(parseNumberInput('120', '%')).toEqual({ ok: false, error: '百分比应在0到100之间' });
    // a count field never takes a fraction, even when someone passes '%'
    expect(parseCountInput('2.5', '%')).toEqual({ ok: false, error: '应为整数' });
  });

  it('full-width and half-width digits read the same, for any count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (n) => {
        const full = String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        expect(halfWidthNumber(full)).toBe(String(n));
        expect(parseCountInput(full)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('whatever is typed, the answer is a refusal or the very number shown', () => {
    fc.assert(
      fc.property(fc.string(), (typed) => {
        const r = parseCountInput(typed);
        if (!r.ok) expect(r.error).toMatch(/[\u4e00-\u9fff]/);
        else if (r.value === null) expect(halfWidthNumber(typed)).toBe('');
        else {
          expect(Number.isInteger(r.value) && r.value >= 0).toBe(true);
          expect(Number(halfWidthNumber(typed))).toBe(r.value);
        }
      }),
    );
  });
});

describe('full-width input elsewhere', () => {
  it('dates typed with full-width digits read like half-width ones', async () => {
    const { parseDateInput } = await import('../../src-shared/domain/entryInput');
    expect(parseDateInput('３－１５', 2024)).toBe('2024-03-15');
    expect(parseDateInput('２０２４／３／５', 2024)).toBe('2024-03-05');
    expect(parseDateInput('３月１５日', 2024)).toBe('2024-03-15');
  });
});

describe('a typed report year', () => {
  it('reads digits, full-width digits, a trailing 年 and a year written in words', () => {
    for (const typed of ['2025', '２０２５', '2025年', ' 二〇二五年 ', '二○二五', '二零二五']) expect(readYearInput(typed)).toEqual({ ok: true, year: 2025 });
  });
  it('refuses anything else with the reason, never another year', () => {
    for (const typed of ['20255', '205', 'abcd', '20x5', '', '二〇二五五']) expect(readYearInput(typed)).toEqual({ ok: false, error: expect.stringMatching(/^年度应为四位数字/) });
    expect(readYearInput('1999')).toEqual({ ok: false, error: expect.stringMatching(/^年度应在/) });
  });
});
