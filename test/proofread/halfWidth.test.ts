import { describe, expect, it } from 'vitest';
import { findHalfWidth, toFullWidth } from '../../src-shared/text/halfWidth';

describe('half-width punctuation in Chinese text', () => {
  it('finds marks between Chinese characters and converts them', () => {
    expect(toFullWidth('(一)稳步推进法治建设工作,一是加强领导;二是完善制度:三是?')).toBe('（一）稳步推进法治建设工作，一是加强领导；二是完善制度：三是？');
    expect(findHalfWidth('村(居)二级').map((h) => h.char)).toEqual(['(', ')']);
  });
  it('leaves Latin and numeric usage alone', () => {
    for (const s of ['会议于9:30召开', '共1,000份', 'f(x)', '见 https://example.gov.cn/a', 'A:B', '100%'])
      expect(findHalfWidth(s), s).toEqual([]);
  });
  it('converts both brackets of a pair', () => {
    expect(toFullWidth('成立法律顾问团(3人)')).toBe('成立法律顾问团（3人）');
  });
});
