// @vitest-environment jsdom
/**
 * Narrowing the ledger view: by category, village, month and words; sorting with empty values
 * last. The pure functions first, then the screen with 5,000 real rows from the services.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { LedgerEntry } from '../../src-shared/domain/ledger';
import type { Unit } from '../../src-shared/domain/unit';
import fc from 'fast-check';
import { EMPTY_FILTER, NO_VILLAGE, filterRows, narrows, sortRows, type RowAccess, type RowFilter } from '../../src-renderer/screens/ledger/filter';
import { LedgerScreen } from '../../src-renderer/screens/ledger/LedgerScreen';
import { TEST_UNIT, renderScreen, startBackend, type Backend } from './support';

const row = (id: string, date: string, category: string, title: string, villageId?: string, participants?: number): LedgerEntry => ({
  id,
  date,
  category,
  title,
  villageId,
  participants,
  createdAt: '2024-01-01T00:00:00Z',
});
const rows = [
  row('a', '2024-03-15', 'pufa', '民法典进村居', 'v-east', 120),
  row('b', '2024-03-20', 'jindu', '禁毒宣传进校园', 'v-west', 300),
  row('c', '2024-06-26', 'jindu', '国际禁毒日集中宣传', undefined, undefined),
  row('d', '2024-12-04', 'xianfa', '宪法日宣誓', 'v-east', 50),
];
const access: RowAccess<LedgerEntry> = { category: (r) => r.category, text: (r) => `${r.title} ${r.note ?? ''}` };
const ids = (xs: LedgerEntry[]) => xs.map((x) => x.id);

describe('filterRows / sortRows', () => {
  it('combines category, village, month and search words', () => {
    expect(ids(filterRows(rows, EMPTY_FILTER, access))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, categories: ['jindu'] }, access))).toEqual(['b', 'c']);
    // several categories: a row in any of them (an indicator that counts 禁毒宣传 and 禁毒普法授课)
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, categories: ['jindu', 'xianfa'] }, access))).toEqual(['b', 'c', 'd']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, villageId: 'v-east' }, access))).toEqual(['a', 'd']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, villageId: NO_VILLAGE }, access))).toEqual(['c']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, month: 3 }, access))).toEqual(['a', 'b']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, categories: ['jindu'], month: 3 }, access))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, search: '禁毒 校园' }, access))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...EMPTY_FILTER, search: '  ' }, access))).toEqual(['a', 'b', 'c', 'd']);
    expect(filterRows(rows, { ...EMPTY_FILTER, search: '没有的词' }, access)).toEqual([]);
  });

  it('filtering the rows a narrower filter keeps gives what filtering all of them gives', () => {
    // the screen re-filters the rows shown before when the clerk types on (narrows)
    const filterArb = fc.record<RowFilter>({
      categories: fc.subarray(['pufa', 'jindu', 'xianfa']),
      outcome: fc.constant(null),
      villageId: fc.constantFrom(null, 'v-east', NO_VILLAGE),
      month: fc.constantFrom(null, 3, 6),
      search: fc.array(fc.constantFrom('禁', '毒', '禁毒', '宣传', '进', ' ', '民法典', 'x'), { maxLength: 4 }).map((w) => w.join('')),
    });
    fc.assert(
      fc.property(filterArb, filterArb, (a, b) => {
        if (!narrows(a, b)) return;
        expect(ids(filterRows(filterRows(rows, a, access), b, access))).toEqual(ids(filterRows(rows, b, access)));
      }),
    );
    expect(narrows({ ...EMPTY_FILTER, search: '禁' }, { ...EMPTY_FILTER, search: '禁毒' })).toBe(true);
    expect(narrows({ ...EMPTY_FILTER, search: '禁毒' }, { ...EMPTY_FILTER, search: '禁' })).toBe(false);
    expect(narrows({ ...EMPTY_FILTER, search: '禁毒' }, { ...EMPTY_FILTER, search: '禁毒', month: 3 })).toBe(false);
  });

  it('sorts stably, empty values last in either direction', () => {
    const v = (r: LedgerEntry, k: string) => (k === 'participants' ? r.participants : k === 'title' ? r.title : r.date);
    expect(ids(sortRows(rows, { key: 'participants', order: 'descend' }, v))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(sortRows(rows, { key: 'participants', order: 'ascend' }, v))).toEqual(['d', 'a', 'b', 'c']);
    expect(ids(sortRows(rows, { key: 'date', order: 'descend' }, v))).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(sortRows(rows, null, v))).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('ledger screen with 5,000 rows', () => {
  let be: Backend;
  let unit: Unit;
  beforeAll(async () => {
    be = await startBackend('fz-ledger-filter-');
    unit = await be.handlers['unit.save']({ unit: TEST_UNIT as unknown as Unit });
    await be.handlers['years.create']({ year: 2024 });
    // 5,000 rows in one go through a backup round trip (the public contract), not 5,000 writes
    const cats = ['pufa', 'jindu', 'fanzha', 'clinic'];
    const backup = JSON.parse(new TextDecoder().decode((await be.handlers['backup.create']({})).data));
    backup.years['2024'].ledger = Array.from({ length: 5000 }, (_, i) => ({
      id: `r${i}`,
      createdAt: '2024-01-01T00:00:00.000Z',
      date: `2024-${String((i % 12) + 1).padStart(2, '0')}-10`,
      category: cats[i % 4]!,
      title: i === 4320 ? '独一无二的宣传活动' : `活动${i}`,
      ...(i % 3 === 2 ? {} : { villageId: i % 3 === 0 ? 'v-east' : 'v-west' }),
      participants: i % 100,
    }));
    await be.handlers['backup.restore']({ data: new TextEncoder().encode(JSON.stringify(backup)) });
  }, 60_000);
  afterAll(() => be.close());
  afterEach(cleanup);

  it('opens filtered to an indicator\'s categories and narrows by search', async () => {
    renderScreen(<LedgerScreen />, unit, 2024, { params: { categories: ['jindu', 'fanzha'] } });
    await screen.findByText(/共 5000 条/);
    // the rows of both categories, not only the first one's 1,250
    expect(screen.getByTestId('filter-count').textContent).toContain('2500');
    const search = screen.getByRole('searchbox', { name: '搜索' });
    fireEvent.change(search, { target: { value: '独一无二' } });
    await waitFor(() => expect(screen.getByTestId('filter-count').textContent).toContain('筛选出 0 条'));
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索' }), { target: { value: '独一无二' } });
    await waitFor(() => expect(screen.getByTestId('filter-count').textContent).toContain('筛选出 1 条'));
  }, 60_000);

  it('typing on narrows and deleting widens again', async () => {
    renderScreen(<LedgerScreen />, unit, 2024);
    await screen.findByText(/共 5000 条/);
    const search = screen.getByRole('searchbox', { name: '搜索' });
    const count = () => screen.getByTestId('filter-count').textContent;
    // 活动43, 活动430–439, 活动4300–4399 except 4320 (独一无二): 110; 活动432 and 活动4321–4329: 10
    for (const [typed, n] of [['活动4', 1111 - 1], ['活动43', 110], ['活动432', 10], ['活动43', 110], ['活动4', 1110], ['活动432 4329', 1]] as const) {
      fireEvent.change(search, { target: { value: typed } });
      await waitFor(() => expect(count()).toContain(`筛选出 ${n} 条`));
    }
  }, 60_000);
});
