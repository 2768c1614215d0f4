/**
 * Issue 13, the clerk's first week, in the browser version at 1024×768 and 1366×768: the first-run
 * guide (kept dismissed, back from ⋮ → 使用说明), last year's figures typed into a figures-only year
 * and the 同比 chart drawn from them, keyboard-only entry of 10 indicators and 10 ledger rows with an
 * input-method composition in between (Enter while composing saves nothing), the collapsed sidebar.
 * What was kept is read from the data folder's files, not only from the screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { shots, startBridge, type Bridge } from './bridge';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;

const yearFile = (b: Bridge, y: number) => JSON.parse(readFileSync(path.join(b.dataDir, `year-${y}.json`), 'utf8'));

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // antd's motion settles
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** What an input method does around typing: the events only, as Chromium would fire them. */
const compose = (page: Page, phase: 'compositionstart' | 'compositionend', data = '') =>
  page.evaluate(
    ([type, d]) => document.activeElement!.dispatchEvent(new CompositionEvent(type!, { bubbles: true, data: d })),
    [phase, data] as const,
  );

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

async function nav(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label }).click();
}

for (const size of SIZES) {
  test.describe(`${size.width}×${size.height}`, () => {
    let bridge: Bridge;
    test.use({ viewport: size });
    test.beforeAll(async () => {
      bridge = await startBridge({ prefix: 'fz-firstweek-', demo: true });
    });
    test.afterAll(() => bridge?.stop());

    test('first-run guide, last year typed by keyboard with a composition, 同比 drawn', async ({ page }) => {
      const tag = `firstweek-${size.width}`;
      await page.goto(bridge.url);
      await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();

      await test.step('the guide: four steps, the font advice, the data folder', async () => {
        const guide = page.getByTestId('first-run-guide');
        await expect(guide).toBeVisible();
        for (const step of ['单位', '平时记台账', '年底写报告', '导出报送']) await expect(guide.getByRole('button', { name: step, exact: true })).toBeVisible();
        await expect(guide.getByTestId('font-suggested')).toHaveText(/方正小标宋|Windows 自带/);
        await expect(guide.getByTestId('font-仿宋_GB2312')).toBeVisible();
        await expect(guide.getByTestId('guide-data-dir')).toContainText(bridge.dataDir);
        await expect(guide).toContainText('备份数据');
        await shot(page, `${tag}-01-guide`);
        // the suggestion is one click away; the unit file then holds it
        const suggested = (await guide.getByTestId('font-suggested').innerText()).startsWith('Windows') ? 'windows' : 'standard';
        const unitFile = () => JSON.parse(readFileSync(path.join(bridge.dataDir, 'unit.json'), 'utf8'));
        if (suggested !== unitFile().unit.fontPreset) {
          await guide.getByRole('button', { name: '采用这个方案' }).click();
          await expect(guide).toContainText('当前已是这个方案');
          await expect.poll(() => unitFile().unit.fontPreset).toBe(suggested);
        }
        await guide.getByRole('button', { name: '知道了，不再显示' }).click();
        await expect(guide).toBeHidden();
        await page.reload();
        await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
        await expect(page.getByTestId('first-run-guide')).toBeHidden();
        await page.getByRole('button', { name: '更多' }).click();
        await page.getByRole('menuitem', { name: '使用说明' }).click();
        const dialog = page.getByRole('dialog', { name: '使用说明' });
        await expect(dialog.getByTestId('guide-body')).toContainText('年底写报告');
        await shot(page, `${tag}-02-guide-dialog`);
        await dialog.getByRole('button', { name: /知道了/ }).click();
        await expect(dialog).toBeHidden();
      });

      await test.step('the sidebar: icons only at 1024, labels at 1366', async () => {
        const sider = page.locator('.ant-layout-sider');
        if (size.width < 1200) {
          await expect(sider).toHaveClass(/ant-layout-sider-collapsed/);
          expect((await sider.boundingBox())!.width).toBeLessThanOrEqual(60);
        } else {
          await expect(sider).not.toHaveClass(/ant-layout-sider-collapsed/);
          await expect(page.getByRole('menuitem', { name: '活动台账' })).toContainText('活动台账');
        }
        await shot(page, `${tag}-03-sidebar`);
      });

      await test.step('before last year exists the 同比 chart says so, with no empty series', async () => {
        await nav(page, '图表');
        const card = page.locator('.ant-card').filter({ hasText: '与2023年主要指标对比' });
        await expect(card.getByTestId('yoy-missing')).toContainText('没有2023年度的数据');
        await nav(page, '概览');
      });

      let typed: Array<{ label: string; value: number }> = [];
      await test.step('录入上一年度数据: 2023 created, 10 figures typed with Enter, a composition in between', async () => {
        await page.getByRole('button', { name: /录入上一年度数据（2023年）/ }).click();
        const ask = page.getByRole('dialog').filter({ hasText: '录入2023年度数据？' });
        await page.waitForTimeout(400); // antd animates the confirm open
        await ask.getByRole('button', { name: '新建并填写' }).click();
        await expect(page.getByText(/2023年度，已填/)).toBeVisible();
        const inputs = page.locator('input[data-ind-value]');
        await expect(inputs.first()).toBeVisible();
        await inputs.first().focus();
        for (let i = 0; i < 10; i++) {
          const label = await focusedLabel(page);
          const value = 10 + i * 3;
          if (i === 5) {
            // pinyin half-typed: Enter confirms the input method's pick, it must neither save nor move
            await compose(page, 'compositionstart');
            await page.keyboard.insertText('shi');
            await page.keyboard.press('Enter');
            expect(await focusedLabel(page)).toBe(label);
            await expect(page.getByTestId(/^indicator-/).filter({ has: page.getByRole('textbox', { name: label, exact: true }) }).getByText('已保存')).toHaveCount(0);
            for (let k = 0; k < 3; k++) await page.keyboard.press('Backspace');
            await compose(page, 'compositionend');
          }
          await page.keyboard.type(String(value));
          await page.keyboard.press('Enter');
          await expect.poll(() => focusedLabel(page)).not.toBe(label);
          typed.push({ label, value });
        }
        await expect(page.getByText('已保存')).toHaveCount(10);
        await shot(page, `${tag}-04-last-year-figures`);
        // what reached the file: ten typed figures, no pinyin, a figures-only year
        const file = yearFile(bridge, 2023);
        expect(file.figuresOnly).toBe(true);
        const stored = Object.values(file.values as Record<string, { value: number | null }>).map((v) => v.value);
        expect(stored.sort((a, b) => a! - b!)).toEqual(typed.map((t) => t.value).sort((a, b) => a - b));
        expect(JSON.stringify(file.values)).not.toContain('shi');
      });

      await test.step('2024 shows them as 上年 and the 同比 chart draws them', async () => {
        await page.getByRole('combobox', { name: '选择年度' }).click();
        await page.getByTitle('2024年').click();
        await nav(page, '指标录入');
        const first = page.getByRole('textbox', { name: typed[0]!.label, exact: true }).locator('xpath=ancestor::div[contains(@class,"ind-row")]');
        await expect(first.locator('.ind-last')).toContainText(String(typed[0]!.value));
        await nav(page, '图表');
        const card = page.locator('.ant-card').filter({ hasText: '与2023年主要指标对比' });
        await card.scrollIntoViewIfNeeded();
        await expect(card.locator('canvas')).toBeVisible();
        await expect(card).not.toContainText('无可对比的数据');
        await expect(card.locator('.ant-select-selection-item').first()).toBeVisible();
        await shot(page, `${tag}-05-yoy`);
      });
    });

    test('keyboard only: 10 ledger rows with a composition in between', async ({ page }) => {
      const tag = `firstweek-${size.width}`;
      await page.goto(bridge.url);
      await nav(page, '活动台账');
      const form = page.getByRole('form', { name: '新增记录' });
      const before = yearFile(bridge, 2024).ledger.length;
      const count = page.getByText(new RegExp(`共 ${before} 条`));
      await expect(count).toBeVisible();
      await form.getByRole('textbox', { name: '日期' }).focus();
      for (let i = 0; i < 10; i++) {
        await page.keyboard.type(`11-${10 + i}`);
        await page.keyboard.press('Tab');
        if (i === 0) await page.keyboard.type('普法宣传');
        await page.keyboard.press('Tab');
        expect(await focusedLabel(page)).toBe('活动名称');
        if (i === 4) {
          await compose(page, 'compositionstart');
          await page.keyboard.insertText('xuanchuan');
          await page.keyboard.press('Enter');
          // nothing saved: the count and the file are unchanged, the cursor stays
          expect(await focusedLabel(page)).toBe('活动名称');
          expect(yearFile(bridge, 2024).ledger.length).toBe(before + i);
          for (let k = 0; k < 9; k++) await page.keyboard.press('Backspace');
          await compose(page, 'compositionend', '宣传');
        }
        await page.keyboard.insertText(`冬季普法宣传第${i + 1}场`);
        await page.keyboard.press('Enter');
        await expect(page.getByText(new RegExp(`共 ${before + i + 1} 条`))).toBeVisible();
        await expect(form.getByRole('textbox', { name: '日期' })).toBeFocused();
      }
      await shot(page, `${tag}-06-ledger-keyboard`);
      const ledger = yearFile(bridge, 2024).ledger as Array<{ title: string; category: string; date: string }>;
      const mine = ledger.filter((e) => e.title.startsWith('冬季普法宣传'));
      expect(mine.map((e) => e.title)).toEqual(Array.from({ length: 10 }, (_, i) => `冬季普法宣传第${i + 1}场`));
      expect(new Set(mine.map((e) => e.category))).toEqual(new Set(['pufa']));
      expect(mine.map((e) => e.date)).toEqual(Array.from({ length: 10 }, (_, i) => `2024-11-${10 + i}`));
      expect(JSON.stringify(ledger)).not.toContain('xuanchuan');
    });

    test('screens at this size: ledger without sideways scrolling, mediation search, new sub-heading focused, reload returns to it', async ({ page }) => {
      const tag = `firstweek-${size.width}`;
      await page.goto(bridge.url);
      await nav(page, '活动台账');
      const scroll = page.locator('.fz-vt-scroll').first();
      await expect(scroll).toBeVisible();
      const fits = await scroll.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
      expect(fits).toBe(true);
      if (size.width < 1200) {
        // 参与人数 and the rest wait under 展开详情
        await expect(page.getByRole('columnheader', { name: /参与人数/ })).toHaveCount(0);
        await page.getByRole('button', { name: '展开详情' }).first().click();
        await expect(page.getByTestId('row-details').first()).toContainText('参与人数');
      } else {
        await expect(page.getByRole('columnheader', { name: /参与人数/ })).toBeVisible();
      }
      await shot(page, `${tag}-07-ledger-columns`);
      await page.keyboard.press('Escape');

      await nav(page, '调解案件');
      const search = page.getByRole('searchbox', { name: '搜索' }).or(page.getByRole('textbox', { name: '搜索' })).first();
      await expect(search).toHaveAttribute('placeholder', /日期、村名、纠纷类型、结果/);
      const shown = page.locator('.fz-vt-row');
      // a case has a date, a village, a kind and an outcome: each of them finds it
      for (const word of ['邻里纠纷', '3月']) {
        await search.fill(word);
        await expect
          .poll(async () => {
            const texts = await shown.allInnerTexts();
            return texts.length > 0 && texts.every((t) => (word === '3月' ? /\d{4}-03-/.test(t) : t.includes(word)));
          })
          .toBe(true);
      }
      await shot(page, `${tag}-09-mediation-search`);
      await search.fill('');

      await nav(page, '报告编辑');
      const outline = page.getByRole('navigation', { name: '报告提纲' });
      await outline.getByRole('treeitem').nth(1).click();
      await outline.getByRole('button', { name: '添加下级标题' }).click();
      const heading = page.getByRole('textbox', { name: '标题', exact: true });
      await expect(heading).toBeFocused();
      await expect(heading).toHaveValue('新标题');
      // its text is selected: typing replaces it
      await page.keyboard.type('基层调解新机制');
      await expect(heading).toHaveValue('基层调解新机制');
      await expect(outline).toContainText('基层调解新机制');
      await shot(page, `${tag}-08-new-subheading`);
      await page.waitForTimeout(1200); // the autosave's debounce
      await page.reload();
      await expect(page.getByRole('textbox', { name: '标题', exact: true })).toHaveValue('基层调解新机制');
    });
  });
}
