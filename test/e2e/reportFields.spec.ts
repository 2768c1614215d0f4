/**
 * Issue 17 §2/§3 in 报告编辑: the body (TipTap) and the headings (the 标题 field and renaming in the
 * outline), by every path a person uses — a click into filled text, a part of a sentence selected
 * with the mouse and typed over, Tab / Shift+Tab into a heading, a paste (one line; several
 * paragraphs copied from Word), Enter — then what is saved, read back through the contract, equals
 * what the editor shows: after the autosave, after leaving the screen at once, after a reload.
 * Browser version against the built app and a temp data folder seeded with `fazhi demo`.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import type { Part } from '../../src-shared/domain/report';
import { placeholderToken } from '../../src-shared/report/placeholders';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;

test.beforeAll(async () => {
  bridge = await startBridge({ prefix: 'fz-reportfields-', demo: true });
});
test.afterAll(() => bridge?.stop());

const SHORTCOMINGS = '存在的不足和原因';
const PLAN = '2025年推进法治政府建设的主要安排';

async function openReport(page: Page) {
  await page.goto(bridge.url);
  await expect(page.getByTestId('unit-name')).toBeVisible();
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
}

const outline = (page: Page) => page.getByRole('navigation', { name: '报告提纲' });
const body = (page: Page) => page.locator('.fz-editor-slot:visible .fz-body-editor');
const headingField = (page: Page) => page.locator('.fz-part-heading').getByRole('textbox', { name: '标题' });

async function openPart(page: Page, heading: string) {
  await outline(page).getByRole('treeitem').filter({ hasText: heading }).first().click();
  await expect(headingField(page)).toHaveValue(heading);
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `reportfields-${name}.png`) });
}

/** Every part, depth first. */
const flat = (parts: Part[]): Part[] => parts.flatMap((p) => [p, ...flat(p.children)]);
async function storedPart(id: string): Promise<Part> {
  const report = await contractCall(bridge, 'report.get', { year: 2024 });
  return flat(report.parts).find((p) => p.id === id)!;
}

/** The part on screen: its id (the selected outline row) and its paragraphs as the editor shows them, chips as their tokens. */
async function shown(page: Page): Promise<{ id: string; heading: string; paragraphs: string[] }> {
  const id = (await outline(page).locator('[aria-selected="true"]').getAttribute('data-part-id'))!;
  const segments = await body(page).evaluate((el) =>
    [...el.querySelectorAll(':scope > p')].map((p) => {
      const out: Array<string | { id: string; rounded: boolean }> = [];
      const walk = (n: Node) => {
        if (n instanceof HTMLElement && n.dataset.indicator) out.push({ id: n.dataset.indicator, rounded: n.dataset.rounded === 'true' });
        else if (n.nodeType === Node.TEXT_NODE) out.push(n.textContent ?? '');
        else n.childNodes.forEach(walk);
      };
      p.childNodes.forEach(walk);
      return out;
    }),
  );
  const paragraphs = segments.map((segs) => segs.map((s) => (typeof s === 'string' ? s : placeholderToken(s.id, s.rounded))).join(''));
  // an editor holding one empty paragraph is an empty body
  return { id, heading: await headingField(page).inputValue(), paragraphs: paragraphs.length === 1 && paragraphs[0] === '' ? [] : paragraphs };
}

/** Saved = shown: the part's heading and paragraphs as stored equal what the screen shows. */
async function expectSavedAsShown(page: Page) {
  const s = await shown(page);
  await expect.poll(async () => {
    const p = await storedPart(s.id);
    return { id: s.id, heading: p.heading, paragraphs: p.paragraphs };
  }).toEqual(s);
  return s;
}

/** Where `text` (its `occurrence`-th match) starts and ends on screen inside `box`. */
async function textSpot(box: Locator, text: string): Promise<{ start: { x: number; y: number }; end: { x: number; y: number } }> {
  const r = await box.evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent ?? '').indexOf(t);
      if (i < 0) continue;
      const at = (k: number) => {
        const range = document.createRange();
        range.setStart(n, k);
        range.setEnd(n, k);
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        return { x: rect.left, y: rect.top + rect.height / 2 };
      };
      return { start: at(i), end: at(i + t.length) };
    }
    return null;
  }, text);
  if (!r) throw new Error(`“${text}” is not on screen`);
  return r;
}

