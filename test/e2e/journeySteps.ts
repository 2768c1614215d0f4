/**
 * The clerk's journey, written once and run by two specs: journey.spec.ts (Chromium against the
 * loopback web bridge) and electron.spec.ts (the real desktop app). What differs between the two
 * runtimes — opening the app, capturing a saved file, feeding the open dialog, printing, which
 * requests count as local — is the Driver's business; the steps never ask which runtime they are in.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { expectCleanScreen } from './screenScan';
import { pickOption } from './selects';

export interface CapturedFile {
  /** the name the app offered (download name / save dialog default) */
  suggestedName: string;
  /** where the test keeps the bytes */
  path: string;
}

export interface Driver {
  /** shown in step titles */
  name: 'browser' | 'electron';
  /** screenshots and captured files go here */
  outDir: string;
  /** the data folder the app was started on (关于 must show it) */
  dataDir: string;
  /** bring the app to its first screen */
  open(page: Page): Promise<void>;
  /** true for requests the app may make (its own origin, data:, blob:) */
  isOwnRequest(url: URL): boolean;
  /** run `trigger` (which makes the app save a file) and keep what was saved as outDir/keepAs */
  captureSave(page: Page, trigger: () => Promise<unknown>, keepAs: string): Promise<CapturedFile>;
  /** run `trigger` (which makes the app ask for a file) and answer with `filePath` */
  pickFile(page: Page, filePath: string, trigger: () => Promise<unknown>): Promise<void>;
  /** the export screen's words for "the file is saved" */
  savedWord: string;
  /** page.pdf exists only in headless Chromium */
  canPrintPdf: boolean;
  /** Electron: run `trigger` (a click on 打开数据文件夹) and return the path the file manager was asked to show */
  revealedFolder?: (trigger: () => Promise<unknown>) => Promise<string>;
}

/** Console errors, page errors and requests leaving the app, collected for the final assertion. */
export function watchProblems(page: Page, driver: Driver): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (!driver.isOwnRequest(u)) problems.push(`request off the machine: ${r.url()}`);
  });
  return problems;
}

/** A screenshot a person looks at; every screen shot is also scanned for `{{` and English error text. */
async function shot(page: Page, d: Driver, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(d.outDir, `${name}.png`), fullPage: false });
  await expectCleanScreen(page, name);
}

async function nav(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label }).click();
}

/** The header's ⋮ menu (the web has no native menu; the desktop shows the same items in it too). */
async function moreMenu(page: Page, item: string) {
  await page.getByRole('button', { name: '更多' }).hover();
  await page.getByRole('menuitem', { name: item }).click();
}

/** antd Select: open, type to search, pick the first match. */
async function choose(page: Page, scope: Locator, label: string, text: string) {
  const box = scope.getByRole('combobox', { name: label });
  await box.click();
  await box.fill(text);
  await pickOption(page, box, text);
}

function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

// — the steps, in the order a new clerk meets them

export async function welcome(page: Page, d: Driver) {
  await d.open(page);
  await expect(page.getByText('欢迎使用法治年报')).toBeVisible();
  await expect(page).not.toHaveURL(/token=/); // the token leaves the address bar
  await shot(page, d, '01-welcome');
  await page.getByRole('textbox', { name: '单位简称' }).fill('青石镇');
  await page.getByRole('textbox', { name: '单位全称' }).fill('青石镇人民政府');
  await page.getByRole('spinbutton', { name: '报告年度' }).fill('2024');
  await page.getByRole('textbox', { name: '村（社区）' }).fill('东村\n西村\n南山社区');
  await page.getByRole('button', { name: '创建单位' }).click();
  await expect(page.getByTestId('unit-name')).toHaveText('青石镇人民政府');
  await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
  await shot(page, d, '02-overview');
}

