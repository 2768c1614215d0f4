// @vitest-environment jsdom
/**
 * 自定义指标 on 指标录入 against the real services: the clerk adds a manual indicator (the service's
 * refusal of a blank name shows under the name box), types its figure and sees it saved; adds a
 * ledger count and sees the figure computed from the ledger; cannot remove one the report still
 * quotes (the service's reason shows on the row), and removes another.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Unit } from '../../src-shared/domain/unit';
import { IndicatorsScreen } from '../../src-renderer/screens/indicators/IndicatorsScreen';
import { CUSTOM_INDICATOR_SOURCES } from '../../src-shared/domain/customIndicators';
import { SOURCE_LABELS } from '../../src-shared/domain/wording';
import { TEST_UNIT, renderScreen, startBackend, type Backend } from './support';

const YEAR = 2024;
let be: Backend;
let unit: Unit;

beforeAll(async () => {
  be = await startBackend('fz-ind-custom-');
  unit = await be.handlers['unit.save']({ unit: TEST_UNIT as unknown as Unit });
  await be.handlers['years.create']({ year: YEAR });
  for (const [date, category] of [
    ['2024-03-01', 'pufa'],
    ['2024-05-01', 'pufa'],
    ['2024-06-26', 'jindu'],
    ['2024-07-01', 'fanzha'],
  ] as const)
    await be.handlers['ledger.add']({ year: YEAR, entry: { date, category, title: '宣传活动' } });
});
afterAll(() => be.close());
afterEach(cleanup);

const rows = () => be.handlers['indicators.list']({ year: YEAR });
const customRow = async (name: string) => (await rows()).find((r) => r.def.name === name);
/** the row of the indicator named so, as the clerk sees it on screen */
// (the add goes through the service and back: on a loaded machine that is more than findBy's 1 s)
const rowOnScreen = async (name: string) => (await screen.findByText(name, {}, { timeout: 15_000 })).closest<HTMLElement>('[data-testid^="indicator-"]')!;
// a leaving spinner stays in the accessible name under jsdom (no animation end events)
const addButton = /添\s*加$/;

/** antd hides the real input under its drawing: the clerk clicks the label */
const pick = (user: ReturnType<typeof userEvent.setup>, input: HTMLElement) => user.click(input.closest('label')!);

async function openDialog(user: ReturnType<typeof userEvent.setup>) {
  // the button waits for the list: a rate picks its parts from it
  const button = await waitFor(() => {
    const b = screen.getAllByRole('button', { name: /新增自定义指标/ })[0]!;
    expect(b.hasAttribute('disabled')).toBe(false);
    return b;
  });
  await user.click(button);
  return screen.findByRole('dialog', { name: '新增自定义指标' });
}

