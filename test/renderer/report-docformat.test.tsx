// @vitest-environment jsdom
/**
 * Issue 11 in the report editor, against the real services: the title breaks where the clerk presses
 * Enter (or automatically, on the lines the .docx uses), a number typed into a heading comes off with
 * a note, an empty part shows greyed as not exported, a unit typed after the cursor is not doubled
 * by an inserted figure, and 落款 / 附件 reach the preview.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { ReportScreen } from '../../src-renderer/screens/report';
import { docToParagraphs } from '../../src-renderer/screens/report/doc';
import type { Editor as ReactEditor } from '@tiptap/react';
import { BodyEditor, insertPlaceholder } from '../../src-renderer/screens/report/BodyEditor';
import { stripHeadingNumber } from '../../src-shared/text/headingNumbers';
import { echoedUnitLength } from '../../src-shared/text/figures';
import { titleLines } from '../../src-shared/report/titleLines';
import { startBackend, type Backend } from './support';
import { PrintHost } from '../../src-renderer/components/PrintHost';
import { ReportPrint } from '../../src-renderer/screens/report/ReportPrint';

let be: Backend;
const YEAR = 2024;

beforeAll(async () => {
  be = await startBackend('fz-docfmt-ui-');
  await be.handlers['demo.create']({ force: true });
});
afterAll(() => be.close());
afterEach(cleanup);

const outline = () => screen.getByRole('tree');
const rowFor = (heading: string) => within(outline()).getByText(heading).closest('li') as HTMLElement;
const preview = () => screen.getByLabelText('报告预览');
const visibleEditor = (): Editor => {
  const slot = [...document.querySelectorAll<HTMLElement>('.fz-editor-slot')].find((s) => s.style.display !== 'none')!;
  return (slot.querySelector('.ProseMirror') as HTMLElement & { editor: Editor }).editor;
};

async function openScreen() {
  render(<ReportScreen year={YEAR} />);
  await screen.findByRole('tree', {}, { timeout: 5000 });
}

describe('heading numbers (pure)', () => {
  it.each([
    ['一、加强组织领导', '一、'],
    ['(一)加强组织领导', '(一)'],
    ['（一）加强组织领导', '（一）'],
    ['1.加强组织领导', '1.'],
    ['1、加强组织领导', '1、'],
    ['（1）加强组织领导', '（1）'],
    ['  十二、 加强组织领导', '十二、'],
  ])('takes %s off', (typed, removed) => {
    expect(stripHeadingNumber(typed)).toEqual({ text: '加强组织领导', removed });
  });
  it.each(['2024年法治政府建设主要举措和成效', '第一责任人履职情况', '一是加强领导', '1.5万人次参与', '十九大精神学习'])('leaves %s alone', (h) => {
    expect(stripHeadingNumber(h)).toEqual({ text: h, removed: null });
  });
  it('finds a unit typed right after a figure', () => {
    expect(echoedUnitLength('件', '件，同比')).toBe(1);
    expect(echoedUnitLength('场次', '场次')).toBe(2);
    expect(echoedUnitLength('件', '，共')).toBe(0);
    expect(echoedUnitLength('', '件')).toBe(0);
  });
});

describe('报告编辑: title, headings, figures, 落款 and 附件', () => {
  it('breaks the title where Enter was pressed, or shows where it breaks by itself', async () => {
    await openScreen();
    fireEvent.click(within(outline()).getByText('标题、主送机关与导语'));
    const title = screen.getByRole('textbox', { name: '报告标题' });
    const long = '横街镇人民政府关于2024年度法治政府建设工作情况的报告';
    fireEvent.change(title, { target: { value: long } });
    expect(screen.getByTestId('title-hint').textContent).toContain(titleLines(long).join(' / '));
    await waitFor(() =>
      expect([...preview().querySelectorAll('.fz-doc-title-line')].map((e) => e.textContent)).toEqual(titleLines(long)),
    );
    fireEvent.change(title, { target: { value: '横街镇人民政府\n2024年度法治政府建设工作情况的报告' } });
    await waitFor(() =>
      expect([...preview().querySelectorAll('.fz-doc-title-line')].map((e) => e.textContent)).toEqual([
        '横街镇人民政府',
        '2024年度法治政府建设工作情况的报告',
      ]),
    );
    expect(screen.getByTestId('title-hint').textContent).toBe('按输入的换行分为2行。');
    await waitFor(async () => expect((await be.handlers['report.get']({ year: YEAR })).title).toBe('横街镇人民政府\n2024年度法治政府建设工作情况的报告'), {
      timeout: 4000,
    });
  });

  it('takes a pasted number off a heading with a note, and greys an empty new part as not exported', async () => {
    await openScreen();
    fireEvent.click(rowFor('存在的不足和原因'));
    fireEvent.click(screen.getByRole('button', { name: '添加下级标题' }));
    const heading = screen.getByRole('textbox', { name: '标题' });
    fireEvent.change(heading, { target: { value: '（三）队伍建设方面' } });
    expect((heading as HTMLInputElement).value).toBe('队伍建设方面');
    expect(screen.getByTestId('heading-note').textContent).toBe('已去掉开头的编号“（三）”：编号由提纲按位置自动生成（此处为“（一）”）。');
    // no text yet: greyed in the preview, not exported
    await waitFor(() => {
      const p = preview().querySelector('[data-omitted="true"]')!;
      expect(p.textContent).toBe('队伍建设方面（没有正文，导出时略去）');
    });
    expect(within(rowFor('队伍建设方面')).getByText('无正文')).toBeTruthy();
    act(() => {
      visibleEditor().commands.insertContent('人员少、年龄偏大。');
    });
    await waitFor(() => expect(preview().querySelector('[data-omitted="true"]')).toBeNull());
    expect(within(rowFor('队伍建设方面')).queryByText('无正文')).toBeNull();
    expect(preview().textContent).toContain('（一）队伍建设方面');
  });

  it('takes a number off a heading renamed in the outline, and says so', async () => {
    await openScreen();
    const heading = '党政主要负责人履行推进法治建设第一责任人职责情况';
    fireEvent.doubleClick(rowFor(heading));
    const input = within(outline()).getByRole('textbox', { name: '标题' });
    fireEvent.change(input, { target: { value: `（三）${heading}` } });
    fireEvent.blur(input);
    expect(rowFor(heading)).toBeTruthy();
    expect(screen.getByText('已去掉开头的编号“（三）”：编号由提纲按位置自动生成（此处为“三、”）。')).toBeTruthy();
  });

  it('does not double the unit when a figure goes in front of the one already typed (6件件)', async () => {
    let editor: ReactEditor | null = null;
    render(<BodyEditor initial={['全年开展普法活动场，效果较好。']} onChange={() => undefined} onEditor={(e) => (editor = e)} label="正文" />);
    await waitFor(() => expect(editor).not.toBeNull());
    const ed = editor!;
    act(() => {
      ed.commands.setTextSelection(9); // after "全年开展普法活动"
    });
    let removed = false;
    act(() => {
      removed = insertPlaceholder(ed, 'pufa-events', false, '场');
    });
    expect(removed).toBe(true);
    expect(docToParagraphs(ed.getJSON())).toEqual(['全年开展普法活动{{pufa-events}}，效果较好。']);
    act(() => {
      ed.commands.undo();
    });
    expect(docToParagraphs(ed.getJSON())).toEqual(['全年开展普法活动场，效果较好。']);
  });

  it('shows a joint 落款 side by side and the 附件 with its own page in the preview', async () => {
    await openScreen();
    fireEvent.click(within(outline()).getByText('标题、主送机关与导语'));
    fireEvent.change(screen.getByRole('textbox', { name: '联合落款单位' }), { target: { value: '中共横街镇委员会' } });
    fireEvent.click(screen.getByRole('button', { name: /添加附件/ }));
    fireEvent.change(screen.getByRole('textbox', { name: '附件1名称' }), { target: { value: '横街镇2024年度法治政府建设指标表' } });
    fireEvent.change(screen.getByRole('textbox', { name: '附件1正文' }), { target: { value: '第一段\n第二段' } });
    await waitFor(() => expect(screen.getByTestId('preview-signature').querySelector('.fz-doc-signature-joint')?.textContent).toBe('横街镇人民政府中共横街镇委员会'));
    expect(screen.getByTestId('preview-attachment-note').textContent).toBe('附件：横街镇2024年度法治政府建设指标表');
    const page = screen.getByRole('article', { name: '附件1' });
    expect(page.textContent).toBe('附件横街镇2024年度法治政府建设指标表第一段第二段');
    await waitFor(
      async () => {
        const saved = await be.handlers['report.get']({ year: YEAR });
        expect(saved.signature.jointName).toBe('中共横街镇委员会');
        expect(saved.attachments?.[0]).toMatchObject({ title: '横街镇2024年度法治政府建设指标表', paragraphs: ['第一段', '第二段'] });
      },
      { timeout: 4000 },
    );
  });

  it('edits a table in a part: cells, rows, position; the preview shows it with its header', async () => {
    await openScreen();
    fireEvent.click(rowFor('存在的不足和原因'));
    fireEvent.click(screen.getByRole('button', { name: /添加表格/ }));
    const cell = (r: number, c: number) => screen.getByRole('textbox', { name: `表格1第${r}行第${c}列` });
    fireEvent.change(cell(1, 1), { target: { value: '指标' } });
    fireEvent.change(cell(2, 1), { target: { value: '主动公开政务信息' } });
    fireEvent.change(cell(2, 2), { target: { value: '{{open-total}}' } });
    fireEvent.click(screen.getByRole('button', { name: '加一行' }));
    fireEvent.change(cell(3, 1), { target: { value: '调解纠纷' } });
    fireEvent.change(cell(3, 2), { target: { value: '12起' } });
    const stored = (await be.handlers['indicators.list']({ year: YEAR })).find((r) => r.def.id === 'open-total')!;
    await waitFor(() => {
      const table = preview().querySelector('table.fz-doc-table')!;
      expect([...table.querySelectorAll('th')].map((e) => e.textContent)).toEqual(['指标', '数值']);
      expect([...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent)).toEqual([`主动公开政务信息${stored.value}条`, '调解纠纷12起']);
    });
    await waitFor(
      async () => {
        const part = (await be.handlers['report.get']({ year: YEAR })).parts[1]!;
        expect(part.tables?.[0]).toMatchObject({ rows: [['指标', '数值'], ['主动公开政务信息', '{{open-total}}'], ['调解纠纷', '12起']], headerRows: 1, size: '四号' });
      },
      { timeout: 4000 },
    );
  });

  it('PrintHost puts the print layout on the page, runs the action (e.g. saving a PDF) and then goes', async () => {
    const seen: Array<string | null> = [];
    let done = 0;
    const action = async () => void seen.push(document.querySelector('.fz-print-host [data-testid="report-print"]')?.textContent ?? null);
    const { rerender } = render(
      <PrintHost css="" onDone={() => (done += 1)} action={action}>
        <ReportPrint rendered={{ title: '青溪镇人民政府关于2025年度法治政府建设工作情况的报告', recipient: '', preamble: ['导语。'], blocks: [], signature: null }} />
      </PrintHost>,
    );
    await waitFor(() => expect(done).toBe(1));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toContain('青溪镇人民政府关于2025年度法治政府建设工作情况的报告导语。');
    rerender(<></>);
    expect(document.querySelector('.fz-print-host')).toBeNull();
  });

  it('writes the 落款 date in Chinese order and reads what the clerk types', async () => {
    await openScreen();
    fireEvent.click(within(outline()).getByText('标题、主送机关与导语'));
    const date = screen.getByRole('textbox', { name: '落款日期' }) as HTMLInputElement;
    fireEvent.change(date, { target: { value: '2025/2/3' } });
    fireEvent.blur(date);
    expect(date.value).toBe('2025年2月3日');
    await waitFor(() => expect(screen.getByTestId('preview-signature').textContent).toContain('2025年2月3日'));
  });
});

describe('unit kinds 区/县', () => {
  it('are offered with their own wording in the writing guidance', async () => {
    const { UNIT_KINDS, contentItemGuidanceFor } = await import('../../src-shared/domain/vocabulary');
    expect(UNIT_KINDS.slice(-2)).toEqual(['区', '县']);
    expect(contentItemGuidanceFor('firstResponsible', '区')).toContain('区委、区政府主要负责同志如何部署推进法治建设');
    expect(contentItemGuidanceFor('firstResponsible', '县')).toContain('县委、县政府主要负责同志');
    expect(contentItemGuidanceFor('measures', '区')).toContain('区政府本级、各部门和各乡镇（街道）');
    expect(contentItemGuidanceFor('measures', '镇')).not.toContain('本级');
  });
});
