/**
 * Years in report text moved on to a new year: last year's report speaks of its own year (2023)
 * and of the next (2024); carried into 2024 they become 2024 and 2025. Only standalone four-digit
 * years move ("12023件" and "2023.5" are not years). 新建下一年度 and 草稿 of last year's sentences
 * both move years with this rule.
 */
export function shiftYears(text: string, from: number, to: number): string {
  return text.replace(/(?<![\d.])(\d{4})(?![\d.]\d|\d)/g, (y) => (Number(y) === from ? String(to) : Number(y) === from + 1 ? String(to + 1) : y));
}
