/**
 * Start-up figures for `npm run bench` (alone: `npm run bench -- --start`): the whole `fazhi export`
 * process as a user starts it (bin/fazhi.cjs, compile cache on, src-main/boot/compileCache.ts) beside
 * pandoc on the same text and bare Node, and what the Electron main process loads at start vs. on
 * first use (scripts/mainBundles.mjs).
 *
 * The machine may be shared with other work: the runs are interleaved round by round, and each ratio
 * is the median of the ratios within a round (pandoc run in the same round is the reference), which
 * load shifts far less than the absolute times; the order within a round rotates.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDemo } from '../src-main/demo';
import { computeReadings } from '../src-main/services/indicators/compute';
import { renderReport } from '../src-shared/report/printedReport';
import { median, type Row } from './core';

const ROUNDS = 15;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const times = (r: number[]) => `${median(r).toFixed(2)} 倍`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** user+system CPU ms of this process's finished children, from /proc (Linux); null elsewhere */
function childCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 16 and 17 of stat(5) (cutime, cstime) are at 13 and 14 after the command name
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return null;
  }
}

export async function startBench(root: string): Promise<Row[]> {
  const rows: Row[] = [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-start-'));
  try {
    const bin = path.join(root, 'bin/fazhi.cjs');
    const data = path.join(tmp, 'demo');
    const out = path.join(tmp, 'r.docx');
    const cache = path.join(tmp, 'compile-cache');
    // CPU time of the finished children (Linux /proc, 10 ms ticks): summed over the rounds it is a
    // figure the other work on a shared machine hardly moves, unlike the wall time
    const cpu: Record<string, number> = {};
    let lastCpu = childCpu();
    const run = (cmd: string, args: string[], env: Record<string, string> = {}, name?: string) => {
      const t = performance.now();
      execFileSync(cmd, args, { env: { ...process.env, ...env } });
      const wall = performance.now() - t;
      const now = childCpu();
      if (name && now !== null && lastCpu !== null) cpu[name] = (cpu[name] ?? 0) + (now - lastCpu);
      lastCpu = now;
      return wall;
    };
    const exportArgs = [bin, 'export', '--data', data, '--year', '2024', '--out', out];
    run(process.execPath, [bin, 'demo', '--data', data], { FAZHI_COMPILE_CACHE: '0' });
    run(process.execPath, exportArgs, { FAZHI_COMPILE_CACHE: cache }); // the first run writes the cache
    run(process.execPath, [bin, '--version'], { FAZHI_COMPILE_CACHE: cache });

    // pandoc gets the same report text, with our own export as its reference document (the styles)
    const demo = buildDemo();
    const readings = computeReadings(demo.unitFile.unit, demo.year);
    const rendered = renderReport({ report: demo.year.report, readings, unitSignatureName: '横街镇人民政府', unitRecipient: '', today: '2025-01-20' }).rendered;
    const md = [`% ${demo.year.report.title}`, ''];
    for (const b of rendered.blocks) {
      md.push(`${'#'.repeat(b.level)} ${b.number}${b.heading}`, '');
      for (const p of b.paragraphs) md.push(p, '');
    }
    const mdFile = path.join(tmp, 'report.md');
    writeFileSync(mdFile, md.join('\n'));
    const pandoc = spawnSync('pandoc', ['--version']).status === 0;

    // NODE_EXTRA_CA_CERTS (set on some build machines, never on a clerk's PC) makes Node 20 read and
    // parse every certificate of the file at start-up, in `node -e 0` too: there the bare start costs
    // several times what it costs elsewhere, which flatters the ratio. With it set, the same pair runs
    // once more without it, for the figure a clerk's machine sees.
    const extraCa = !!process.env.NODE_EXTRA_CA_CERTS;
    const noCa = { NODE_EXTRA_CA_CERTS: '' };
    const t = { cached: [] as number[], cold: [] as number[], version: [] as number[], bare: [] as number[], pandoc: [] as number[], cachedNoCa: [] as number[], bareNoCa: [] as number[] };
    const ratio = { cached: [] as number[], cold: [] as number[], bare: [] as number[], overBare: [] as number[], overBareNoCa: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      // each round in another order: whatever runs next to a burst of load does not stay the same one
      const jobs: [keyof typeof t, () => number][] = [
        ['pandoc', () => (pandoc ? run('pandoc', [mdFile, '-o', path.join(tmp, 'pandoc.docx'), '--reference-doc', out], {}, 'pandoc') : NaN)],
        ['cached', () => run(process.execPath, exportArgs, { FAZHI_COMPILE_CACHE: cache }, 'cached')],
        ['cold', () => run(process.execPath, exportArgs, { FAZHI_COMPILE_CACHE: '0' }, 'cold')],
        ['version', () => run(process.execPath, [bin, '--version'], { FAZHI_COMPILE_CACHE: cache }, 'version')],
        ['bare', () => run(process.execPath, ['-e', '0'], {}, 'bare')],
        ...(extraCa
          ? ([
              ['cachedNoCa', () => run(process.execPath, exportArgs, { FAZHI_COMPILE_CACHE: cache, ...noCa }, 'cachedNoCa')],
              ['bareNoCa', () => run(process.execPath, ['-e', '0'], noCa, 'bareNoCa')],
            ] as [keyof typeof t, () => number][])
          : []),
      ];
      const round = {} as Record<keyof typeof t, number>;
      for (let j = 0; j < jobs.length; j++) {
        const [name, job] = jobs[(i + j) % jobs.length]!;
        round[name] = job();
        t[name].push(round[name]);
      }
      ratio.cached.push(round.cached / round.pandoc);
      ratio.cold.push(round.cold / round.pandoc);
      ratio.bare.push(round.bare / round.pandoc);
      ratio.overBare.push(round.cached / round.bare);
      if (extraCa) ratio.overBareNoCa.push(round.cachedNoCa / round.bareNoCa);
    }
    rows.push({ what: `导出（整个 fazhi 命令行进程，编译缓存已建立，${ROUNDS}轮中位数）`, figure: ms(median(t.cached)) });
    rows.push({ what: '导出（整个进程，不用编译缓存：FAZHI_COMPILE_CACHE=0）', figure: ms(median(t.cold)) });
    // where the whole-process time goes: Node itself, then loading the CLI (fazhi --version loads
    // cli.cjs and exits; the .docx writer is a chunk that only export loads)
    rows.push({ what: '其中：启动 Node（node -e 0）', figure: ms(median(t.bare)) });
    rows.push({ what: '其中：载入命令行程序（fazhi --version，含启动 Node，有缓存）', figure: ms(median(t.version)) });
    rows.push({ what: '导出 ÷ 启动 Node（整个 fazhi export 进程 ÷ node -e 0，同一轮内比值的中位数）', figure: times(ratio.overBare), target: '≤ 2 倍', ok: median(ratio.overBare) <= 2 });
    if (extraCa) {
      rows.push({ what: '  本机设有 NODE_EXTRA_CA_CERTS（启动时读入全部证书，node -e 0 随之变慢）；不设时：node -e 0', figure: ms(median(t.bareNoCa)) });
      rows.push({ what: '  不设 NODE_EXTRA_CA_CERTS 时：导出 ÷ 启动 Node（文书的电脑上的情形）', figure: times(ratio.overBareNoCa) });
    }
    if (pandoc) {
      rows.push({ what: `pandoc 同一报告文本 → .docx（参考文档=本软件导出件，${ROUNDS}轮中位数）`, figure: ms(median(t.pandoc)) });
      const m = median(ratio.cached);
      rows.push({ what: '命令行导出 ÷ pandoc（整个进程，同一轮内比值的中位数）', figure: times(ratio.cached), target: '≤ 2 倍', ok: m <= 2 });
      rows.push({ what: '命令行导出 ÷ pandoc（不用编译缓存）', figure: times(ratio.cold) });
      rows.push({ what: '启动 Node ÷ pandoc（node -e 0：任何 Node 命令行的下限）', figure: times(ratio.bare) });
    } else rows.push({ what: 'pandoc', figure: '未安装，跳过' });
    if (cpu.cached !== undefined) {
      const per = (k: string) => (cpu[k] ?? NaN) / ROUNDS;
      rows.push({
        what: `CPU 时间（每次平均）：导出有缓存 / 无缓存 / --version / node -e 0${pandoc ? ' / pandoc' : ''}`,
        figure: ['cached', 'cold', 'version', 'bare', ...(pandoc ? ['pandoc'] : [])].map((k) => per(k).toFixed(0)).join(' / ') + ' ms',
      });
      if (extraCa) rows.push({ what: 'CPU 时间（每次平均，不设 NODE_EXTRA_CA_CERTS）：导出有缓存 / node -e 0', figure: `${per('cachedNoCa').toFixed(0)} / ${per('bareNoCa').toFixed(0)} ms` });
      if (pandoc) rows.push({ what: '命令行导出 ÷ pandoc（CPU 时间，有缓存）', figure: `${(per('cached') / per('pandoc')).toFixed(2)} 倍` });
    }

    // the bundles: what a start reads and compiles, and what waits for first use
    const main = path.join(root, 'dist/main');
    const size = (files: string[]) => files.reduce((n, f) => n + statSync(path.join(main, f)).size, 0);
    const lazy = (bundle: string) => readdirSync(path.join(main, 'lazy', bundle)).map((f) => path.join('lazy', bundle, f));
    rows.push({ what: '桌面版主进程启动时载入（electron-main.cjs + electron-app.cjs）', figure: kb(size(['electron-main.cjs', 'electron-app.cjs'])) });
    rows.push({ what: '桌面版主进程首次使用时载入（导出、备份、导入、Excel：lazy/electron-app）', figure: kb(size(lazy('electron-app'))) });
    rows.push({ what: '命令行 export 载入（fazhi.cjs + cli.cjs + .docx 生成）', figure: kb(size(['fazhi.cjs', 'cli.cjs', ...lazy('cli').filter((f) => /buildDocx/.test(f))])) });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
