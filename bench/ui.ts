/**
 * Browser-mode figures (`npm run bench`): the built renderer served by the loopback bridge, driven
 * in Debian's Chromium. Timings are taken inside the page so Playwright's own latency is not counted.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServices, dispatch } from '../src-main/services';
import { workCounts } from '../src-main/store';
import { startWebBridge } from '../src-main/web/server';
import type { Handlers } from '../src-shared/contract';
import type { Report } from '../src-shared/domain/report';
import { median, pct, type Row } from './core';
import { summarizeTrace } from './traceSummary';
import { importPreviewBench } from './uiImport';
import { overviewAfterStart } from './overviewCold';

/**
 * `DeferRendererTasksAfterInput` off: Chromium (on by default in the version here, 156) holds every
 * posted-message task after a key or an input event until the next frame has been drawn, so the
 * MessageChannel task armLatency times with ran only after the next display frame (and, after
 * Playwright's separate keyUp, sometimes after the one after it). The figure was then the wait for
 * the frame clock (0 to 16.7 ms, whatever the key cost): a bare contenteditable with no script
 * measured median 13 ms, p95 21 ms that way. With it off the task runs right after the key's own
 * tasks, as armLatency says; the control row below (a bare contenteditable) shows the floor.
 */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=DeferRendererTasksAfterInput'];

async function call<T>(h: Handlers, method: string, input: unknown): Promise<T> {
  const r = await dispatch(h, method, input);
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
}

/** demo data, 5,000 ledger entries in 2024, a 3,000-character part and a 10,000-character part to type into */
export async function seed(dataDir: string): Promise<void> {
  const h = await createServices(dataDir);
  await call(h, 'demo.create', {});
  const have = (await call<unknown[]>(h, 'ledger.list', { year: 2024 })).length;
  const cats = ['pufa', 'jindu', 'fanzha', 'clinic', 'democracy', 'study'];
  // one write (as a sheet import makes it): 5,000 single adds take minutes on a busy machine
  const entries = Array.from({ length: 5000 - have }, (_, k) => {
    const i = have + k;
    return {
      date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      category: cats[i % cats.length],
      title: `${['普法进村', '禁毒宣传', '反诈讲座', '法律坐诊', '议事会', '集体学法'][i % 6]}第${i}场`,
      villageId: `v${String(1 + (i % 15)).padStart(2, '0')}`,
      participants: 20 + (i % 80),
    };
  });
  await call(h, 'ledger.addMany', { year: 2024, entries });
  const report = await call<Report>(h, 'report.get', { year: 2024 });
  const long = '为进一步提升基层依法治理能力，镇里持续开展法治宣传教育和矛盾纠纷排查化解工作。'.repeat(80).slice(0, 3000);
  report.parts[1]!.paragraphs = [long];
  // a long part as clerks write one: ten paragraphs of 1,000 characters
  const para = '一是持续深化法治宣传教育，围绕民法典、禁毒、反诈等主题开展进村入户宣传，群众法治意识明显增强。';
  report.parts[3]!.paragraphs = Array.from({ length: 10 }, () => para.repeat(30).slice(0, 1000));
  await call(h, 'report.save', { year: 2024, report });
}