/** A click right after `text` in the body: the cursor lands there, as a person puts it. */
async function clickAfter(page: Page, text: string) {
  await body(page).getByText(text).first().scrollIntoViewIfNeeded();
  const { end } = await textSpot(body(page), text);
  await page.mouse.click(end.x, end.y);
  await caretSettled(page, (before) => before.endsWith(text));
}

/**
 * The editor takes a caret the browser moved (a click, Ctrl+End) from its selectionchange event, a
 * moment later; a person's next key comes far later than Playwright's, so wait for it.
 */
async function caretSettled(page: Page, ok: (textBefore: string, atEnd: boolean) => boolean) {
  await expect
    .poll(async () => {
      const [before, atEnd] = await body(page).evaluate((el) => {
        type Ed = { state: { selection: { from: number }; doc: { textBetween(a: number, b: number, sep?: string): string; content: { size: number } } } };
        const ed = (el as HTMLElement & { editor: Ed }).editor;
        const { from } = ed.state.selection;
        return [ed.state.doc.textBetween(0, from, '\n'), from >= ed.state.doc.content.size - 1] as const;
      });
      return ok(before, atEnd);
    })
    .toBe(true);
}

/** `text` selected with the mouse, dragged from its first character to its last. */
async function dragSelect(page: Page, text: string) {
  await body(page).getByText(text).first().scrollIntoViewIfNeeded();
  const { start, end } = await textSpot(body(page), text);
  await page.mouse.move(start.x + 1, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, end.y, { steps: 3 });
  await page.mouse.move(end.x - 1, end.y, { steps: 3 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(text);
}

test('the body: typed over a mouse selection, typed at a click, Enter, pasted; saved = shown, after leaving at once and after a reload', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openReport(page);
  await openPart(page, SHORTCOMINGS);
  const before = await shown(page);
  expect(before.paragraphs).toHaveLength(1);

  // part of a sentence selected with the mouse and typed over
  await dragSelect(page, '仍有一些短板');
  await page.keyboard.type('还存在一些薄弱环节');
  await expect(body(page)).toContainText('我镇工作还存在一些薄弱环节：一是');
  // a click into filled text, then typing: the words land where the cursor was put
  await clickAfter(page, '执法力量');
  await page.keyboard.type('和装备');
  await expect(body(page)).toContainText('执法力量和装备与执法任务');
  // Enter in the middle of the paragraph starts a new one there
  await clickAfter(page, '实操训练不足；');
  await page.keyboard.press('Enter');
  await expect(body(page).locator('p')).toHaveCount(2);
  await expect(body(page).locator('p').nth(1)).toHaveText(/^二是执法力量和装备/);
  // one line pasted at the cursor
  await clickAfter(page, '数量偏少');
  await page.evaluate(() => navigator.clipboard.writeText('（全镇持证执法人员仅12名）'));
  await page.keyboard.press('Control+v');
  await expect(body(page)).toContainText('数量偏少（全镇持证执法人员仅12名），执法案卷');
  const s1 = await expectSavedAsShown(page);
  expect(s1.paragraphs[0]).toMatch(/^对照法治政府建设的要求，我镇工作还存在一些薄弱环节：一是.*实操训练不足；$/);
  await shot(page, 'body-typed');

  // paragraphs copied from Word: its HTML (MsoNormal, spans, <o:p>, an empty &nbsp; spacing paragraph,
  // a Shift+Enter line break, bold) and its plain text. Each line a paragraph, as a document import
  // reads it; no empty paragraph, no stray space, nothing of Word's markup stored.
  await page.keyboard.press('Control+End');
  await caretSettled(page, (_, atEnd) => atEnd);
  await page.keyboard.press('Enter');
  await page.evaluate(async () => {
    const html =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN><!--StartFragment-->' +
      '<p class=MsoNormal style="text-indent:32.0pt;mso-char-indent-count:2.0"><span style="font-family:仿宋_GB2312">四是基层法治队伍力量薄弱，<b>专职人员流动较大</b>。<o:p></o:p></span></p>' +
      '<p class=MsoNormal><span><o:p>&nbsp;</o:p></span></p>' +
      '<p class=MsoNormal style="text-indent:32.0pt"><span style="font-family:仿宋_GB2312">五是法治宣传阵地利用率不高，部分村（社区）法治广场闲置。<br>六是新业态从业人员覆盖不足。<o:p></o:p></span></p>' +
      '<!--EndFragment--></body></html>';
    const text = '四是基层法治队伍力量薄弱，专职人员流动较大。\r\n\r\n五是法治宣传阵地利用率不高，部分村（社区）法治广场闲置。\v六是新业态从业人员覆盖不足。\r\n';
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) }),
    ]);
  });
  await page.keyboard.press('Control+v');
  await expect(body(page)).toContainText('六是新业态从业人员覆盖不足。');
  const s2 = await expectSavedAsShown(page);
  expect(s2.paragraphs.slice(2)).toEqual(['四是基层法治队伍力量薄弱，专职人员流动较大。', '五是法治宣传阵地利用率不高，部分村（社区）法治广场闲置。', '六是新业态从业人员覆盖不足。']);
  expect(JSON.stringify(s2.paragraphs)).not.toMatch(/MsoNormal|<|\u00a0|\u000b/);
  await shot(page, 'body-pasted-from-word');

  // typed and away at once, well inside the autosave's pause: saved on leaving
  await clickAfter(page, '覆盖不足。');
  await page.keyboard.type('七是离开前补写的一句。');
  await page.getByRole('menuitem', { name: '概览' }).click();
  await expect.poll(async () => (await storedPart(s2.id)).paragraphs.at(-1)).toBe('六是新业态从业人员覆盖不足。七是离开前补写的一句。');

  // a reload: the editor shows exactly what is stored
  await page.reload();
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  await openPart(page, SHORTCOMINGS);
  await expect(body(page)).toContainText('七是离开前补写的一句。');
  await expectSavedAsShown(page);
});

