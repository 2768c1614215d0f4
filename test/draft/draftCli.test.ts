/**
 * Issue 21 §3 through the built CLI, as a clerk's script would run it: the demo year, and a year
 * whose ledger and cases came from Excel sheets (`fazhi ledger import`, `fazhi mediation import`).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDraft } from '../../src-shared/draft/types';
import { findPlaceholders } from '../../src-shared/report/placeholders';
import { fazhi, requireBuiltCli } from '../support/fazhi';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import { paragraphsOf, unzipDocx } from '../export/docxParts';
import { yearLedgerSheet, yearMediationSheet } from './sheets';

let dir: string;
let cleanup: () => Promise<void>;
let data: string;

interface IndicatorJson {
  id: string;
  value: number | null;
  wording: string;
  measure: string;
}

async function ok(...args: string[]): Promise<string> {
  const r = await fazhi(...args);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}
const draftOf = async (year: number): Promise<ReportDraft> => JSON.parse(await ok('draft', '--data', data, '--year', String(year), '--json'));
const indicatorsOf = async (year: number): Promise<Map<string, IndicatorJson>> =>
  new Map((JSON.parse(await ok('indicators', '--data', data, '--year', String(year), '--json')) as IndicatorJson[]).map((r) => [r.id, r]));

/** Every stored paragraph of the draft (body and sub-parts; last year's sentences are offered apart). */
function texts(d: ReportDraft): string[] {
  return d.parts.flatMap((p) => [...p.paragraphs, ...p.sections.flatMap((s) => s.paragraphs)].map((t) => t.text));
}

/**
 * The numbers left once placeholders, 【…】 notes, months and years, and activity titles in “…” are
 * taken out: each must be a count the draft says the data gave.
 */
function loneNumbers(text: string): string[] {
  const rest = text
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/【[^】]*】/g, '')
    .replace(/“[^”]*”/g, '')
    .replace(/(?<!\d)\d{1,2}月/g, '')
    .replace(/(?<!\d)20\d{2}年/g, '');
  return rest.match(/\d+(?:\.\d+)?个?/g) ?? [];
}

async function checkDraftAgainstData(year: number): Promise<ReportDraft> {
  const d = await draftOf(year);
  const ind = await indicatorsOf(year);
  // every ledger category with entries is spoken of somewhere
  const ledger = JSON.parse(await ok('ledger', 'list', '--data', data, '--year', String(year), '--json')) as Array<{ category: string; villageId?: string }>;
  const withEntries = new Set(ledger.map((e) => e.category));
  expect(new Set(d.coverage.map((c) => c.category))).toEqual(withEntries);
  for (const c of d.coverage) expect(c.where, `${c.name} 未写入初稿`).not.toBeNull();
  // every number is a placeholder whose figure is the one `fazhi indicators` prints, or a count the data gives
  const used = new Map(d.placeholders.map((p) => [p.id, p]));
  for (const t of texts(d)) {
    for (const p of findPlaceholders(t)) {
      const row = ind.get(p.id)!;
      expect(row, p.id).toBeDefined();
      expect(row.value, p.id).not.toBeNull();
      expect(used.get(p.id)?.value).toBe(row.value);
      if (p.rounded) expect(row.wording).not.toBe('');
    }
    for (const n of loneNumbers(t)) expect(d.counts.map((c) => c.text), `“${n}” in ${t}`).toContain(n);
  }
  for (const c of d.counts) {
    const villages = new Set(ledger.filter((e) => c.categories.includes(e.category) && e.villageId).map((e) => e.villageId));
    expect(c.value, c.what).toBe(villages.size);
  }
  // the printed draft shows each placeholder's figure as `fazhi indicators` does
  const printed = await ok('draft', '--data', data, '--year', String(year));
  for (const p of d.placeholders) expect(printed).toContain(`${p.id}\t${p.name}\t${p.printed}`);
  return d;
}

