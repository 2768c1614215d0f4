const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for report outlines). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/**
 * GB/T 9704 §7.3.3 heading numbers by level: 一、 （一） 1. （1）.
 * `index` is 1-based position among siblings.
 */
export function headingNumber(level: number, index: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(index)}、`;
    case 2:
      return `（${chineseNumeral(index)}）`;
    case 3:
      return `${index}.`;
    default:
      return `（${index}）`;
  }
}

const SENTENCE_END = /[。！？；：.!?;:]$/;

/** Run-in headings are a sentence of their own: end them with 。 unless they already end a sentence. */
export function runInHeading(heading: string): string {
  const h = heading.trim();
  return h === '' || SENTENCE_END.test(h) ? h : `${h}。`;
}
