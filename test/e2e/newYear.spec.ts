/**
 * Issue 17 §2, 新建下一年度: the dialog says what will happen, driven here by keyboard alone, and
 * then that happens — read back through the contract: the outline carried with its years moved on,
 * every part 草稿, last year's plan part emptied and its points this year's plan checklist, figures
 * and records empty; 沿用上年正文 keeps last year's text, and 校对 names every year and every
 * typed figure in it that is still last year's; 只保留标题 keeps headings only.
 * (dialogs.spec.ts walks the same dialog by mouse.) Browser version on `fazhi demo` data.
 */
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import type { Part } from '../../src-shared/domain/report';
import { shots, startBridge, type Bridge } from './bridge';
import { contractCall } from './contract';

let bridge: Bridge;
test.beforeEach(async () => {
  bridge = await startBridge({ prefix: 'fz-newyear-', demo: true });
});
test.afterEach(() => bridge?.stop());

type Slot = { partId: string | null; paragraph: number; text: string; item: Part['contentItem'] | 'preamble' };
const flat = (parts: readonly Part[]): Part[] => parts.flatMap((p) => [p, ...flat(p.children)]);
const slots = (parts: readonly Part[], item?: Part['contentItem']): Slot[] =>
  parts.flatMap((top) => flat([top]).flatMap((p) => p.paragraphs.map((text, paragraph) => ({ partId: p.id, paragraph, text, item: item ?? top.contentItem }))));