const YOY = /(较上年|比上年)(明显|有所)?(增加|增多|提高|提升|减少|下降|降低)|与上年持平/g;

/** Each 同比 phrase with the indicator it follows: the nearest placeholder before it in the text. */
function yoyClaims(d: ReportDraft): Array<{ id: string; phrase: string }> {
  const out: Array<{ id: string; phrase: string }> = [];
  for (const t of texts(d))
    for (const m of t.matchAll(YOY)) {
      const before = findPlaceholders(t.slice(0, m.index)).at(-1);
      expect(before, `同比没有指标：${t}`).toBeDefined();
      out.push({ id: before!.id, phrase: m[0] });
    }
  return out;
}

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-draft-cli-'));
  data = path.join(dir, 'data');
  await ok('demo', '--data', data);
  // the next year: the outline carried, the text left to write (what 新建年度 gives)
  const { call } = await servicesClient(data);
  await call('years.create', { year: 2025, fromYear: 2024 });
  // one typed figure equal to last year's, one typed only this year: 持平, and no 同比 without last year
  await call('indicators.set', { year: 2025, id: 'decision-catalog', value: 8, wording: '' });
  await call('indicators.set', { year: 2025, id: 'normative-docs-reviewed', value: 5, wording: '' });
  const sheet = await yearLedgerSheet(2025);
  await writeFile(path.join(dir, '2025台账.xlsx'), sheet.bytes);
  await writeFile(path.join(dir, '2025调解.xlsx'), await yearMediationSheet(2025));
  await ok('ledger', 'import', path.join(dir, '2025台账.xlsx'), '--data', data, '--year', '2025');
  await ok('mediation', 'import', path.join(dir, '2025调解.xlsx'), '--data', data, '--year', '2025');
}, 120_000);
afterAll(() => cleanup());