test('the headings: a click into the filled 标题, Shift+Tab into it, a paste with a number and a line break, renaming in the outline; saved = shown', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openReport(page);
  await openPart(page, PLAN);
  const heading = headingField(page);

  // a click into the filled field and typing at the end
  await heading.click();
  await page.keyboard.press('End');
  await page.keyboard.type('和措施');
  await expect(heading).toHaveValue(`${PLAN}和措施`);
  // part of it selected by keyboard and typed over
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type('下一年度');
  await expect(heading).toHaveValue('下一年度推进法治政府建设的主要安排和措施');
  await expectSavedAsShown(page);

  // Shift+Tab back into it from 状态: the whole heading is selected, typing replaces it
  await page.locator('.fz-part-fields').getByRole('combobox', { name: '状态' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(heading).toBeFocused();
  await page.keyboard.type('下一年度工作安排');
  await expect(heading).toHaveValue('下一年度工作安排');
  await expectSavedAsShown(page);

  // pasted from Word with its number and a line break: the number comes off (the outline numbers
  // itself, and says so), the line break does not survive into a one-line heading
  await heading.selectText();
  await page.evaluate(() => navigator.clipboard.writeText('四、2025年推进法治政府建设的\r\n主要安排\r\n'));
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('heading-note')).toBeVisible();
  const pasted = await heading.inputValue();
  expect(pasted).not.toMatch(/^四、|[\r\n]/);
  expect(pasted).toContain('2025年推进法治政府建设的');
  const s = await expectSavedAsShown(page);
  await expect(outline(page).getByRole('treeitem', { selected: true })).toContainText(s.heading);
  await shot(page, 'heading-pasted');

  // renaming in the outline: double-click, type, Enter; and again, leaving the field with Tab
  const row = outline(page).getByRole('treeitem', { selected: true });
  await row.dblclick();
  const rename = outline(page).getByRole('textbox', { name: '标题' });
  await expect(rename).toBeFocused();
  await rename.selectText();
  await page.keyboard.type('2025年工作安排');
  await page.keyboard.press('Enter');
  await expect(heading).toHaveValue('2025年工作安排');
  await expectSavedAsShown(page);
  await row.dblclick();
  await expect(rename).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type('和打算');
  await page.keyboard.press('Tab');
  await expect(rename).toBeHidden();
  await expect(heading).toHaveValue('2025年工作安排和打算');
  await expectSavedAsShown(page);

  // a space typed at the end: on leaving the field shows the heading as stored, trimmed
  await heading.click();
  await page.keyboard.press('End');
  await page.keyboard.type('  ');
  await page.keyboard.press('Shift+Tab');
  await expect(heading).toHaveValue('2025年工作安排和打算');
  await expectSavedAsShown(page);

  // typed and away at once, then a reload: what shows is what is stored
  await heading.click();
  await page.keyboard.press('End');
  await page.keyboard.type('（草）');
  await page.getByRole('menuitem', { name: '活动台账' }).click();
  await expect.poll(async () => (await storedPart(s.id)).heading).toBe('2025年工作安排和打算（草）');
  await page.reload();
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  await openPart(page, '2025年工作安排和打算（草）');
  await expectSavedAsShown(page);
});