export async function unitSettings(page: Page, d: Driver) {
  await nav(page, '单位设置');
  await page.getByRole('button', { name: '添加村（社区）' }).click();
  await page.getByRole('textbox', { name: '第4个村（社区）名称' }).fill('北村');
  await page.getByRole('textbox', { name: '主送机关' }).fill('区委全面依法治区委员会办公室');
  await page.getByRole('button', { name: '保存单位设置' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
  await shot(page, d, '03-unit');
}

/** Before any activity the 普法 count is 0; a negative figure is refused, a good one saved. */
export async function indicatorsBeforeActivity(page: Page) {
  await nav(page, '指标录入');
  const pufa = page.getByTestId('indicator-pufa-events');
  await expect(pufa.getByLabel('各类普法宣传活动（自动计算）')).toContainText('0');
  const decisions = page.getByRole('textbox', { name: '年度重大行政决策事项', exact: true });
  await decisions.fill('-2');
  await decisions.press('Enter');
  await expect(page.getByTestId('indicator-decision-catalog').getByText('不能为负数')).toBeVisible();
  await decisions.fill('8');
  await decisions.press('Enter');
  await expect(page.getByTestId('indicator-decision-catalog').getByText('已保存')).toBeVisible();
}

/** Keyboard-first entry of three activities, then a delete that is undone. */
export async function ledgerEntries(page: Page, d: Driver) {
  await nav(page, '活动台账');
  const form = page.getByRole('form', { name: '新增记录' });
  const titles = ['民法典进村居宣传', '宪法宣传周集中宣传', '“法律明白人”普法讲座'];
  for (const [i, title] of titles.entries()) {
    const date = form.getByRole('textbox', { name: '日期' });
    await expect(date).toBeFocused({ timeout: i === 0 ? 1 : 5000 }).catch(() => date.click());
    await date.fill(`${i + 3}-15`);
    if (i === 0) await choose(page, form, '类别', '普法宣传');
    if (i === 1) await choose(page, form, '村（社区）', '北村');
    await form.getByRole('textbox', { name: '活动名称' }).fill(title);
    await form.getByRole('textbox', { name: '参与人数' }).fill(String(100 + i));
    await form.getByRole('textbox', { name: '活动名称' }).press('Enter');
    await expect(page.getByText(`共 ${i + 1} 条`)).toBeVisible();
    await expect(form.getByRole('textbox', { name: '日期' })).toBeFocused();
  }
  await expect(page.getByRole('status').filter({ hasText: '已添加 3 条' })).toBeVisible();
  await shot(page, d, '04-ledger');

  await page.getByRole('button', { name: '删除 宪法宣传周集中宣传' }).click();
  await page.locator('.ant-popover').filter({ hasText: '删除这条台账记录？' }).getByRole('button', { name: /^删\s?除$/ }).click();
  await expect(page.getByText('共 2 条')).toBeVisible();
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('共 3 条')).toBeVisible();
}

export async function mediationCases(page: Page, d: Driver) {
  await nav(page, '调解案件');
  const mform = page.getByRole('form', { name: '新增记录' });
  for (const [i, outcome] of ['成功', '成功', '调解中'].entries()) {
    await mform.getByRole('textbox', { name: '日期' }).fill(`5-${10 + i}`);
    await choose(page, mform, '纠纷类型', '邻里纠纷');
    await choose(page, mform, '调解结果', outcome);
    await mform.getByRole('textbox', { name: '简要情况' }).fill(`相邻通行纠纷第${i + 1}起`);
    await mform.getByRole('textbox', { name: '简要情况' }).press('Enter');
    await expect(page.getByText(`共 ${i + 1} 起`)).toBeVisible();
  }
  await shot(page, d, '05-mediation');
}

/** The computed indicators followed the ledger and the cases; an origin opens the filtered ledger. */
export async function indicatorsFollow(page: Page, d: Driver) {
  await nav(page, '指标录入');
  const pufa = page.getByTestId('indicator-pufa-events');
  await expect(pufa.getByLabel('各类普法宣传活动（自动计算）')).toContainText('3');
  await expect(page.getByTestId('indicator-mediation-cases').getByLabel(/自动计算/)).toContainText('3');
  await expect(page.getByTestId('indicator-mediation-success-rate').getByLabel(/自动计算/)).toContainText('66.7');
  await shot(page, d, '06-indicators');
  await pufa.getByText(/台账计数/).click();
  await expect(page.getByRole('heading', { name: /活动台账/ })).toBeVisible();
  await expect(page.getByTestId('filter-count')).toContainText('筛选出 3 条');
  // the categories ride in the address bar and show as chosen in the (multiple) category filter
  await expect(page).toHaveURL(/#\/ledger\?categories=pufa$/);
  await expect(page.locator('.ant-select-multiple').filter({ hasText: '普法宣传' })).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
}

export async function charts(page: Page, d: Driver) {
  await nav(page, '图表');
  await expect(page.getByText('活动台账月度分布').first()).toBeVisible();
  await shot(page, d, '07-charts');
  if (!d.canPrintPdf) return;
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pdfPath = path.join(d.outDir, 'charts.pdf');
  writeFileSync(pdfPath, pdf);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('活动台账月度分布');
  expect(pdfText).toContain('矛盾纠纷调解结果');
}

/** A part written with a live figure placeholder. */
export async function reportPart(page: Page, d: Driver) {
  await nav(page, '报告编辑');
  const outline = page.getByRole('navigation', { name: '报告提纲' });
  await outline.getByText(/主要举措和成效/).first().click();
  const body = page.locator('.fz-body-editor').first();
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('全年共开展普法宣传活动');
  await choose(page, page.locator('body'), '选择指标', '各类普法宣传活动');
  // the button's name carries its # icon's label ("number 插入"); 插入表格 must not match
  await page.getByRole('button', { name: /^(number )?插入$/ }).click();
  await page.keyboard.type('，覆盖全镇。');
  await expect(page.getByRole('article', { name: '报告预览' })).toContainText('全年共开展普法宣传活动3次，覆盖全镇。');
  await expect(page.getByText('已保存').first()).toBeVisible({ timeout: 15_000 });
  await shot(page, d, '08-report');
}

/** An edit typed just before a reload, inside the autosave's debounce, is still there afterwards. */
export async function reportSurvivesReload(page: Page) {
  await page.locator('.fz-body-editor').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('刷新前补充。');
  // the browser asks before leaving unsaved changes (the desktop shell does not); the clerk leaves
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByRole('article', { name: '报告预览' })).toContainText('覆盖全镇。刷新前补充。');
}

/** The .docx arrives, carries the figure, and the export history can show what was exported. */
export async function exportDocx(page: Page, d: Driver) {
  await nav(page, '导出');
  // the proofreader's errors are listed first; the clerk has seen them and may export anyway
  const proof = page.getByTestId('export-proofread');
  await expect(proof).toBeVisible();
  const openErrors = /处错误/.test(await proof.innerText());
  const file = await d.captureSave(
    page,
    async () => {
      await page.getByRole('button', { name: '导出 Word' }).click();
      if (openErrors) await page.getByRole('button', { name: '仍然导出' }).click();
    },
    'journey.docx',
  );
  expect(file.suggestedName).toMatch(/\.docx$/);
  const text = docxText(new Uint8Array(readFileSync(file.path)));
  expect(text).toContain('全年共开展普法宣传活动3次，覆盖全镇。');
  expect(text).toContain('区委全面依法治区委员会办公室');
  await expect(page.getByRole('status').filter({ hasText: d.savedWord })).toBeVisible();
  await expect(page.getByRole('cell', { name: file.suggestedName })).toBeVisible();
  await shot(page, d, '09-export');
  await page.getByRole('button', { name: '查看当时内容' }).first().click();
  await expect(page.getByTestId('snapshot')).toContainText('全年共开展普法宣传活动3次');
  await shot(page, d, '10-export-snapshot');
  await page.getByRole('button', { name: '关闭' }).click();
}

export async function overviewAfter(page: Page, d: Driver) {
  await nav(page, '概览');
  await expect(page.getByTestId('indicators-filled')).not.toHaveText('0');
  await shot(page, d, '11-overview-after');
}

const LATE_ENTRY = '备份之后补录的普法活动';

/**
 * 备份数据 saves one file; an entry added afterwards is gone once that file is restored, after a
 * preview that names the backup's time and compares the counts that will be replaced.
 */
export async function backupAndRestore(page: Page, d: Driver): Promise<string> {
  // — back up: one file, which really is a backup of this unit
  const backup = await d.captureSave(page, () => moreMenu(page, '备份数据…'), 'journey-backup.json');
  expect(backup.suggestedName).toMatch(/^法治年报备份-\d{8}-\d{6}\.json$/);
  const env = JSON.parse(readFileSync(backup.path, 'utf8')) as { format: string; unit: { fullName: string }; years: Record<string, { ledger: unknown[] }> };
  expect(env.format).toBe('fazhi-nianbao-backup');
  expect(env.unit.fullName).toBe('青石镇人民政府');
  expect(env.years['2024']!.ledger).toHaveLength(3);
  await expect(page.getByText('备份已保存')).toBeVisible();
  await shot(page, d, '12-backup-saved');

  // — a later entry, which the restore will take away
  await nav(page, '活动台账');
  const form = page.getByRole('form', { name: '新增记录' });
  await form.getByRole('textbox', { name: '日期' }).fill('9-1');
  await choose(page, form, '类别', '普法宣传');
  await form.getByRole('textbox', { name: '活动名称' }).fill(LATE_ENTRY);
  await form.getByRole('textbox', { name: '活动名称' }).press('Enter');
  await expect(page.getByText('共 4 条')).toBeVisible();

  // — restore: the preview says when the backup was taken and what will be replaced, with counts
  await d.pickFile(page, backup.path, () => moreMenu(page, '从备份恢复…'));
  const dialog = page.getByRole('dialog').filter({ hasText: '从备份恢复数据？' });
  const preview = dialog.getByTestId('restore-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(path.basename(backup.path));
  await expect(preview.getByTestId('backup-time')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  // columns: side, unit, year, ledger, mediation, parts, exports
  const row = (side: string, unit: string, year: string, ledger: string, mediation: string, exports: string) =>
    expect(preview.getByRole('row').filter({ hasText: side }).getByRole('cell')).toHaveText([side, unit, year, ledger, mediation, /^\d+$/, exports]);
  await row('当前数据（将被替换）', '青石镇人民政府', '2024年', '4', '3', '1');
  await row('备份中的数据（恢复后）', '青石镇人民政府', '2024年', '3', '3', '1');
  await expect(preview).toContainText('当前数据会先自动备份');
  await shot(page, d, '13-restore-preview');
  await dialog.getByRole('button', { name: /恢\s?复/ }).click();
  const done = page.getByRole('dialog').filter({ hasText: '已从备份恢复' });
  await expect(done).toContainText('恢复前的数据已备份在数据文件夹的 backups 文件夹中');
  // the new counts, not the ones still on the screen behind (issue 13)
  await expect(done.getByTestId('restored-counts')).toContainText('活动台账 3 条');
  await shot(page, d, '14-restore-done');
  await done.getByRole('button', { name: '知道了' }).click();

  // — the app reloads on the restored data: the late entry is gone, the rest is there
  await expect(page.getByTestId('unit-name')).toHaveText('青石镇人民政府');
  await nav(page, '活动台账');
  await expect(page.getByText('共 3 条')).toBeVisible();
  await expect(page.getByText(LATE_ENTRY)).toHaveCount(0);
  await expect(page.getByText('民法典进村居宣传')).toBeVisible();
  await shot(page, d, '15-after-restore');
  return backup.path;
}

/** A truncated backup is refused in Chinese before anything is shown to confirm; nothing changes. */
export async function truncatedBackupRefused(page: Page, d: Driver, goodBackup: string) {
  // cut on a character boundary: a cut inside a UTF-8 sequence gets the "not text" message instead
  const good = readFileSync(goodBackup, 'utf8');
  const bad = path.join(d.outDir, 'journey-backup-truncated.json');
  writeFileSync(bad, good.slice(0, Math.floor(good.length / 2)));
  await d.pickFile(page, bad, () => moreMenu(page, '从备份恢复…'));
  const refusal = page.getByRole('dialog').filter({ hasText: '无法从备份恢复' });
  await expect(refusal).toContainText('备份文件不完整（可能在复制或下载时被截断），无法恢复');
  await expect(page.getByRole('dialog').filter({ hasText: '从备份恢复数据？' })).toHaveCount(0);
  await shot(page, d, '16-restore-refused');
  await refusal.getByRole('button', { name: '知道了' }).click();
  await expect(refusal).toHaveCount(0);
  await page.reload(); // what is on disk, not what the screen still holds
  await nav(page, '活动台账');
  await expect(page.getByText('共 3 条')).toBeVisible();
}

/** 关于 names the data folder, which can be copied (web) or opened in the file manager (desktop). */
export async function aboutShowsDataFolder(page: Page, d: Driver) {
  await moreMenu(page, '关于法治年报');
  const about = page.getByRole('dialog').filter({ hasText: '关于法治年报' });
  await expect(about.getByTestId('data-dir')).toContainText(d.dataDir);
  await expect(about.getByRole('button', { name: '复制路径' })).toBeVisible();
  if (d.revealedFolder) {
    const shown = await d.revealedFolder(() => about.getByRole('button', { name: '打开数据文件夹' }).click());
    expect(path.resolve(shown)).toBe(path.resolve(d.dataDir));
  } else {
    await expect(about).toContainText('可复制上面的路径');
  }
  await shot(page, d, '17-about');
  await about.getByRole('button', { name: '知道了' }).click();
}

/** 新建下一年度: asks first, then the new year opens with last year's outline and an empty ledger. */
export async function nextYear(page: Page, d: Driver) {
  await nav(page, '概览');
  await page.getByRole('button', { name: /新建下一年度（2025年）/ }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '新建2025年度？' });
  await expect(ask).toContainText('2024年度报告的提纲会沿用');
  // let the confirm finish opening (antd animates it) before pressing its button
  await page.waitForTimeout(400);
  await ask.getByRole('button', { name: /^新\s?建$/ }).click();
  await expect(ask).toBeHidden();
  // the overview stays on the year shown until the clerk chooses to go (issue 13)
  await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
  await page.getByRole('button', { name: '转到2025年度' }).click();
  await expect(page.getByRole('heading', { name: '2025年度概览' })).toBeVisible();
  await nav(page, '活动台账');
  await expect(page.getByText('2025年度，共 0 条')).toBeVisible();
  await nav(page, '报告编辑');
  const outline = page.getByRole('tree');
  // the structure came along, its years moved on by one
  await expect(outline).toContainText('2026年推进法治政府建设主要安排');
  await expect(outline).not.toContainText('2025年推进法治政府建设主要安排');
  await shot(page, d, '18-next-year');
}

/** The whole journey, step by step, as both specs run it. */
export async function runJourney(page: Page, d: Driver) {
  const problems = watchProblems(page, d);
  const step = (title: string, body: () => Promise<unknown>) => test.step(`${d.name}: ${title}`, async () => void (await body()));
  await step('welcome: create the unit', () => welcome(page, d));
  await step('unit settings', () => unitSettings(page, d));
  await step('indicators before any activity', () => indicatorsBeforeActivity(page));
  await step('ledger: three activities, delete and undo', () => ledgerEntries(page, d));
  await step('mediation cases', () => mediationCases(page, d));
  await step('computed indicators follow', () => indicatorsFollow(page, d));
  await step('charts', () => charts(page, d));
  await step('report part with a figure', () => reportPart(page, d));
  await step('report: an edit survives a reload', () => reportSurvivesReload(page));
  await step('export .docx', () => exportDocx(page, d));
  await step('overview after the work', () => overviewAfter(page, d));
  let backup = '';
  await step('backup, late entry, restore', async () => (backup = await backupAndRestore(page, d)));
  await step('a truncated backup is refused', () => truncatedBackupRefused(page, d, backup));
  await step('关于 shows the data folder', () => aboutShowsDataFolder(page, d));
  await step('next year from the overview', () => nextYear(page, d));
  expect(problems).toEqual([]);
}
