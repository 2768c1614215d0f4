/**
 * The proofreader against the year's data, through the services as the clerk meets it: last year's
 * typed figures carried into the next year (新建下一年度 → 沿用上年正文) are flagged to update, and a
 * coverage figure the ledger contradicts is found — with advice that agrees with the ledger.
 */
import { describe, expect, it } from 'vitest';
import { servicesPerTest } from '../support/services';
import type { Finding } from '../../src-shared/proofread/finding';
import { applyFixToReport } from '../../src-shared/proofread';
import { typedOut } from './fixtures';

const svc = servicesPerTest({ demo: true, now: () => new Date('2026-01-10T09:00:00'), prefix: 'fz-yeardata-' });
const call = svc.call;

const byCode = (fs: Finding[], code: Finding['code']) => fs.filter((f) => f.code === code);

/** The 2024 demo report with every figure typed, as an imported report of last year holds them. */
async function typeOutFigures() {
  const report = await call('report.get', { year: 2024 });
  report.parts = typedOut(report.parts);
  await call('report.save', { year: 2024, report });
}

const ledger = (date: string, category: 'pufa' | 'fanzha', participants?: number) => ({
  date,
  category,
  title: category === 'pufa' ? '普法宣传进村' : '反诈宣传进企业',
  ...(participants ? { participants } : {}),
});

describe('last year’s figures carried into the next year', () => {
  it('are a reminder while the year has no data, an error with the new figure once it has, and the fix takes the placeholder', async () => {
    await typeOutFigures();
    await call('years.createNext', { after: 2024, start: 'draft' });
    const first = await call('proofread.run', { year: 2025 });
    const carried = byCode(first, 'carried-over');
    // 全年开展各类普法宣传活动18次 is 2024's figure; 2025 has nothing recorded yet
    const pufa = carried.find((f) => f.excerpt === '18次');
    expect(pufa).toMatchObject({ severity: '提醒', where: '扎实开展普法宣传' });
    expect(pufa!.message).toBe('“18次”与2024年指标“各类普法宣传活动”的数字（18次）相同，像是沿用上年的正文；本年度数据录入后请更新');
    expect(carried.length).toBeGreaterThan(5);
    expect(carried.every((f) => f.severity === '提醒')).toBe(true);
    // nothing in a year without data is a text-vs-data error
    expect(byCode(first, 'text-vs-data').filter((f) => f.severity === '错误')).toEqual([]);
    // the overview lists them too
    const overview = await call('overview.get', { year: 2025 });
    expect(overview.warnings.some((w) => w.code === 'carried-over' && w.excerpt === '18次')).toBe(true);

    // the year's ledger has three 普法 entries now: 18次 is last year's figure, not this year's
    for (const d of ['2025-03-01', '2025-04-01', '2025-05-01']) await call('ledger.add', { year: 2025, entry: ledger(d, 'pufa') });
    const second = await call('proofread.run', { year: 2025 });
    const now = byCode(second, 'carried-over').find((f) => f.excerpt === '18次')!;
    expect(now).toMatchObject({ severity: '错误', fix: { label: '改用占位符', replacement: '{{pufa-events}}' } });
    expect(now.message).toBe('“18次”是2024年指标“各类普法宣传活动”的数字（18次），本年度是3次；请更新');
    // said once, not also as text-vs-data
    expect(second.filter((f) => f.partId === now.partId && f.paragraph === now.paragraph && f.offset === now.offset)).toHaveLength(1);

    const report = await call('report.get', { year: 2025 });
    await call('report.save', { year: 2025, report: applyFixToReport(report, now) });
    const third = await call('proofread.run', { year: 2025 });
    expect(third.some((f) => f.excerpt === '18次')).toBe(false);
    const json = JSON.stringify((await call('report.get', { year: 2025 })).parts);
    expect(json).toContain('全年开展各类普法宣传活动{{pufa-events}}');
  });

  it('a figure this year confirms is not flagged, whatever last year said', async () => {
    await typeOutFigures();
    await call('years.createNext', { after: 2024, start: 'draft' });
    const report = await call('report.get', { year: 2025 });
    report.parts[1]!.paragraphs = ['全年开展各类普法宣传活动2次。'];
    await call('report.save', { year: 2025, report });
    for (const d of ['2025-03-01', '2025-04-01']) await call('ledger.add', { year: 2025, entry: ledger(d, 'pufa') });
    const fs = (await call('proofread.run', { year: 2025 })).filter((f) => f.partId === report.parts[1]!.id);
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['text-vs-data', '提醒']]);
  });
});

describe('coverage figures against the ledger', () => {
  async function year2025WithLedger() {
    await call('years.createNext', { after: 2024, start: 'headings' });
    // 反诈宣传: two events, 400 and 500 people — the ledger says 900
    await call('ledger.add', { year: 2025, entry: ledger('2025-03-01', 'fanzha', 400) });
    await call('ledger.add', { year: 2025, entry: ledger('2025-06-01', 'fanzha', 500) });
  }
  async function check(sentence: string) {
    const report = await call('report.get', { year: 2025 });
    report.parts[1]!.paragraphs = [sentence];
    await call('report.save', { year: 2025, report });
    return (await call('proofread.run', { year: 2025 })).filter((f) => f.partId === report.parts[1]!.id);
  }

  it('“覆盖群众800人” against a ledger of 900 is an error; the advice is the ledger’s figure, never 800余', async () => {
    await year2025WithLedger();
    for (const s of ['走进企业开展反诈宣传活动2场，覆盖群众800人。', '开展反诈宣传，覆盖群众800余人。']) {
      const fs = await check(s);
      const wrong = fs.filter((f) => f.severity === '错误');
      expect(wrong, s).toMatchObject([{ code: 'text-vs-data', fix: { replacement: '{{fanzha-audience}}' } }]);
      expect(wrong[0]!.message, s).toContain('是900人');
      // no advice (a message's 应写作 or a fix) proposes 800余 for a ledger of 900
      expect(fs.filter((f) => /(写作|改为)“800余/.test(`${f.message}${f.fix?.label ?? ''}`) || f.fix?.replacement.includes('800余')), s).toEqual([]);
    }
    // what the ledger bears out is no error: the exact figure, a wording it supports
    for (const s of ['开展反诈宣传活动2场，覆盖群众900人。', '开展反诈宣传，覆盖群众近千人。'])
      expect((await check(s)).filter((f) => f.severity === '错误'), s).toEqual([]);
  });

  it('a round figure just under the ledger gets the 余 advice (900人 for 950)', async () => {
    await year2025WithLedger();
    await call('ledger.add', { year: 2025, entry: ledger('2025-09-01', 'fanzha', 50) });
    // 950 now: 900人 is short of it and 900余人 is the right wording
    const fs = await check('开展反诈宣传，覆盖群众900人。');
    expect(fs).toMatchObject([{ code: 'approx-exact', severity: '提醒', fix: { replacement: '900余人' } }]);
  });

  it('one word naming two indicators by their cues is not judged (禁毒和反诈宣传，覆盖群众…)', async () => {
    await year2025WithLedger();
    expect(await check('开展禁毒和反诈宣传，覆盖群众300人。')).toEqual([]);
  });
});