describe('custom indicators', () => {
  it('adds a manual indicator, shows the service refusing a blank name in place, saves a figure', async () => {
    const user = userEvent.setup();
    renderScreen(<IndicatorsScreen />, unit, YEAR);
    const dialog = await openDialog(user);
    // exactly the sources the service accepts for a custom indicator, in its order
    const sources = within(within(dialog).getByRole('radiogroup', { name: '数值来源' })).getAllByRole('radio');
    expect(sources.map((r) => (r as HTMLInputElement).value)).toEqual([...CUSTOM_INDICATOR_SOURCES]);
    sources.forEach((r, i) => expect(r.closest('label')!.textContent).toMatch(new RegExp(`^${SOURCE_LABELS[CUSTOM_INDICATOR_SOURCES[i]!]}`)));
    await pick(user, within(dialog).getByRole('radio', { name: '次' }));
    await user.click(within(dialog).getByRole('button', { name: addButton }));
    expect(await within(dialog).findByText('指标名称不能为空')).toBeTruthy();
    expect((await rows()).some((r) => !r.def.builtIn)).toBe(false);

    await user.type(within(dialog).getByLabelText('指标名称'), '法律明白人入户走访');
    await waitFor(() => expect(within(dialog).queryByText('指标名称不能为空')).toBeNull());
    await user.click(within(dialog).getByRole('button', { name: addButton }));

    // the click starts the service call; wait until it has landed
    const saved = await waitFor(async () => {
      const r = await customRow('法律明白人入户走访');
      expect(r).toBeTruthy();
      return r;
    });
    expect(saved?.def).toMatchObject({ area: '自定义', measure: '次', source: { type: 'manual' }, builtIn: false });
    expect(saved!.def.id).toMatch(/^custom-[a-z0-9]{6}$/);

    const row = await rowOnScreen('法律明白人入户走访');
    // in its own group, counted like the others (0 of 1 filled so far)
    expect(row.closest('.ant-collapse-item')!.querySelector('.ant-collapse-header')!.textContent).toMatch(/^自定义0\/1$/);
    await user.type(within(row).getByRole('textbox', { name: '法律明白人入户走访' }), '36{Enter}');
    expect(await within(row).findByText('已保存')).toBeTruthy();
    expect((await customRow('法律明白人入户走访'))!.value).toBe(36);
  });

  it('adds a ledger count and shows the figure computed from the ledger', async () => {
    const user = userEvent.setup();
    renderScreen(<IndicatorsScreen />, unit, YEAR);
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText('指标名称'), '普法禁毒宣传场次');
    await pick(user, within(dialog).getByRole('radio', { name: '场' }));
    await pick(user, within(dialog).getByRole('radio', { name: /台账计数/ }));
    await user.click(within(dialog).getByRole('button', { name: addButton }));
    expect(await within(dialog).findByText('台账类别至少选择一个')).toBeTruthy();

    await pick(user, within(dialog).getByRole('checkbox', { name: '普法宣传' }));
    await pick(user, within(dialog).getByRole('checkbox', { name: '禁毒宣传' }));
    await user.click(within(dialog).getByRole('button', { name: addButton }));

    const row = await rowOnScreen('普法禁毒宣传场次');
    // 2 普法宣传 + 1 禁毒宣传; the 反诈宣传 entry is not counted
    expect(within(row).getByLabelText('普法禁毒宣传场次（自动计算）').textContent).toMatch(/^3\s*场$/);
    expect(within(row).queryByRole('textbox', { name: '普法禁毒宣传场次' })).toBeNull();
    expect(within(row).getByText('台账计数：普法宣传、禁毒宣传')).toBeTruthy();
    expect((await customRow('普法禁毒宣传场次'))!.value).toBe(3);
  });

  it('refuses to remove an indicator the report quotes, with the service reason, and removes another', async () => {
    const quoted = (await customRow('普法禁毒宣传场次'))!.def;
    const report = await be.handlers['report.get']({ year: YEAR });
    const part = report.parts[0]!;
    await be.handlers['report.save']({
      year: YEAR,
      report: { ...report, parts: [{ ...part, paragraphs: [...part.paragraphs, `全年开展宣传{{${quoted.id}}}场。`] }, ...report.parts.slice(1)] },
    });

    const user = userEvent.setup();
    renderScreen(<IndicatorsScreen />, unit, YEAR);
    const row = await rowOnScreen('普法禁毒宣传场次');
    await user.click(within(row).getByRole('button', { name: '删除普法禁毒宣传场次' }));
    await user.click(await screen.findByRole('button', { name: /^删\s*除$/ }));
    expect((await within(row).findByRole('alert')).textContent).toContain('2024年度报告中引用了“普法禁毒宣传场次”，请先删除引用');
    expect(await customRow('普法禁毒宣传场次')).toBeTruthy();

    const manual = await rowOnScreen('法律明白人入户走访');
    await user.click(within(manual).getByRole('button', { name: '删除法律明白人入户走访' }));
    const confirms = await screen.findAllByRole('button', { name: /^删\s*除$/ });
    await user.click(confirms[confirms.length - 1]!);
    await waitFor(() => expect(screen.queryByText('法律明白人入户走访')).toBeNull());
    expect(await customRow('法律明白人入户走访')).toBeUndefined();
    expect(screen.getByText('普法禁毒宣传场次')).toBeTruthy();
  });
});
