/**
 * 校对 figures for `npm run bench`: the live check the editor runs as the clerk types, on a
 * 3,000-character part (≤ 5 ms a keystroke) and on the whole report (≤ 20 ms); the text rules'
 * cost on long runs of digits, spaces and punctuation (linear: per character no dearer than
 * ordinary report text); and 错误 precision and recall over the corpus of test reports
 * (test/fixtures/proofCorpus: every 错误 a marked slip, every marked slip found).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDemo } from '../src-main/demo';
import { computeReadings } from '../src-main/services/indicators/compute';
import { proofreadPart, proofreadReport } from '../src-shared/proofread';
import type { Part } from '../src-shared/domain/report';
import { reportTexts } from '../src-shared/text/walk';
import { median, pct, type Row } from './core';
import { scanFigures } from '../src-shared/text/figures';
import { findHalfWidth } from '../src-shared/text/halfWidth';
import { clauseAround } from '../src-shared/text/clauses';
import { pointMarkers } from '../src-shared/text/headingNumbers';
import { corpusDir, loadCorpus, scoreCorpus } from '../test/fixtures/proofCorpus/corpus';

const ms = (x: number) => `${x.toFixed(2)} ms`;

/** Text of the kind a report holds: points, figures typed and as placeholders, quotes, a slip or two. */
const SENTENCES = [
  '一是完善决策程序，年初编制重大行政决策事项目录，列入事项{{decision-catalog}}，全部履行法定程序。',
  '二是做实合法性审查，全年审查各类事项26件，重大决策、规范性文件和政府合同实现应审尽审。',
  '三是组织机关干部参加考试20人，通过17人，通过率95%，对照《浙江省行政执法监督条例》开展案卷评查。',
  '围绕“八五”普法规划，开展各类普法宣传活动{{pufa-events}}，发放宣传资料2087余份,覆盖群众5000余人。',
  '全年调解矛盾纠纷{{mediation-cases}}，调解成功{{mediation-success}}，成功率{{mediation-success-rate}}，坚持依法依法化解。',
];

function bigPart(chars: number): Part {
  const paragraphs: string[] = [];
  let n = 0;
  let p = '';
  for (let i = 0; n < chars; i++) {
    const s = SENTENCES[i % SENTENCES.length]!;
    p += s;
    n += s.length;
    if (p.length > 400) {
      paragraphs.push(p);
      p = '';
    }
  }
  if (p) paragraphs.push(p);
  return { id: 'bench-part', heading: '扎实开展普法宣传', runIn: true, paragraphs, status: '草稿', children: [], contentItem: 'measures' };
}

export function proofreadBench(): Row[] {
  const demo = buildDemo();
  const readings = computeReadings(demo.unitFile.unit, demo.year);
  const unit = demo.unitFile.unit;
  const part = bigPart(3000);
  const partChars = part.paragraphs.join('').length;
  const report = structuredClone(demo.year.report);
  report.parts[0]!.children.push(part);
  const reportChars = [...reportTexts(report)].reduce((n, t) => n + t.text.length, report.title.length);

  // a keystroke: one character more at the end of the last paragraph, then the check
  const typed = (k: number): Part => {
    const ps = [...part.paragraphs];
    ps[ps.length - 1] = `${ps[ps.length - 1]}${'法治'.slice(0, (k % 2) + 1)}`;
    return { ...part, paragraphs: ps };
  };
  for (let i = 0; i < 30; i++) proofreadPart(typed(i), { year: 2024, readings });
  const partTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const p = typed(i);
    const t0 = performance.now();
    proofreadPart(p, { year: 2024, readings });
    partTimes.push(performance.now() - t0);
  }
  const fullTimes: number[] = [];
  let found = 0;
  for (let i = 0; i < 20; i++) proofreadReport({ report, year: 2024, readings, unit });
  for (let i = 0; i < 100; i++) {
    const r = { ...report, parts: report.parts.map((p, j) => (j === 0 ? { ...p, children: [...p.children.slice(0, -1), typed(i)] } : p)) };
    const t0 = performance.now();
    found = proofreadReport({ report: r, year: 2024, readings, unit }).length;
    fullTimes.push(performance.now() - t0);
  }
  const pm = median(partTimes);
  const fm = median(fullTimes);
  return [
    { what: `校对：一个部分（${partChars}字）每次按键的检查，200次中位数（95%分位 ${ms(pct(partTimes, 95))}）`, figure: ms(pm), target: '≤ 5 ms', ok: pm <= 5 },
    { what: `校对：全文（约${reportChars}字，${found}项结果）每次按键的检查，100次中位数（95%分位 ${ms(pct(fullTimes, 95))}）`, figure: ms(fm), target: '≤ 20 ms', ok: fm <= 20 },
  ];
}

