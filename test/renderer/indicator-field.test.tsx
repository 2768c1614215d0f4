// @vitest-environment jsdom
/**
 * 指标录入 against the real services: inline validation stops bad figures before saving, a good
 * figure is saved on Enter with a visible 已保存, computed figures are read-only and show where
 * they come from, and a wording that claims more than the figure shows the service's problem.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Unit } from '../../src-shared/domain/unit';
import { IndicatorsScreen } from '../../src-renderer/screens/indicators/IndicatorsScreen';
import { checkIndicatorInput } from '../../src-renderer/screens/indicators/validate';
import type { NavParams, ScreenKey } from '../../src-renderer/state/app';
import { TEST_UNIT, renderScreen, startBackend, type Backend } from './support';

const YEAR = 2024;
let be: Backend;
let unit: Unit;

beforeAll(async () => {
  be = await startBackend('fz-ind-ui-');
  unit = await be.handlers['unit.save']({ unit: TEST_UNIT as unknown as Unit });
  await be.handlers['years.create']({ year: YEAR });
  await be.handlers['ledger.add']({ year: YEAR, entry: { date: '2024-05-01', category: 'pufa', title: '普法集市' } });
});
afterAll(() => be.close());
afterEach(cleanup);

const valueOf = async (id: string) => (await be.handlers['indicators.list']({ year: YEAR })).find((r) => r.def.id === id)!;

describe('indicator fields', () => {
  it('checks counts and percentages the way the clerk would expect', () => {
    expect(checkIndicatorInput('12', '件')).toEqual({ ok: true, value: 12 });
    expect(checkIndicatorInput('１２件', '件')).toEqual({ ok: true, value: 12 });
    expect(checkIndicatorInput('', '件')).toEqual({ ok: true, value: null });
    expect(checkIndicatorInput('-1', '件')).toEqual({ ok: false, error: '不能为负数' });
    expect(checkIndicatorInput('2.5', '名')).toEqual({ ok: false, error: '应为整数' });
    expect(checkIndicatorInput('abc', '条')).toEqual({ ok: false, error: '请输入数字' });
    expect(checkIndicatorInput('98.5', '%')).toEqual({ ok: true, value: 98.5 });
    expect(checkIndicatorInput('100%', '%')).toEqual({ ok: true, value: 100 });
    expect(checkIndicatorInput('120', '%')).toEqual({ ok: false, error: '百分比应在0到100之间' });
    expect(checkIndicatorInput('66.66%', '%')).toEqual({ ok: true, value: 66.7 });
    // the same ceiling the service enforces, with its wording
    expect(checkIndicatorInput('100000001', '份')).toEqual({ ok: false, error: '数值过大（不能超过1亿）' });
  });

  it('refuses a negative count inline, then saves a good one on Enter', async () => {
    const user = userEvent.setup();
    renderScreen(<IndicatorsScreen />, unit, YEAR);
    const row = await screen.findByTestId('indicator-decision-catalog');
    const input = within(row).getByRole('textbox', { name: '年度重大行政决策事项' });
    await user.type(input, '-3');
    fireEvent.blur(input);
    expect(await within(row).findByText('不能为负数')).toBeTruthy();
    expect((await valueOf('decision-catalog')).value).toBeNull();

    await user.clear(input);
    await user.type(input, '8{Enter}');
    expect(await within(row).findByText('已保存')).toBeTruthy();
    expect(within(row).queryByText('不能为负数')).toBeNull();
    expect((await valueOf('decision-catalog')).value).toBe(8);
  });

  it('refuses a percentage above 100', async () => {
    const user = userEvent.setup();
    renderScreen(<IndicatorsScreen />, unit, YEAR);
    const row = await screen.findByTestId('indicator-leader-appearance-rate');
    const input = within(row).getByRole('textbox', { name: '行政机关负责人出庭应诉率' });
    await user.type(input, '120{Enter}');
    expect(await within(row).findByText('百分比应在0到100之间')).toBeTruthy();
    expect((await valueOf('leader-appearance-rate')).value).toBeNull();
  });

  it('shows computed figures read-only with their origin, which opens the ledger', async () => {
    const went: Array<[ScreenKey, NavParams | undefined]> = [];
    renderScreen(<IndicatorsScreen />, unit, YEAR, { go: (s, p) => went.push([s, p]) });
    const row = await screen.findByTestId('indicator-pufa-events');
    expect(within(row).queryByRole('textbox', { name: '各类普法宣传活动' })).toBeNull();
    expect(within(row).getByLabelText('各类普法宣传活动（自动计算）').textContent).toContain('1');
    fireEvent.click(within(row).getByText(/台账计数/));
    expect(went).toEqual([['ledger', { categories: ['pufa'] }]]);
    // a figure summed over two categories opens the ledger on both, so the rows add up to it
    fireEvent.click(within(await screen.findByTestId('indicator-jindu-materials')).getByText(/台账/));
    expect(went[1]).toEqual(['ledger', { categories: ['jindu', 'jindu-lecture'] }]);
  });

  it('shows the problem when the wording claims more than the figure', async () => {
    const user = userEvent.setup();
    renderScreen(<IndicatorsScreen />, unit, YEAR);
    const row = await screen.findByTestId('indicator-decision-catalog');
    const wording = within(row).getByRole('textbox', { name: '年度重大行政决策事项的表述' });
    await user.type(wording, '40余{Enter}');
    await waitFor(() => expect(within(row).getByText(/大于准确数值8/)).toBeTruthy());
    expect((await valueOf('decision-catalog')).wording).toBe('40余');
  });
});
