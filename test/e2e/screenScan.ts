/**
 * Issue 17 §3: nothing the clerk sees may carry a placeholder's raw `{{code}}` or an English error
 * (a stack, an errno code, "undefined", a browser's "Failed to fetch"). Read from what the page
 * renders as text (innerText: hidden elements left out), plus the values of its fields.
 */
import { expect, type Page } from '@playwright/test';

/** Tokens of an English error or of a value printed raw; product names (Word, Excel, GB/T) are fine. */
const ENGLISH_ERROR =
  /\b(?:[A-Z][A-Za-z]*Error\b|Error:|E(?:NOENT|NOSPC|ACCES|PERM|BUSY|EXIST|MFILE|ISDIR|NOTDIR|TIMEDOUT|CONNRESET|CONNREFUSED)\b|undefined\b|NaN\b|null\b|\[object Object\]|Failed to fetch|Cannot read propert|is not a function|Unexpected token|Internal Server Error|at [\w.<>]+ \()/;

export async function screenTextProblems(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.value);
    return [document.body.innerText, ...fields].join('\n');
  });
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (line.includes('{{')) problems.push(`placeholder shown: ${line.slice(0, 120)}`);
    const m = ENGLISH_ERROR.exec(line);
    if (m) problems.push(`English error text “${m[0]}”: ${line.slice(0, 120)}`);
  }
  return problems;
}

/** Fails the test with what was seen, naming the screen. */
export async function expectCleanScreen(page: Page, where: string) {
  expect(await screenTextProblems(page), `on ${where}`).toEqual([]);
}