describe('fazhi draft', () => {
  it('demo year: every category covered, every number a placeholder with the figure fazhi indicators prints, no 同比 without last year', async () => {
    const d = await checkDraftAgainstData(2024);
    expect(d.lastYear).toBeNull();
    expect(yoyClaims(d)).toEqual([]);
    const all = texts(d).join('');
    // notable activities by name and month, mediation with its rate, all villages by the village total
    expect(all).toMatch(/12月，[^。]*“国家宪法日/);
    expect(all).toContain('{{mediation-success-rate}}');
    expect(all).toContain('{{clinic-villages}}村（社区）');
    // no praise the data cannot carry
    expect(all).not.toMatch(/显著|大幅|明显/);
  });

  it('--apply writes into empty parts only and leaves the demo report as it was', async () => {
    const before = await ok('report', 'show', '--data', data, '--year', '2024', '--json');
    const out = await ok('draft', '--data', data, '--year', '2024', '--apply');
    expect(out).toContain('已有正文，未改动：主要举措和成效');
    expect(await ok('report', 'show', '--data', data, '--year', '2024', '--json')).toBe(before);
  });

  it('demo year started blank: --apply writes every part and fazhi check finds no 错误', async () => {
    const { call } = await servicesClient(data);
    const report = await call('report.get', { year: 2024 });
    const kept = structuredClone(report);
    const blank = (p: (typeof report.parts)[number]): typeof p => ({ ...p, paragraphs: [], children: p.children.map(blank) });
    await call('report.save', { year: 2024, report: { ...report, parts: report.parts.map(blank) } });
    expect(await ok('draft', '--data', data, '--year', '2024', '--apply')).toContain('已写入：主要举措和成效、存在的不足和原因、党政主要负责人履行推进法治建设第一责任人职责情况、下一年度主要安排');
    const check = await fazhi('check', '--data', data, '--year', '2024');
    expect(check.stdout).not.toContain('[错误]');
    expect(check.code, check.stdout).toBe(0);
    await call('report.save', { year: 2024, report: kept });
  });

  it('Excel year: covered, bound to the data, 同比 only where both years have the figure and in its direction', async () => {
    const d = await checkDraftAgainstData(2025);
    expect(d.lastYear).toBe(2024);
    const now = await indicatorsOf(2025);
    const last = await indicatorsOf(2024);
    const claims = yoyClaims(d);
    expect(claims.length).toBeGreaterThan(3);
    for (const { id, phrase } of claims) {
      const a = now.get(id)!.value!;
      const b = last.get(id)!.value;
      expect(b, `${id}: 上年没有数值却写了“${phrase}”`).not.toBeNull();
      if (/增加|增多|提高|提升/.test(phrase)) expect(a, `${id} ${phrase}`).toBeGreaterThan(b!);
      else if (/减少|下降|降低/.test(phrase)) expect(a, `${id} ${phrase}`).toBeLessThan(b!);
      else expect(a, `${id} ${phrase}`).toBe(b);
      if (/明显/.test(phrase)) expect(a).toBeGreaterThanOrEqual(b! * 1.3);
    }
    expect(claims).toContainEqual({ id: 'decision-catalog', phrase: '与上年持平' });
    // typed only this year: said, never compared
    expect(texts(d).join('')).toContain('{{normative-docs-reviewed}}');
    expect(claims.map((c) => c.id)).not.toContain('normative-docs-reviewed');
    // the fall shows in 不足, with the reason left to the clerk
    const shortcomings = d.parts.find((p) => p.key === 'shortcomings')!.paragraphs.map((p) => p.text).join('');
    expect(shortcomings).toMatch(/比上年有所减少，[^。]*【请补充原因】/);
    expect(shortcomings).toContain('尚未覆盖');
    // leaders' meetings and 述法 from the ledger
    const leaders = d.parts.find((p) => p.key === 'firstResponsible')!;
    expect(leaders.sections.map((s) => s.paragraphs[0]!.text).join('')).toContain('“党委会专题研究法治政府建设工作”');
    // last year's sentences offered with this year's placeholders, figures without an indicator marked
    const carried = d.parts.find((p) => p.key === 'measures')!.carried;
    expect(carried.some((c) => c.text.includes('{{legality-review}}'))).toBe(true);
    expect(carried.some((c) => c.unmatched.length > 0 && c.text.includes('【核对：'))).toBe(true);
  });

  it('--apply fills the empty year; fazhi check finds no 错误; a later ledger entry changes the exported figure', async () => {
    const out = await ok('draft', '--data', data, '--year', '2025', '--apply');
    expect(out).toContain('已写入：主要举措和成效、存在的不足和原因');
    const check = await fazhi('check', '--data', data, '--year', '2025');
    expect(check.stdout).not.toContain('[错误]');
    expect(check.code, check.stdout).toBe(0);
    // applied again: nothing is overwritten
    expect(await ok('draft', '--data', data, '--year', '2025', '--apply')).toContain('已有正文，未改动');

    const exportText = async (name: string) => {
      const file = path.join(dir, name);
      await ok('export', '--data', data, '--year', '2025', '--out', file);
      return paragraphsOf(unzipDocx(new Uint8Array(await readFile(file)))['word/document.xml']!).map((p) => p.text).join('\n');
    };
    const before = await exportText('before.docx');
    expect(before).toContain('各类普法宣传活动14次');
    await ok('ledger', 'add', '--data', data, '--year', '2025', '--date', '2025-11-20', '--category', '普法宣传', '--title', '冬季消防安全普法', '--village', '桥头村', '--participants', '80');
    const after = await exportText('after.docx');
    expect(after).toContain('各类普法宣传活动15次');
    expect(after).not.toContain('各类普法宣传活动14次');
  });

  it('refuses a part it does not know, in Chinese, changing nothing', async () => {
    const r = await fazhi('draft', '--data', data, '--year', '2025', '--part', 'summary');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--part 只能是');
  });
});
