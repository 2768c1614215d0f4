/**
 * Keys in a report body in real Chromium: typed characters and Backspace inside text go in as the
 * editor's own transactions (typedKeys.ts), the rest the browser's way. What the clerk sees and
 * what is saved must not tell the two apart: letters, Chinese text from an input method, an emoji,
 * a typed `{{id}}` that becomes a chip (and Backspace right after it turning it back into text),
 * Backspace at the start of a paragraph joining it to the one before, and Ctrl+Z.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startBridge, type Bridge } from './bridge';

let bridge: Bridge;
test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-typing-', demo: true });
});
test.afterAll(() => bridge?.stop());

/** the part's stored paragraphs, as the year file holds them */
function storedParagraphs(heading: string): string[] {
  const year = JSON.parse(readFileSync(path.join(bridge.dataDir, 'year-2024.json'), 'utf8')) as { report: { parts: Part[] } };
  interface Part { heading: string; paragraphs: string[]; children: Part[] }
  const find = (parts: Part[]): Part | undefined => parts.map((p) => (p.heading === heading ? p : find(p.children))).find(Boolean);
  return find(year.report.parts)!.paragraphs;
}

async function openPart(page: Page, heading: string) {
  await page.goto(bridge.url);
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  await page.getByRole('navigation', { name: '报告提纲' }).getByText(heading).first().click();
  return page.locator('.fz-editor-slot:visible .fz-body-editor');
}

/** The caret in the shown body (through the editor TipTap keeps on its element): a click's place depends on the layout. */
async function caretAt(page: Page, where: 'end' | 'last paragraph start') {
  await page.evaluate((w) => {
    const el = [...document.querySelectorAll<HTMLElement>('.fz-editor-slot .ProseMirror')].find((e) => e.offsetParent !== null);
    const ed = (el as unknown as { editor: { state: { doc: { content: { size: number }; lastChild: { nodeSize: number } } }; commands: { focus: (p: unknown) => void } } }).editor;
    const doc = ed.state.doc;
    ed.commands.focus(w === 'end' ? 'end' : doc.content.size - doc.lastChild.nodeSize + 1);
  }, where);
  // TipTap focuses in the next frame: a key sent before would go to the page
  await expect(page.locator('.fz-editor-slot:visible .ProseMirror')).toBeFocused();
}

test('letters, Chinese, an emoji, Backspace, a typed chip and Ctrl+Z read and save as typed', async ({ page }) => {
  const heading = '扎实开展普法宣传';
  const stored = storedParagraphs(heading).at(-1)!;
  const body = await openPart(page, heading);
  const last = body.locator('p').last();
  const before = (await last.textContent()) ?? '';
  const chips = await last.locator('.fz-chip').count();
  await caretAt(page, 'end');

  // keys (keypress) and an input method's text (no keypress), each with a Backspace after it
  await page.keyboard.type('abc');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('依法行政');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('👍');
  await page.keyboard.press('Backspace');
  await expect(last).toHaveText(`${before}ab依法行`);
  // the caret is where the text ends: the next key goes there
  await page.keyboard.type('x');
  await expect(last).toHaveText(`${before}ab依法行x`);

  // a typed token becomes a chip; Backspace at once gives the typed text back (TipTap's keymap comes first)
  await page.keyboard.type('{{pufa-events}}');
  await expect(last.locator('.fz-chip')).toHaveCount(chips + 1);
  await page.keyboard.press('Backspace');
  await expect(last.locator('.fz-chip')).toHaveCount(chips);
  await expect(last).toContainText('x{{pufa-events}}');
  await page.keyboard.type('。');
  await expect.poll(() => storedParagraphs(heading).at(-1), { timeout: 15_000 }).toBe(`${stored}ab依法行x{{pufa-events}}。`);

  // Ctrl+Z takes the typing back, the chip's text with it, and that is saved too
  for (let i = 0; i < 12 && (await last.textContent()) !== before; i++) await page.keyboard.press('Control+z');
  await expect(last).toHaveText(before);
  await expect.poll(() => storedParagraphs(heading).at(-1), { timeout: 15_000 }).toBe(stored);
});

test('Backspace at the start of a paragraph joins it to the one before; the join is saved', async ({ page }) => {
  const heading = '2025年推进法治政府建设的主要安排';
  const body = await openPart(page, heading);
  const paragraphs = storedParagraphs(heading);
  expect(paragraphs.length).toBeGreaterThan(1);
  await expect(body.locator('p')).toHaveCount(paragraphs.length);
  await caretAt(page, 'last paragraph start');
  await page.keyboard.press('Backspace');
  await expect(body.locator('p')).toHaveCount(paragraphs.length - 1);
  await expect.poll(() => storedParagraphs(heading), { timeout: 15_000 }).toEqual([...paragraphs.slice(0, -2), paragraphs.at(-2)! + paragraphs.at(-1)!]);
});