/** One pass of the text rules that read a whole paragraph (figures, half-width marks, points, clauses). */
function scanOnce(text: string): number {
  return scanFigures(text).length + findHalfWidth(text).length + pointMarkers(text).length + clauseAround(text, text.length >> 1).length;
}

/** µs per 1,000 characters, the best of a few runs (the machine is shared; the best is the cost). */
function costPerK(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    scanOnce(text);
    best = Math.min(best, performance.now() - t0);
  }
  return (best * 1000) / (text.length / 1000);
}

/** Long runs of digits, spaces and punctuation against ordinary report text of the same length. */
export function textScanBench(): Row[] {
  const N = 200_000;
  const ordinary = SENTENCES.join('').replace(/\{\{[^}]*\}\}/g, '20次').repeat(Math.ceil(N / 300)).slice(0, N);
  const runs: Array<[string, string]> = [
    ['数字', '1'.repeat(N)],
    ['数字与空格', '1 '.repeat(N / 2)],
    ['数字与半角逗号', '1,'.repeat(N / 2)],
    ['全角标点', '；'.repeat(N)],
    ['括号与数字', '(1'.repeat(N / 2)],
  ];
  const base = costPerK(ordinary);
  const rows: Row[] = [{ what: `文本规则：普通报告文字（${N}字）每千字耗时`, figure: `${base.toFixed(1)} µs` }];
  for (const [name, text] of runs) {
    const c = costPerK(text);
    // linear: a long run costs per character about what ordinary text does (a backtracking
    // pattern costs per character in proportion to the run's length: thousands of times more)
    rows.push({ what: `文本规则：连续${name}（${text.length}字）每千字耗时，与普通文字之比`, figure: `${c.toFixed(1)} µs（${(c / base).toFixed(1)}×）`, target: '≤ 10×', ok: c <= base * 10 });
  }
  return rows;
}

/** 错误 precision and recall over the corpus of test reports, each imported into a fresh folder. */
export async function corpusBench(root: string): Promise<Row[]> {
  // the files are read in the box process, whose script the built app holds
  process.env.FAZHI_PARSE_BOX ??= path.join(root, 'dist/main/parse-box.cjs');
  const corpus = loadCorpus(corpusDir(root));
  const t0 = performance.now();
  const s = await scoreCorpus(corpus);
  const secs = (performance.now() - t0) / 1000;
  const pctOf = (x: number) => `${(x * 100).toFixed(1)}%`;
  const alarms = s.reports.flatMap((r) => r.falseAlarms.map((f) => `${r.file}：${f.message}`));
  const missed = s.reports.flatMap((r) => r.missed.map((m) => `${r.file}：${m.code}`));
  return [
    {
      what: `校对：测试报告语料${corpus.length}篇，错误${s.errors}项中确为标出的错漏${s.real}项（精确率）${alarms.length ? `；误报：${alarms.join('；')}` : ''}`,
      figure: pctOf(s.precision),
      target: '100%',
      ok: s.precision === 1,
    },
    {
      what: `校对：标出的错漏${s.marked}处中找到${s.found}处（召回率，导入加校对共${secs.toFixed(1)} s）${missed.length ? `；漏报：${missed.join('；')}` : ''}`,
      figure: pctOf(s.recall),
      target: '100%',
      ok: s.recall === 1,
    },
  ];
}