/** 新建下一年度 opened and answered by keyboard: Enter on the button, the arrows choose, Enter on 新建. */
async function createByKeyboard(page: Page, choice: '沿用上年正文作草稿' | '只保留标题') {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
  await page.getByRole('button', { name: /新建下一年度（2025年）/ }).focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: '新建2025年度？' });
  await expect(ask).toBeVisible();
  // what it says it will do
  await expect(ask).toContainText('单位信息和2024年度报告的提纲会沿用到新年度，标题中的年份改为2025年；指标数值、台账和调解案件从空白开始');
  await expect(ask).toContainText('“下一年度安排”部分都清空：2024年写下的安排逐项列在报告编辑的“举措和成效”旁');
  const draft = ask.getByRole('radio', { name: /沿用上年正文作草稿/ });
  const headings = ask.getByRole('radio', { name: /只保留标题/ });
  await expect(draft).toBeChecked();
  await expect(ask).toContainText('全部标为“草稿”');
  await expect(ask).toContainText('校对会逐一提示');
  // Tab to the choice, the arrows change it
  for (let i = 0; i < 6 && !(await draft.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(draft).toBeFocused();
  if (choice === '只保留标题') {
    await page.keyboard.press('ArrowDown');
    await expect(headings).toBeChecked();
  }
  await page.screenshot({ path: path.join(shots, `newyear-${choice === '只保留标题' ? 'headings' : 'draft'}.png`) });
  // Tab on to 新建 and Enter
  const ok = ask.getByRole('button', { name: /^新\s?建$/ });
  for (let i = 0; i < 6 && !(await ok.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(ok).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(page.getByText('已新建2025年度')).toBeVisible();
}

/** What both choices promise, read back through the contract. */
async function asSaid() {
  const last = await contractCall(bridge, 'report.get', { year: 2024 });
  const report = await contractCall(bridge, 'report.get', { year: 2025 });
  // the outline carried, the years in its headings moved on
  const headings = (parts: readonly Part[]) => flat(parts).map((p) => p.heading);
  expect(headings(report.parts).filter((h) => h.includes('2024年'))).toEqual([]);
  expect(headings(report.parts)).toEqual(headings(last.parts).map((h) => h.replace(/2025年/g, '2026年').replace(/2024年/g, '2025年')));
  expect(flat(report.parts).every((p) => p.status === '草稿')).toBe(true);
  // last year's plan part emptied; its points are this year's checklist
  const plan = report.parts.find((p) => p.contentItem === 'nextYear')!;
  expect(plan).toMatchObject({ paragraphs: [], children: [] });
  const lastPlan = slots(last.parts.filter((p) => p.contentItem === 'nextYear')).filter((s) => s.text.trim());
  const checklist = await contractCall(bridge, 'plan.checklist', { year: 2025 });
  expect(checklist.fromYear).toBe(2024);
  expect(checklist.points.length).toBeGreaterThan(0);
  expect(checklist.points.length).toBeLessThanOrEqual(lastPlan.length);
  // figures, ledger and mediation start empty
  expect(await contractCall(bridge, 'ledger.list', { year: 2025 })).toEqual([]);
  expect(await contractCall(bridge, 'mediation.list', { year: 2025 })).toEqual([]);
  const manual = (await contractCall(bridge, 'indicators.list', { year: 2025 })).filter((r) => r.def.source.type === 'manual');
  expect(manual.filter((r) => r.value !== null)).toEqual([]);
  return { last, report };
}

test('只保留标题, by keyboard: headings only, as the dialog said', async ({ page }) => {
  await createByKeyboard(page, '只保留标题');
  const { report } = await asSaid();
  expect(slots(report.parts)).toEqual([]);
  expect(report.preamble).toEqual([]);
});

test('沿用上年正文作草稿, by keyboard: last year’s text as a draft; 校对 names every year and typed figure still last year’s', async ({ page }) => {
  // last year's report with its figures typed out, as an imported report has them
  const rows = await contractCall(bridge, 'indicators.list', { year: 2024 });
  const value = new Map(rows.filter((r) => r.value !== null && r.def.source.type !== 'villageCount').map((r) => [r.def.id, `${r.value}${r.def.measure}`]));
  const typed = (t: string) => t.replace(/\{\{([a-z0-9-]+)\}\}/gi, (m, id: string) => value.get(id) ?? m);
  const retype = (p: Part): Part => ({ ...p, paragraphs: p.paragraphs.map(typed), children: p.children.map(retype) });
  const before = await contractCall(bridge, 'report.get', { year: 2024 });
  await contractCall(bridge, 'report.save', { year: 2024, report: { ...before, parts: before.parts.map(retype) } });

  await createByKeyboard(page, '沿用上年正文作草稿');
  const { last, report } = await asSaid();
  const notPlan = (ss: Slot[]) => ss.filter((s) => s.item !== 'nextYear').map((s) => s.text);
  expect(notPlan(slots(report.parts))).toEqual(notPlan(slots(last.parts)));
  expect(report.preamble).toEqual(last.preamble);

  // 校对: every "2024年" in the carried parts and every typed figure that is one of 2024's is named
  const findings = (await contractCall(bridge, 'proofread.run', { year: 2025 })).filter((f) => f.field === 'body' || f.field === 'preamble');
  const at = (s: Slot, offset: number, codes: string[]) =>
    findings.some((f) => (s.item === 'preamble' ? f.field === 'preamble' : f.partId === s.partId) && f.paragraph === s.paragraph && codes.includes(f.code) && f.offset <= offset && offset < f.offset + Math.max(f.length, 1));
  const preamble: Slot[] = report.preamble.map((text, paragraph) => ({ partId: null, paragraph, text, item: 'preamble' }));
  const carried = [...preamble, ...slots(report.parts).filter((s) => s.item !== 'nextYear')];
  const years = carried.flatMap((s) => [...s.text.matchAll(/2024年/g)].map((m) => ({ s, offset: m.index! })));
  expect(years.length).toBeGreaterThan(0);
  expect(years.filter(({ s, offset }) => !at(s, offset, ['year-mismatch'])).map(({ s, offset }) => s.text.slice(Math.max(0, offset - 10), offset + 8))).toEqual([]);
  // last year's figures that are not also this year's (the town's village count is both)
  const now = new Set((await contractCall(bridge, 'indicators.list', { year: 2025 })).filter((r) => r.value !== null).map((r) => `${r.value}${r.def.measure}`));
  const lastFigures = new Set([...value.values()].filter((f) => !now.has(f)));
  const figures = carried.flatMap((s) =>
    [...s.text.matchAll(/\d+(?:\.\d+)?(?:%|[个件次人场份名家项条])/g)].filter((m) => lastFigures.has(m[0])).map((m) => ({ s, offset: m.index!, figure: m[0] })),
  );
  expect(figures.length).toBeGreaterThan(3);
  const unflagged = figures.filter(({ s, offset }) => !at(s, offset, ['carried-over', 'text-vs-data', 'year-mismatch']));
  expect(unflagged.map(({ s, offset, figure }) => `${figure}：${s.text.slice(Math.max(0, offset - 12), offset + figure.length)}`)).toEqual([]);

  // and the clerk sees them in 报告编辑's 校对 panel of the new year
  await page.getByRole('button', { name: '转到2025年度' }).click();
  await expect(page.getByRole('heading', { name: '2025年度概览' })).toBeVisible();
  await page.getByRole('menuitem', { name: '报告编辑' }).click();
  await page.getByTestId('proof-tab').click();
  await expect(page.locator('.fz-proof-item[data-code="carried-over"]').first()).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'newyear-proofread.png') });
});
