// @vitest-environment jsdom
/**
 * The report screen against the real services (real store on a temp folder, demo data), reached
 * the way Electron's preload does it: `window.fazhi.call` → dispatch.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { App as AntApp } from 'antd';
import { ReportScreen } from '../../src-renderer/screens/report';
import { setBackgroundErrorHandler } from '../../src-renderer/components/backgroundErrors';
import { startBackend, type Backend } from './support';

let be: Backend;
const YEAR = 2024;

beforeAll(async () => {
  be = await startBackend('fz-report-ui-');
  await be.handlers['demo.create']({ force: true });
});
afterAll(() => be.close());
afterEach(cleanup);

const outline = () => screen.getByRole('tree');
const rowTexts = () => within(outline()).getAllByRole('treeitem').map((li) => li.querySelector('.fz-outline-number')?.textContent ?? '');
const rowFor = (heading: string) => within(outline()).getByText(heading).closest('li') as HTMLElement;
const visibleEditor = (): Editor => {
  const slot = [...document.querySelectorAll<HTMLElement>('.fz-editor-slot')].find((s) => s.style.display !== 'none')!;
  return (slot.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }).editor;
};
const preview = () => screen.getByLabelText('报告预览');

async function openScreen() {
  render(<ReportScreen year={YEAR} />);
  await screen.findByRole('tree', {}, { timeout: 5000 });
}

describe('报告编辑', () => {
  it('shows the numbered outline, content items, chips with figures and the preview', async () => {
    await openScreen();
    expect(rowTexts().slice(0, 4)).toEqual(['', '一、', '（一）', '（二）']);
    expect(within(rowFor('2024年法治政府建设主要举措和成效')).getByText('举措成效')).toBeTruthy();
    // the first part selected: level-1 parts show the content item select
    expect(screen.getByLabelText('对应内容项')).toBeTruthy();
    fireEvent.click(rowFor('深化政务公开和法律服务'));
    const open = await screen.findAllByText('主动公开政务信息');
    const chip = open.map((e) => e.closest('.fz-chip')).find(Boolean)!;
    const stored = (await be.handlers['indicators.list']({ year: YEAR })).find((r) => r.def.id === 'open-total')!;
    expect(chip.textContent).toBe(`主动公开政务信息${stored.value}条`);
    expect(within(preview()).getByText('横街镇2024年法治政府建设年度报告')).toBeTruthy();
    expect(preview().textContent).toContain(`全年主动公开政务信息${stored.value}条`);
    // character count of the part and the whole report
    expect(screen.getByLabelText('字数').textContent).toMatch(/本部分 \d+ 字 · 全文 \d+ 字/);
  });

  it('reshapes the outline, renumbers by position, and autosaves it', async () => {
    await openScreen();
    fireEvent.click(rowFor('存在的不足和原因'));
    fireEvent.click(screen.getByRole('button', { name: '添加下级标题' }));
    const heading = screen.getByRole('textbox', { name: '标题' });
    fireEvent.change(heading, { target: { value: '队伍建设方面' } });
    expect(within(rowFor('队伍建设方面')).getByText('（一）')).toBeTruthy();
    expect(within(preview()).getByText(/队伍建设方面/)).toBeTruthy();
    // 升一级: becomes a level-1 part right after its parent, so 三、
    fireEvent.click(screen.getByRole('button', { name: '升一级' }));
    expect(within(rowFor('队伍建设方面')).getByText('三、')).toBeTruthy();
    expect(within(rowFor('党政主要负责人履行推进法治建设第一责任人职责情况')).getByText('四、')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '上移' }));
    expect(within(rowFor('队伍建设方面')).getByText('二、')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('已保存')).toBeTruthy(), { timeout: 4000 });
    const saved = await be.handlers['report.get']({ year: YEAR });
    expect(saved.parts.map((p) => p.heading).slice(0, 3)).toEqual(['2024年法治政府建设主要举措和成效', '队伍建设方面', '存在的不足和原因']);

    // delete asks first, then removes the part
    fireEvent.click(screen.getByRole('button', { name: '删除' }));
    const confirm = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.ant-popconfirm .ant-btn-dangerous');
      if (!el) throw new Error('确认框未出现');
      return el;
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(within(outline()).queryByText('队伍建设方面')).toBeNull());
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(async () => expect((await be.handlers['report.get']({ year: YEAR })).parts.some((p) => p.heading === '队伍建设方面')).toBe(false));
  });

  it('keeps each part’s undo history when switching parts', async () => {
    await openScreen();
    fireEvent.click(rowFor('存在的不足和原因'));
    act(() => {
      visibleEditor().chain().focus('end').insertContent('补充一句。').run();
    });
    expect(preview().textContent).toContain('补充一句。');
    fireEvent.click(rowFor('2025年推进法治政府建设的主要安排'));
    act(() => {
      visibleEditor().chain().focus('end').insertContent('另一部分。').run();
    });
    fireEvent.click(rowFor('存在的不足和原因'));
    const ed = visibleEditor();
    act(() => {
      fireEvent.keyDown(ed.view.dom, { key: 'z', ctrlKey: true });
    });
    expect(preview().textContent).not.toContain('补充一句。');
    expect(preview().textContent).toContain('另一部分。');
    act(() => {
      fireEvent.keyDown(ed.view.dom, { key: 'y', ctrlKey: true });
    });
    expect(preview().textContent).toContain('补充一句。');
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(async () => {
      const r = await be.handlers['report.get']({ year: YEAR });
      expect(r.parts.find((p) => p.heading === '存在的不足和原因')!.paragraphs.at(-1)).toMatch(/补充一句。$/);
    });
  });

  it('校对 checks the text once typing pauses; a fix from a list older than the text re-lists instead of editing', async () => {
    // inside antd's App, as the shell mounts it: a fix says what it did in a message
    render(
      <AntApp>
        <ReportScreen year={YEAR} />
      </AntApp>,
    );
    await screen.findByRole('tree', {}, { timeout: 5000 });
    fireEvent.click(rowFor('存在的不足和原因'));
    fireEvent.click(screen.getByTestId('proof-tab'));
    const panel = screen.getByTestId('proof-panel');
    const doubled = () => panel.querySelector('.fz-proof-item[data-code="duplicate-phrase"]');
    const editor = visibleEditor();
    const text = () => editor.getText();
    act(() => void editor.chain().focus('end').insertContent('今后要坚持依法依法行政。').run());
    // not on the keystroke: the list follows once the typing pauses
    expect(doubled()).toBeNull();
    await waitFor(() => expect(doubled()).not.toBeNull());
    // typed on before the slip, and the fix clicked before the list caught up: the places the list
    // knows are old, so nothing is edited; the list is made again from the text as it is
    act(() => void editor.chain().insertContentAt(editor.state.selection.$from.start(), '另起：').run());
    const typed = text();
    fireEvent.click(within(doubled() as HTMLElement).getByRole('button', { name: '删去重复的“依法”' }));
    expect(text()).toBe(typed);
    // the fresh list's fix removes the doubled word and nothing else
    fireEvent.click(within(doubled() as HTMLElement).getByRole('button', { name: '删去重复的“依法”' }));
    expect(text()).toBe(typed.replace('依法依法行政', '依法行政'));
    expect(text()).toContain('另起：');
    await waitFor(() => expect(doubled()).toBeNull());
    await waitFor(() => expect(screen.getByText('已保存')).toBeTruthy(), { timeout: 10_000 });
  });

  it('sends the latest edit when the page is closed within the debounce, and asks before leaving', async () => {
    await openScreen();
    // what the screen sends, as it sends it
    const sent: string[] = [];
    const inner = window.fazhi!.call;
    window.fazhi!.call = (m, input) => {
      sent.push(m);
      return inner(m, input);
    };
    fireEvent.click(screen.getByText('标题、主送机关与导语'));
    // the clerk typed the colon: the preview must not double it
    fireEvent.change(screen.getByRole('textbox', { name: '主送机关' }), { target: { value: '区委依法治区办：' } });
    expect(preview().textContent).toContain('区委依法治区办：');
    expect(preview().textContent).not.toContain('：：');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    window.dispatchEvent(new Event('pagehide'));
    // sent well inside the 800 ms debounce, so only the page-close flush can have sent it; how
    // long the save then takes is the machine's business
    await waitFor(() => expect(sent).toContain('report.save'), { timeout: 500 });
    await waitFor(async () => expect((await be.handlers['report.get']({ year: YEAR })).recipient).toBe('区委依法治区办：'), { timeout: 10_000 });
    // saved: nothing to ask about any more
    await waitFor(() => expect(screen.getByText('已保存')).toBeTruthy());
    const again = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
    window.fazhi!.call = inner;
  });

  it('reports a save that fails after the editor has closed', async () => {
    const shown: string[] = [];
    const off = setBackgroundErrorHandler((t) => shown.push(t));
    try {
      await openScreen();
      fireEvent.click(screen.getByText('标题、主送机关与导语'));
      fireEvent.change(screen.getByRole('textbox', { name: '报告标题' }), { target: { value: '' } });
      cleanup(); // leave the screen within the debounce: the unmount save is refused by the service
      await waitFor(() => expect(shown.join('')).toMatch(/报告的最新修改未能保存：.*报告标题/));
    } finally {
      off();
    }
  });

  it('shows a service error in Chinese where it happened', async () => {
    await openScreen();
    fireEvent.click(screen.getByText('标题、主送机关与导语'));
    fireEvent.change(screen.getByRole('textbox', { name: '报告标题' }), { target: { value: '' } });
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    expect((await screen.findByText(/保存失败/, {}, { timeout: 4000 })).textContent).toMatch(/保存失败（.*报告标题.*不能为空.*）/);
  });
  it('导入 waits for what is typed to be saved, and does not start when that save fails', async () => {
    // the browser version's file chooser: a hidden <input type=file> added to the page
    const chooser = () => document.querySelector('input[type="file"]');
    // inside antd's App, as in the app: the refusal is said in a message
    render(
      <AntApp>
        <ReportScreen year={YEAR} />
      </AntApp>,
    );
    await screen.findByRole('tree', {}, { timeout: 5000 });
    fireEvent.click(screen.getByText('标题、主送机关与导语'));
    const title = screen.getByRole('textbox', { name: '报告标题' });
    const before = (title as HTMLInputElement).value;
    // refused by the service: the import must not start, or the editor's last save on leaving
    // would put this text over the imported report
    fireEvent.change(title, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: /导入/ }));
    expect(await screen.findByText(/报告的最新修改未能保存，请先点“重试”保存成功后再导入/, {}, { timeout: 4000 })).toBeTruthy();
    expect(chooser()).toBeNull();
    // saved this time: the file chooser opens
    fireEvent.change(title, { target: { value: before } });
    fireEvent.click(screen.getByRole('button', { name: /导入/ }));
    await waitFor(() => expect(chooser()).not.toBeNull(), { timeout: 4000 });
    expect((await be.handlers['report.get']({ year: YEAR })).title).toBe(before);
    chooser()!.dispatchEvent(new Event('cancel'));
  });
});
