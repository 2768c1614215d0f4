// @vitest-environment jsdom
/**
 * The keyboard-first entry form of 活动台账, against the real services: Enter saves, the next
 * row is blank (date and category carried over), and the cursor is back in the first field.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Unit } from '../../src-shared/domain/unit';
import { LedgerScreen } from '../../src-renderer/screens/ledger/LedgerScreen';
import { parseDateInput } from '../../src-shared/domain/entryInput';
import { TEST_UNIT, renderScreen, startBackend, type Backend, pickOption } from './support';

const YEAR = 2024;
let be: Backend;
let unit: Unit;

beforeAll(async () => {
  be = await startBackend('fz-ledger-ui-');
  unit = await be.handlers['unit.save']({ unit: TEST_UNIT as unknown as Unit });
  await be.handlers['years.create']({ year: YEAR });
});
afterAll(() => be.close());
afterEach(cleanup);

describe('ledger entry form', () => {
  it('saves on Enter, opens a blank row and puts the cursor back in the date field', async () => {
    const user = userEvent.setup();
    renderScreen(<LedgerScreen />, unit, YEAR);
    await screen.findByText(/共 0 条/);
    const date = screen.getByRole('textbox', { name: '日期' });
    await user.type(date, '3-15');
    await pickOption('类别', '普法宣传', user);
    const title = screen.getByRole('textbox', { name: '活动名称' });
    await user.type(title, '民法典进村居{Enter}');

    await waitFor(async () => expect(await be.handlers['ledger.list']({ year: YEAR })).toHaveLength(1));
    const [saved] = await be.handlers['ledger.list']({ year: YEAR });
    expect(saved).toMatchObject({ date: '2024-03-15', category: 'pufa', title: '民法典进村居' });

    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '日期' })));
    expect(screen.getByRole('textbox', { name: '活动名称' })).toHaveProperty('value', '');
    // the clerk logs batches of one day and kind: those stay
    expect(screen.getByRole('textbox', { name: '日期' })).toHaveProperty('value', '2024-03-15');
    expect(screen.getByRole('status').textContent).toContain('已添加 1 条');
    expect(screen.getByText(/共 1 条/)).toBeTruthy();

    // a second row with only Enter-driven flow
    await user.type(screen.getByRole('textbox', { name: '活动名称' }), '宪法宣传周{Enter}');
    await waitFor(async () => expect(await be.handlers['ledger.list']({ year: YEAR })).toHaveLength(2));
  });

  it('refuses a date outside the year and a missing title without saving', async () => {
    const user = userEvent.setup();
    renderScreen(<LedgerScreen />, unit, YEAR);
    await screen.findByText(/共 2 条/);
    await user.type(screen.getByRole('textbox', { name: '日期' }), '2023-12-31');
    await user.type(screen.getByRole('textbox', { name: '活动名称' }), '{Enter}');
    expect(await screen.findByText(/^2023年的日期不在2024年度内：请改为2024年的日期/)).toBeTruthy();
    expect(await screen.findByText('请填写活动名称')).toBeTruthy();
    expect(await be.handlers['ledger.list']({ year: YEAR })).toHaveLength(2);
  });

  it('understands the shorthand dates a clerk types', () => {
    expect(parseDateInput('3-5', 2024)).toBe('2024-03-05');
    expect(parseDateInput('0305', 2024)).toBe('2024-03-05');
    expect(parseDateInput('3月5日', 2024)).toBe('2024-03-05');
    expect(parseDateInput('2024/12/31', 2024)).toBe('2024-12-31');
    expect(parseDateInput('2-30', 2024)).toBeNull();
    expect(parseDateInput('2-29', 2023)).toBeNull();
    expect(parseDateInput('abc', 2024)).toBeNull();
  });
});