/** Nine more years (2015–2023), 5,000 entries each: 概览 with ten years of data. */
export async function seedYears(dataDir: string): Promise<void> {
  const h = await createServices(dataDir);
  const cats = ['pufa', 'jindu', 'fanzha', 'clinic', 'democracy', 'study'];
  for (let y = 2015; y <= 2023; y++) {
    await call(h, 'years.create', { year: y });
    const entries = Array.from({ length: 5000 }, (_, i) => ({
      date: `${y}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      category: cats[i % cats.length],
      title: `${['普法进村', '禁毒宣传', '反诈讲座', '法律坐诊', '议事会', '集体学法'][i % 6]}第${i}场`,
      villageId: `v${String(1 + (i % 15)).padStart(2, '0')}`,
      participants: 20 + (i % 80),
    }));
    await call(h, 'ledger.addMany', { year: y, entries });
  }
}

interface OverviewOpen {
  /** median time from opening the address until 概览's content is ready */
  ms: number;
  /** the JS and CSS the browser fetched before 概览 was ready (first open) */
  files: Set<string>;
  /** per open (median): year files the bridge's store parsed and year contents it copied */
  parsed: number;
  copies: number;
  /** per open (median): calls to the services */
  calls: number;
  /** per open (median): the time the page waited on the services (request sent → answer's first byte), summed */
  serverMs: number;
  /** FAZHI_BENCH_PROFILE: the main thread's time in one more (traced) open, by kind of work */
  work?: Record<string, number>;
}

/**
 * 概览 from opening the address until its content is ready: the median of five fresh pages, the JS
 * it fetched, and the work behind it (the bridge runs in this process: its store's counts are read here).
 */
async function overviewReady(browser: Browser, start: string, opens = 5, name?: string): Promise<OverviewOpen> {
  const tti: number[] = [];
  const parsed: number[] = [];
  const copies: number[] = [];
  const calls: number[] = [];
  const serverMs: number[] = [];
  const files = new Set<string>();
  for (let i = 0; i < opens; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const before = { ...workCounts };
    await page.goto(start);
    // the moment the page sees its content (the check runs in the page, at the start of a frame)
    await page.waitForFunction(() => {
      const w = window as unknown as { __readyAt?: number };
      const ok = document.body.innerText.includes('报送期限') && document.body.innerText.includes('指标填报');
      if (ok) w.__readyAt ??= performance.now();
      return ok;
    });
    // what the browser had asked for when 概览 was ready: the entry, its preloads, the screen's chunk
    // and the stylesheets (antd's among them: parsed and matched before the first frame, as the JS
    // is run); not what the page asks for after (the other screens' antd styles, once 概览 is drawn)
    if (i === 0)
      for (const f of await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.startTime <= (window as unknown as { __readyAt: number }).__readyAt && /\.(js|css)$/.test(new URL(e.name).pathname))
          .map((e) => new URL(e.name).pathname),
      ))
        files.add(path.basename(f));
    tti.push(await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))));
    parsed.push(workCounts.filesParsed - before.filesParsed);
    copies.push(workCounts.yearCopies - before.yearCopies);
    const api = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('/api/')).map((e) => e.responseStart - e.requestStart),
    );
    calls.push(api.length);
    serverMs.push(api.reduce((a, b) => a + b, 0));
    await ctx.close();
  }
  return { ms: median(tti), files, parsed: median(parsed), copies: median(copies), calls: median(calls), serverMs: median(serverMs), work: name ? await tracedOpen(browser, start, name) : undefined };
}

/**
 * `FAZHI_BENCH_PROFILE=DIR`: one more open of 概览 in a fresh page, traced from the address to the
 * content (DIR/<name>.trace.json, with a screenshot), and its main thread's time by kind of work.
 */
async function tracedOpen(browser: Browser, start: string, name: string): Promise<Record<string, number> | undefined> {
  const dir = process.env.FAZHI_BENCH_PROFILE;
  if (!dir) return undefined;
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  const file = path.join(dir, `${name}.trace.json`);
  await browser.startTracing(page, { path: file, categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'v8'] });
  await page.goto(start);
  await page.waitForFunction(() => document.body.innerText.includes('报送期限') && document.body.innerText.includes('指标填报'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await browser.stopTracing();
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
  await ctx.close();
  return summarizeTrace(readFileSync(file, 'utf8'));
}

/** The traced open's main-thread time, as a row. */
const overviewTrace = (label: string, o: OverviewOpen): Row[] =>
  o.work
    ? [{ what: `概览打开一次（${label}，追踪）主线程：${Object.keys(o.work).join(' / ')}`, figure: Object.values(o.work).map((ms) => ms.toFixed(0)).join(' / ') + ' ms' }]
    : [];

/** The work behind one opening of 概览, as a row. */
const overviewWork = (label: string, o: OverviewOpen): Row => ({
  what: `概览打开一次（${label}，5次中位数）：服务调用 / 等待服务合计 / 解析年度文件 / 复制年度数据`,
  figure: `${o.calls} 次 / ${o.serverMs.toFixed(0)} ms / ${o.parsed} 个 / ${o.copies} 份`,
});

/** p95 and median of keydown → layout in the part whose outline entry holds `heading`. */
async function typeInPart(page: Page, heading: string): Promise<number[]> {
  await page.getByRole('treeitem').filter({ hasText: heading }).click();
  return typeKeys(page, page.locator('.ProseMirror:visible').first());
}

/** 40 keys ('a', every tenth a Backspace) at the end of the first line of `editor`; the first five dropped. */
async function typeKeys(page: Page, editor: ReturnType<Page['locator']>): Promise<number[]> {
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('End');
  await settle(page);
  await armLatency(page, 'keydown');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 10 === 9 ? 'Backspace' : 'a');
    await settle(page);
  }
  return (await readLat(page, 'keydown')).slice(5);
}

/**
 * The same keys in a bare contenteditable holding the 3,000-character paragraph, on a blank page
 * in the same browser: what this machine's Chromium takes for a key with no script at all (its
 * editing, style and layout), the floor of the figures above.
 */
async function typeInBareEditable(browser: Browser): Promise<number[]> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  try {
    const page = await ctx.newPage();
    const text = '为进一步提升基层依法治理能力，镇里持续开展法治宣传教育和矛盾纠纷排查化解工作。'.repeat(80).slice(0, 3000);
    await page.setContent(`<div contenteditable="true" spellcheck="false" style="width:780px;font-size:15px;line-height:1.9;white-space:pre-wrap"><p>${text}</p></div>`);
    return await typeKeys(page, page.locator('[contenteditable]'));
  } finally {
    await ctx.close();
  }
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

/** Installs a capture listener: from the event to the end of its synchronous work plus a forced layout. */
async function armLatency(page: Page, type: 'input' | 'keydown') {
  await page.evaluate((t) => {
    // one list per event type: typing in the editor also fires the input events the filter step
    // listens for, which used to land in the keystroke list (two figures per key, the later one shorter)
    const w = window as unknown as { __lat: Record<string, number[]> };
    w.__lat ??= {};
    // armed once per event type: a second part measured on the same page only starts a new list
    const armed = t in w.__lat;
    w.__lat[t] = [];
    if (armed) return;
    document.addEventListener(
      t,
      () => {
        const t0 = performance.now();
        performance.mark(`${t}-start`);
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          void document.body.offsetHeight; // style and layout of what the event changed
          performance.measure(`${t}-to-layout`, `${t}-start`);
          w.__lat[t]!.push(performance.now() - t0);
        };
        ch.port2.postMessage(0);
      },
      true,
    );
  }, type);
}

/** Strings only those libraries' code carries (error texts and class names), to spot them in minified chunks. */
const OFFICE_MARKERS: Record<string, RegExp> = {
  exceljs: /exceljs|Worksheet name already exists|xl\/worksheets\//,
  mammoth: /mammoth|w:document|convertToHtml/,
  diff: /applyPatch only works with a single input|fuzzFactor must be a non-negative integer/,
  'word-extractor': /word-extractor|Not a valid compound document|Invalid Short Sector Allocation Table/,
};
export function officeLibsIn(chunks: string[]): string[] {
  return Object.entries(OFFICE_MARKERS).filter(([, re]) => chunks.some((c) => re.test(c))).map(([name]) => name);
}

/** Which step the UI bench is at, on stderr: a run that stops says where. */
const step = (what: string) => process.stderr.write(`界面基准：${what}（${new Date().toISOString().slice(11, 19)}）\n`);

/**
 * `FAZHI_BENCH_PROFILE=DIR`: a CPU profile (.cpuprofile, opens in Chrome DevTools) and a trace
 * (.json, with layout and paint) of a measured step are written there, to read where its time goes.
 */
async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.FAZHI_BENCH_PROFILE;
  if (!dir) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const browser = page.context().browser()!;
  await browser.startTracing(page, { path: path.join(dir, `${name}.trace.json`), categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'] });
  try {
    return await run();
  } finally {
    await browser.stopTracing();
    await page.screenshot({ path: path.join(dir, `${name}.png`) });
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

const readLat = (page: Page, type: 'input' | 'keydown') => page.evaluate((t) => (window as unknown as { __lat: Record<string, number[]> }).__lat[t]!.slice(), type);

/**
 * `typingOnly`: only the steps that measure typing (筛选台账, 报告编辑中按键), for quick comparisons;
 * `overviewOnly` (`npm run bench -- --overview`): the bundle's size and 概览's rows, nothing between.
 */
export async function uiBench(root: string, { typingOnly = false, overviewOnly = false }: { typingOnly?: boolean; overviewOnly?: boolean } = {}): Promise<Row[]> {
  const rendererDir = path.join(root, 'dist/renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) return [{ what: '界面', figure: '未构建（先运行 npm run build）' }];
  if (!existsSync('/usr/bin/chromium')) return [{ what: '界面', figure: '未安装 Chromium，跳过' }];
  const rows: Row[] = [];

  // bundle size, all chunks (lazy ones included)
  const assets = path.join(rendererDir, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
  rows.push({ what: `界面 JavaScript（${js.length} 个文件，gzip 后合计，各页面按需载入）`, figure: `${(gz / 1000).toFixed(0)} KB` });
  // parsing office files is the services' job: none of these libraries may reach the renderer bundle
  // (also checked on the sources by npm run lint:deps); their own identifying strings are looked for
  const officeHits = officeLibsIn(js.map((f) => readFileSync(path.join(assets, f), 'utf8')));
  rows.push({ what: '界面中的 exceljs / mammoth / diff / word-extractor', figure: officeHits.length ? officeHits.join('、') : '无', target: '无', ok: officeHits.length === 0 });

  // Run without a terminal on stdin (a script, `< /dev/null`), the process ended silently, exit 0,
  // at the 10-year 概览 step: nothing it waited on held Node's event loop open. This does, until
  // the browser and the bridge are closed below.
  const alive = setInterval(() => undefined, 1000);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-uibench-'));
  const bridge = await startWebBridge({ dataDir: path.join(tmp, 'data'), port: 0, rendererDir });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    step('准备数据');
    await seed(path.join(tmp, 'data'));
    const start = `${bridge.url}?token=${bridge.token}`;
    if (!typingOnly) {
      step('概览（1 个年度）');
      // 1. time to interactive of 概览: one year, then ten years of 5,000 entries each
      const one = await overviewReady(browser, start, 5, 'overview-1y');
      const firstScreenFiles = one.files;
      rows.push({ what: '概览可交互时间（1 个年度，打开网址到内容就绪，5次中位数）', figure: `${one.ms.toFixed(0)} ms` });
      rows.push(overviewWork('1 个年度', one), ...overviewTrace('1 个年度', one));
      const builtFiles = readdirSync(assets);
      const gzOf = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
      const firstFiles = [...firstScreenFiles].filter((f) => builtFiles.includes(f));
      const firstCss = gzOf(firstFiles.filter((f) => f.endsWith('.css')));
      const firstGz = gzOf(firstFiles);
      // the CSS counts: it is fetched and parsed before the first frame as the JS is (antd's
      // stylesheet is most of it since antd runs in zero-runtime mode)
      rows.push({
        what: `首屏（概览）载入的 JavaScript 和 CSS（${firstFiles.length} 个文件，gzip 后；其中 CSS ${(firstCss / 1000).toFixed(0)} KB）`,
        figure: `${(firstGz / 1000).toFixed(0)} KB`,
        target: '≤ 280 KB',
        ok: firstGz > 0 && firstGz <= 280_000,
      });
    }

    // 5. 概览 with ten years of 5,000 entries each (last: the import below goes into 2023, which
    // must not have a report yet)
    const tenYears = async () => {
      step('准备 10 个年度');
      await seedYears(path.join(tmp, 'data'));
      step('概览（10 个年度）');
      const ten = await overviewReady(browser, start, 5, 'overview-10y');
      rows.push({ what: '概览可交互时间（10 个年度 × 5,000 条台账，5次中位数）', figure: `${ten.ms.toFixed(0)} ms`, target: '≤ 500 ms', ok: ten.ms <= 500 });
      rows.push(overviewWork('10 个年度', ten), ...overviewTrace('10 个年度', ten));
      step('概览（10 个年度，刚启动的服务进程）');
      rows.push(...(await overviewAfterStart(root, path.join(tmp, 'data'), async (address) => (await overviewReady(browser, address, 1)).ms)));
    };
    if (overviewOnly) {
      await tenYears();
      return rows;
    }

    const ctx = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    const page = await ctx.newPage();
    await page.goto(start);
    await page.waitForFunction(() => document.body.innerText.includes('报送期限'));

    step('筛选台账');
    // 2. filtering the 5,000-row ledger, per keystroke in the search box
    await page.getByRole('menuitem', { name: '活动台账' }).click();
    await page.waitForFunction(() => /共\s*5,?000\s*条/.test(document.body.innerText));
    const search = page.getByPlaceholder('搜索标题、备注、村名');
    await armLatency(page, 'input');
    await profiled(page, 'filter', async () => {
      for (const term of ['普法', '禁毒', '第12', '坐诊', '桥头']) {
        await search.fill('');
        await settle(page);
        await search.pressSequentially(term, { delay: 30 });
        await settle(page);
      }
    });
    const filt = (await readLat(page, 'input')).slice(2);
    const fp95 = pct(filt, 95);
    rows.push({ what: `筛选 5,000 条台账（每次按键到重新布局，${filt.length}次）中位数`, figure: `${median(filt).toFixed(1)} ms` });
    rows.push({ what: '筛选 5,000 条台账 p95', figure: `${fp95.toFixed(1)} ms`, target: '≤ 50 ms', ok: fp95 <= 50 });

    step('报告编辑中按键');
    // 3. a keystroke in a 3,000-character part, then in a 10,000-character one
    await page.getByRole('menuitem', { name: '报告编辑' }).click();
    const keys = await profiled(page, 'keys-3000', () => typeInPart(page, '存在的不足和原因'));
    const kp95 = pct(keys, 95);
    rows.push({ what: `3,000 字部分中按键到重新布局（${keys.length}次）中位数`, figure: `${median(keys).toFixed(1)} ms` });
    rows.push({ what: '3,000 字部分中按键 p95', figure: `${kp95.toFixed(1)} ms`, target: '≤ 10 ms', ok: kp95 <= 10 });
    const long = await profiled(page, 'keys-10000', () => typeInPart(page, '主要安排'));
    const lp95 = pct(long, 95);
    rows.push({ what: `10,000 字部分（10 段）中按键到重新布局（${long.length}次）中位数`, figure: `${median(long).toFixed(1)} ms` });
    rows.push({ what: '10,000 字部分中按键 p95', figure: `${lp95.toFixed(1)} ms`, target: '≤ 16 ms', ok: lp95 <= 16 });
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    if (heap) rows.push({ what: '页面 JS 堆（5,000 条台账载入后）', figure: `${(heap / 1048576).toFixed(0)} MB` });
    await ctx.close();
    const bare = await typeInBareEditable(browser);
    rows.push({ what: `对照：空白页上的 3,000 字可编辑段落（无脚本）按键 中位数 / p95`, figure: `${median(bare).toFixed(1)} / ${pct(bare, 95).toFixed(1)} ms` });
    if (typingOnly) return rows;

    step('导入预览');
    // 4. issue 7: choosing last year's report → the import preview
    rows.push(...(await importPreviewBench(browser, start, tmp)));
    await tenYears();
  } finally {
    await browser.close();
    await bridge.close();
    rmSync(tmp, { recursive: true, force: true });
    clearInterval(alive);
  }
  return rows;
}
