// @vitest-environment jsdom
/**
 * Issue 12 §3: no screen shows stale figures and nothing needs a 刷新数值. The ledger, the overview,
 * the report editor and the charts are mounted side by side on the real services (demo data); an
 * entry typed into the ledger form shows at once in the overview's count, in the report's preview
 * and chips, and in the charts, none of them reloaded or remounted. The text being typed in the
 * report stays as it is while the figures change under it and while its own autosave lands.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/core';
import type { Unit } from '../../src-shared/domain/unit';
import { LedgerScreen } from '../../src-renderer/screens/ledger/LedgerScreen';
import { OverviewScreen } from '../../src-renderer/screens/overview/OverviewScreen';
import { ReportScreen } from '../../src-renderer/screens/report';
import { ChartsScreen } from '../../src-renderer/screens/charts';
import { runMutation } from '../../src-renderer/api/queries';
import { renderScreen, startBackend, type Backend, pickOption } from './support';

const YEAR = 2024;
let be: Backend;
let unit: Unit;

beforeAll(async () => {
  be = await startBackend('fz-live-ui-');
  await be.handlers['demo.create']({ force: true });
  unit = (await be.handlers['unit.get']({}))!;
});
afterAll(() => be.close());
afterEach(cleanup);

const pufaEvents = async () => (await be.handlers['indicators.list']({ year: YEAR })).find((r) => r.def.id === 'pufa-events')!.value!;
const preview = () => screen.getByLabelText('报告预览');
const overviewCounts = () => screen.getByText(/^活动台账 \d+ 条，调解案件 \d+ 起$/).textContent!;
const visibleEditor = (): Editor => {
  const slot = [...document.querySelectorAll<HTMLElement>('.fz-editor-slot')].find((s) => s.style.display !== 'none')!;
  return (slot.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }).editor;
};

describe('figures are never stale', () => {
  it('an entry typed in the ledger shows in the overview, the report and the charts without a reload', async () => {
    const user = userEvent.setup();
    const before = await pufaEvents();
    const ledgerCount = (await be.handlers['ledger.list']({ year: YEAR })).length;
    renderScreen(
      <>
        <LedgerScreen />
        <OverviewScreen />
        <ReportScreen year={YEAR} />
        <ChartsScreen year={YEAR} />
      </>,
      unit,
      YEAR,
    );
    await screen.findByRole('tree', {}, { timeout: 8000 });
    await waitFor(() => expect(overviewCounts()).toContain(`活动台账 ${ledgerCount} 条`), { timeout: 8000 });
    expect(preview().textContent).toContain(`各类普法宣传活动${before}次`);
    await screen.findByText('横街镇2024年活动台账月度分布', {}, { timeout: 8000 });
    const coverage = () => within(document.querySelector('[data-chart="villages"]') as HTMLElement).getByText(/^覆盖 \d+\/\d+ 个/).textContent!;
    const unassignedBefore = Number(/未指定村（社区）(\d+) 条/.exec(coverage())?.[1] ?? 0);
    // the manual button is gone
    expect(screen.queryByText('刷新数值')).toBeNull();

    // the clerk types in the report first: that text must survive everything below
    act(() => {
      visibleEditor().chain().focus('end').insertContent('正在输入的一句').run();
    });

    await user.type(screen.getByRole('textbox', { name: '日期' }), '6-18');
    await pickOption('类别', '普法宣传', user);
    await user.type(screen.getByRole('textbox', { name: '活动名称' }), '法治讲座进校园{Enter}');
    await waitFor(async () => expect(await pufaEvents()).toBe(before + 1));

    // every mounted screen follows, none remounted, no button pressed
    await waitFor(() => expect(overviewCounts()).toContain(`活动台账 ${ledgerCount + 1} 条`));
    await waitFor(() => expect(preview().textContent).toContain(`各类普法宣传活动${before + 1}次`));
    await waitFor(() => expect(coverage()).toContain(`未指定村（社区）${unassignedBefore + 1} 条`));
    expect(preview().textContent).toContain('正在输入的一句');
    expect(visibleEditor().getText()).toContain('正在输入的一句');

    // the report's own autosave lands and the refetch it causes does not reset the text or cursor
    act(() => {
      visibleEditor().chain().focus('end').insertContent('，接着写').run();
    });
    const cursor = visibleEditor().state.selection.from;
    await waitFor(async () => expect(JSON.stringify(await be.handlers['report.get']({ year: YEAR }))).toContain('正在输入的一句，接着写'), { timeout: 5000 });
    await waitFor(() => expect(screen.getByText('已保存')).toBeTruthy());
    // a change made by code that is no component (the menu's way) is heard too: runMutation
    await act(() => runMutation('indicators.set', { year: YEAR, id: 'open-total', value: 4321 }).then(() => undefined));
    await waitFor(() => expect(preview().textContent).toContain('全年主动公开政务信息4321条'));
    expect(visibleEditor().getText()).toContain('正在输入的一句，接着写');
    expect(visibleEditor().state.selection.from).toBe(cursor);
  });

  it('a screen opened after a change never shows the figures from before it, not even for a moment', async () => {
    const view = renderScreen(<OverviewScreen />, unit, YEAR);
    await waitFor(() => expect(overviewCounts()).toMatch(/活动台账 \d+ 条/), { timeout: 8000 });
    const shown = Number(/活动台账 (\d+) 条/.exec(overviewCounts())![1]);
    // the clerk goes to another screen and adds an entry there
    view.unmount();
    await runMutation('ledger.add', { year: YEAR, entry: { date: '2024-09-09', category: 'pufa', title: '中秋普法集市' } });
    renderScreen(<OverviewScreen />, unit, YEAR);
    // the first count on screen is already the new one (the cached overview was dropped, not shown)
    const first = await screen.findByText(/^活动台账 \d+ 条，调解案件 \d+ 起$/, {}, { timeout: 8000 });
    expect(first.textContent).toContain(`活动台账 ${shown + 1} 条`);
  });
});
