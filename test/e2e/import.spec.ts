/**
 * A clerk who starts from last year's report, in the browser against the built app and the real
 * loopback bridge: welcome → 从去年的报告开始 → a .docx built here (plain paragraphs, numbers typed
 * by hand, our own sentences) → the preview → one level corrected → 导入 → 新建下一年度 → last
 * year's plan as a checklist beside 举措和成效, a mark that survives a reload, and the 未完成 point
 * inserted into 不足. Any console error or request off 127.0.0.1 fails it.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { startBridge, type Bridge, shots } from './bridge';
import { pickOption } from './selects';

let bridge: Bridge | undefined;
let url = '';
let dataDir = '';
let work = '';

/** Last year's report as a clerk typed it: every number by hand, no heading styles. */
const LINES = [
  '青山镇2024年法治政府建设年度报告',
  '区委全面依法治区委员会办公室：',
  '2024年，青山镇围绕建设法治政府的目标，把依法行政落实到镇村工作的各个环节，现将有关情况报告如下。',
  '一、2024年推进法治政府建设的主要举措和成效',
  '（一）健全依法决策机制。镇党委会议专题研究重大事项前均先听取法律顾问意见，制定《青山镇合法性审查办法(试行)》，全年审查规范性文件和合同共计十余份。',
  '（二）化解基层矛盾纠纷',
  '全镇依托村级调解室开展矛盾排查，调解矛盾纠纷86起，群众满意度持续提升。',
  '1.提升调解员业务能力',
  '组织调解员参加业务轮训两期，邀请律师讲解婚姻家庭和邻里纠纷案例。',
  '二、存在的不足和原因',
  '一是部分村干部法治意识仍需加强；二是执法人员数量与任务不相适应。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '镇党委书记带头学法，全年主持党委理论学习中心组集体学法四次。',
  '四、2025年推进法治政府建设的主要安排',
  '一是深化普法宣传，开展法律进村入户活动；二是规范行政执法行为，组织执法人员集中培训；三是完善人民调解网络，建设标准化村级调解室。',
  '青山镇人民政府',
  '2025年1月20日',
];

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(path.join(tmpdir(), 'fz-e2e-import-'));
  dataDir = path.join(work, 'data');
  mkdirSync(dataDir);
  const doc = new Document({ sections: [{ children: LINES.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
  writeFileSync(path.join(work, '青山镇2024年法治政府建设年度报告.docx'), await Packer.toBuffer(doc));
  bridge = await startBridge({ prefix: 'fz-e2e-', dataDir });
  url = bridge.url;
});

test.afterAll(() => {
  bridge?.stop();
  if (work) rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let antd's motion settle
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

const nav = (page: Page, label: string) => page.getByRole('menuitem', { name: label }).click();

test('从去年的报告开始: preview, one level corrected, import, next year, plan checklist', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.hostname !== '127.0.0.1') problems.push(`request off the machine: ${r.url()}`);
  });

  await test.step('welcome → 从去年的报告开始 → choose the .docx', async () => {
    await page.goto(url);
    await expect(page.getByText('从去年的报告开始')).toBeVisible();
    await shot(page, 'import-01-welcome');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '选择报告文件…' }).click()]);
    await chooser.setFiles(path.join(work, '青山镇2024年法治政府建设年度报告.docx'));
  });

  const dialog = page.getByRole('dialog').filter({ hasText: '导入报告' });
  const preview = dialog.getByTestId('import-preview');

  await test.step('the preview: outline with levels, run-in, content items, text, year and unit', async () => {
    await expect(preview).toBeVisible();
    const part = (name: string) => preview.getByRole('group', { name, exact: true });
    await expect(part('一、2024年推进法治政府建设的主要举措和成效')).toContainText('主要举措和成效');
    await expect(part('二、存在的不足和原因')).toContainText('存在的不足和原因');
    await expect(part('四、2025年推进法治政府建设的主要安排')).toContainText('一是深化普法宣传');
    // the run-in sub-part: heading up to the first 。, its number gone, the rest its text
    const runIn = part('（一）健全依法决策机制');
    await expect(runIn.getByRole('checkbox', { name: '“健全依法决策机制”标题接排' })).toBeChecked();
    await expect(part('（二）化解基层矛盾纠纷').getByRole('checkbox', { name: '“化解基层矛盾纠纷”标题接排' })).not.toBeChecked();
    await expect(runIn).toContainText('镇党委会议专题研究重大事项前');
    // a "1." heading sits one level below （二）
    await expect(part('1.提升调解员业务能力')).toContainText('3级');
    await expect(dialog.getByRole('spinbutton', { name: '导入年度' })).toHaveValue('2024');
    await expect(dialog.getByRole('textbox', { name: '单位简称' })).toHaveValue('青山镇');
    await expect(dialog.getByRole('textbox', { name: '单位全称' })).toHaveValue(/青山镇/);
    // half-width brackets listed, converted only when chosen
    const hw = dialog.getByTestId('import-half-width');
    await expect(hw).toContainText('半角标点（2 处）');
    await shot(page, 'import-02-preview');
    await hw.getByRole('checkbox').check();
  });

  await test.step('adjust one level: 1. becomes （三）; change a content item', async () => {
    await preview.getByRole('button', { name: '“提升调解员业务能力”升一级' }).click();
    await expect(preview.getByRole('group', { name: '（三）提升调解员业务能力', exact: true })).toContainText('2级');
    await shot(page, 'import-03-level-adjusted');
    // the clerk files the 第一责任人 part under 其他 (and the outline then says which item is missing)
    const first = preview.getByRole('group', { name: '三、党政主要负责人履行推进法治建设第一责任人职责情况', exact: true });
    await pickOption(page, first.getByRole('combobox', { name: /对应内容项/ }), '其他需要报告的情况');
    await expect(first).toContainText('其他需要报告的情况');
  });

  await test.step('commit: the unit and 2024 are created from the title', async () => {
    await dialog.getByRole('button', { name: /^导\s?入$/ }).click();
    await expect(page.getByText(/已导入为2024年度报告/)).toBeVisible();
    await expect(page.getByTestId('unit-name')).toContainText('青山镇');
    await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
    await nav(page, '报告编辑');
    const outline = page.getByRole('tree');
    await expect(outline).toContainText('（三）提升调解员业务能力');
    await expect(outline).toContainText('2024年推进法治政府建设的主要举措和成效');
    await expect(outline.getByRole('treeitem').filter({ hasText: '党政主要负责人' })).toContainText('其他');
    await expect(page.getByRole('status').filter({ hasText: '尚无一级标题对应' })).toContainText('第一责任人');
    const article = page.getByRole('article', { name: '报告预览' });
    await expect(article).toContainText('合法性审查办法（试行）');
    await expect(article).toContainText('调解矛盾纠纷86起');
    await shot(page, 'import-04-report');
  });

  await test.step('报告编辑 → 导入 the leader\'s revision: 对比, leave one change, take the other', async () => {
    // the exported .docx goes to the leader and comes back with two sentences revised in Word
    await nav(page, '导出');
    // what the proofreader still lists (the import's own findings) is shown first; export anyway
    const proof = page.getByTestId('export-proofread');
    await expect(proof).toBeVisible();
    const openErrors = /处错误/.test(await proof.innerText());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: '导出 Word' }).click();
        if (openErrors) await page.getByRole('button', { name: '仍然导出' }).click();
      })(),
    ]);
    const exported = path.join(work, 'exported.docx');
    await download.saveAs(exported);
    const files = unzipSync(new Uint8Array(readFileSync(exported)));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('集体学法四次');
    expect(xml).toContain('一是部分村干部法治意识仍需加强');
    files['word/document.xml'] = strToU8(
      xml.replace('集体学法四次', '集体学法五次').replace('一是部分村干部法治意识仍需加强', '一是少数村干部运用法治思维的能力仍需加强'),
    );
    writeFileSync(path.join(work, '领导修改稿.docx'), zipSync(files));
    await nav(page, '报告编辑');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: '导入' }).click()]);
    await chooser.setFiles(path.join(work, '领导修改稿.docx'));
    const again = page.getByRole('dialog').filter({ hasText: '领导修改稿.docx' });
    await expect(again.getByText(/2024年度已有报告/)).toBeVisible();
    await again.getByRole('button', { name: '对比…' }).click();
    const view = again.getByTestId('compare-view');
    await expect(view).toContainText('2 个部分有修改');
    const first = view.getByRole('region', { name: /第一责任人/ });
    await expect(first.locator('del')).toContainText(['四']);
    await expect(first.locator('ins')).toContainText(['五']);
    await shot(page, 'import-07-compare');
    await view.getByRole('region', { name: /存在的不足和原因/ }).getByRole('checkbox', { name: /采纳/ }).uncheck();
    await view.getByRole('button', { name: /采纳所选修改（1 处）/ }).click();
    await expect(page.getByText('已采纳 1 处修改')).toBeVisible();
    const article = page.getByRole('article', { name: '报告预览' });
    await expect(article).toContainText('集体学法五次');
    await expect(article).toContainText('一是部分村干部法治意识仍需加强');
  });

  await test.step('新建下一年度 carries the draft; last year\'s plan is a checklist beside 举措和成效', async () => {
    await nav(page, '概览');
    await page.getByRole('button', { name: /新建下一年度（2025年）/ }).click();
    const ask = page.getByRole('dialog').filter({ hasText: '新建2025年度？' });
    await page.waitForTimeout(400); // antd animates the confirm open
    await ask.getByRole('button', { name: /^新\s?建$/ }).click();
    // the overview stays on the year shown until the clerk chooses to go (issue 13)
    await expect(page.getByRole('heading', { name: '2024年度概览' })).toBeVisible();
    await page.getByRole('button', { name: '转到2025年度' }).click();
    await expect(page.getByRole('heading', { name: '2025年度概览' })).toBeVisible();
    await nav(page, '报告编辑');
    const outline = page.getByRole('tree');
    await expect(outline).toContainText('2026年推进法治政府建设的主要安排');
    await outline.getByText(/2025年推进法治政府建设的主要举措和成效/).click();
    const plan = page.getByRole('region', { name: '上年度安排落实情况' });
    await expect(plan.getByTestId('plan-point')).toHaveCount(3);
    await expect(plan).toContainText('深化普法宣传');
    await plan.getByTestId('plan-point').nth(0).getByText('已完成', { exact: true }).click();
    await expect(plan.getByRole('status')).toHaveText('已保存');
    await plan.getByTestId('plan-point').nth(2).getByText('未完成', { exact: true }).click();
    await expect(plan).toContainText('已标记 2 / 3');
    await shot(page, 'import-05-checklist');
  });

  await test.step('the marks are kept with the year (after a reload)', async () => {
    await page.reload();
    const outline = page.getByRole('tree');
    await outline.getByText(/2025年推进法治政府建设的主要举措和成效/).click();
    const plan = page.getByRole('region', { name: '上年度安排落实情况' });
    await expect(plan.getByTestId('plan-point').nth(0).getByRole('radio', { name: '已完成' })).toBeChecked();
    await expect(plan.getByTestId('plan-point').nth(2).getByRole('radio', { name: '未完成' })).toBeChecked();
    await expect(plan.getByTestId('plan-point').nth(1).getByRole('radio', { checked: true })).toHaveCount(0);
  });

  await test.step('the 未完成 point is offered to 不足 and inserted with one click', async () => {
    await page.getByRole('tree').getByText('存在的不足和原因').click();
    const offer = page.getByRole('region', { name: '上年度未完成的安排' });
    await expect(offer.getByTestId('plan-unfinished')).toContainText('完善人民调解网络');
    await offer.getByRole('button', { name: '插入到本部分正文末尾' }).click();
    await expect(page.getByRole('article', { name: '报告预览' })).toContainText('完善人民调解网络');
    await expect(offer.getByRole('button', { name: '已插入正文' })).toBeDisabled();
    await expect(page.getByText('已保存').first()).toBeVisible({ timeout: 15_000 });
    await shot(page, 'import-06-unfinished-inserted');
  });

  expect(problems).toEqual([]);
});
