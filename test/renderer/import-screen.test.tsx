// @vitest-environment jsdom
/**
 * 从去年的报告开始 against the real services (real store on a temp folder): the file the clerk picks
 * is read by the service, the preview shows what was found, corrections made there are what gets
 * saved, and nothing is written before 导入 — nor when the file cannot be read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { readdirSync } from 'node:fs';
import { dispatch } from '../../src-main/services';
import { startBackend, type Backend } from './support';
import { openedFileTooBig } from '../../src-shared/openedFile';

let be: Backend;
// loaded after the backend: the client picks the Electron transport (and its file dialog) at load
let WelcomeScreen: typeof import('../../src-renderer/screens/welcome/WelcomeScreen').WelcomeScreen;
let picked: { fileName: string; data: Uint8Array } | Error | null = null;
const openedAs: string[] = [];

beforeAll(async () => {
  be = await startBackend('fz-import-ui-');
  // structured clone (as over IPC) hands back bytes of another realm here, which the contract's
  // Uint8Array check would refuse: bring the file bytes back into this realm after cloning
  window.fazhi!.call = async (m, input) => {
    const sent = structuredClone(input) as Record<string, unknown>;
    if (sent && ArrayBuffer.isView(sent.data)) sent.data = new Uint8Array(sent.data as Uint8Array);
    return structuredClone(await dispatch(be.handlers, m, sent));
  };
  // the desktop shell: refuses by the kind's bound before reading, as src-main/electron/ipc.ts does
  window.fazhi!.openFile = async (_filters, kind) => {
    openedAs.push(kind);
    if (picked instanceof Error) throw picked;
    const tooBig = picked && openedFileTooBig(kind, picked.data.byteLength);
    if (tooBig) throw new Error(tooBig);
    return picked ? { fileName: picked.fileName, data: structuredClone(picked.data) } : null;
  };
  ({ WelcomeScreen } = await import('../../src-renderer/screens/welcome/WelcomeScreen'));
});
afterAll(() => be.close());
afterEach(cleanup);

const TEXT = [
  '石桥乡2023年法治政府建设年度报告',
  '2023年，石桥乡坚持依法行政，各项工作有序推进。',
  '一、2023年法治政府建设主要举措和成效',
  '（一）加强学法用法。乡党委全年集中学法六次,干部参学率保持在较高水平。',
  '（二）规范执法行为。组织执法人员参加培训两期，聘请法律顾问2名，主动公开政务信息150条。',
  '三、存在的不足',
  '基层法治力量仍然薄弱。',
  '推进措施：下一步将补齐短板。',
  '四、2024年工作安排',
  '一是抓好普法；二是抓好调解。',
].join('\n');

function mount(onDone: () => void) {
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <WelcomeScreen onDone={onDone} />
      </AntApp>
    </ConfigProvider>,
  );
}

const group = (name: string) => screen.getByRole('group', { name });

describe('从去年的报告开始', () => {
  it('a file that cannot be read: a Chinese message, nothing written', async () => {
    picked = { fileName: '报告.wps', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) };
    mount(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: '选择报告文件…' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(alert.textContent).toMatch(/docx/);
    expect(screen.getByText('无法导入这个文件')).toBeTruthy();
    expect(await be.handlers['unit.get']({})).toBeNull();
    expect(readdirSync(be.dir).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it('a file over 50 MB, or one the desktop shell cannot open, is refused in Chinese before anything is sent', async () => {
    picked = { fileName: '扫描件.docx', data: new Uint8Array(50 * 1024 * 1024 + 1) };
    mount(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: '选择报告文件…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^文件过大（50\.0 MB），超过 50 MB 上限/);
    expect(openedAs.at(-1)).toBe('report'); // the shell was told what is opened, so it applies the report's bound
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    picked = new Error('文件过大（超过 60 MB），请确认选择了正确的文件');
    fireEvent.click(screen.getByRole('button', { name: '选择报告文件…' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请确认选择了正确的文件');
    expect(await be.handlers['unit.get']({})).toBeNull();
  });

  it('previews, takes the corrections, and creates the unit and year from the title on 导入', async () => {
    picked = { fileName: '石桥乡2023年报告.txt', data: new Uint8Array(Buffer.from(TEXT, 'utf8')) };
    let done = 0;
    mount(() => done++);
    fireEvent.click(screen.getByRole('button', { name: '选择报告文件…' }));
    const preview = await screen.findByTestId('import-preview', {}, { timeout: 10_000 });
    // the outline as found: numbers typed by hand are gone and given by position
    expect(within(preview).getByRole('spinbutton', { name: '导入年度' })).toHaveProperty('value', '2023');
    expect(within(preview).getByRole('textbox', { name: '单位简称' })).toHaveProperty('value', '石桥乡');
    expect(group('二、存在的不足').textContent).toContain('基层法治力量仍然薄弱。');
    expect(within(group('（一）加强学法用法')).getByRole('checkbox', { name: '“加强学法用法”标题接排' })).toHaveProperty('checked', true);
    // nothing written yet
    expect(await be.handlers['unit.get']({})).toBeNull();

    // a paragraph that is really a heading: split it off; a sub-part that is not: merge it back
    fireEvent.click(within(group('二、存在的不足')).getByRole('button', { name: '从“推进措施：下一步将补齐短…”拆出新标题' }));
    expect(within(group('三、推进措施：')).getByText('下一步将补齐短板。')).toBeTruthy();
    fireEvent.click(within(group('三、推进措施：')).getByRole('button', { name: '“推进措施：”降一级' }));
    expect(group('（一）推进措施：')).toBeTruthy();
    fireEvent.click(within(group('（二）规范执法行为')).getByRole('button', { name: '“规范执法行为”并入上文' }));
    expect(screen.queryByRole('group', { name: '（二）规范执法行为' })).toBeNull();
    // a step taken back, then done again
    fireEvent.click(screen.getByRole('button', { name: /撤销调整/ }));
    expect(group('（二）规范执法行为')).toBeTruthy();
    fireEvent.click(within(group('（二）规范执法行为')).getByRole('button', { name: '“规范执法行为”并入上文' }));
    expect(screen.queryByRole('group', { name: '（二）规范执法行为' })).toBeNull();
    // the half-width comma, converted because the clerk chose so
    const hw = screen.getByTestId('import-half-width');
    expect(hw.textContent).toContain('半角标点（1 处）');
    fireEvent.click(within(hw).getByRole('checkbox'));
    // figures offered for indicators: one ticked, and its sentence made a placeholder
    const offered = screen.getByTestId('import-suggestions');
    expect(within(offered).getByRole('checkbox', { name: '采用 主动公开政务信息 150条' })).toBeTruthy();
    fireEvent.click(within(offered).getByRole('checkbox', { name: '采用 聘请专业法律顾问 2名' }));
    fireEvent.click(within(offered).getByRole('checkbox', { name: /改为指标占位符/ }));

    fireEvent.click(screen.getByRole('button', { name: /^导\s?入$/ }));
    await waitFor(() => expect(done).toBe(1), { timeout: 10_000 });
    expect(localStorage.getItem('fazhi-year')).toBe('2023');
    const unit = await be.handlers['unit.get']({});
    expect(unit).toMatchObject({ shortName: '石桥乡', kind: '乡' });
    const report = await be.handlers['report.get']({ year: 2023 });
    const [measures, shortcomings] = report.parts;
    expect(measures!.children.map((p) => p.heading)).toEqual(['加强学法用法']);
    expect(measures!.children[0]!.paragraphs.join('')).toContain('干部参学率');
    expect(measures!.children[0]!.paragraphs.join('')).toContain('，干部参学率');
    // merged text kept; the ticked figure (found again after the merge) became a placeholder, the other stayed text
    const merged = measures!.children[0]!.paragraphs.find((p) => p.startsWith('规范执法行为。'))!;
    expect(merged).toMatch(/^规范执法行为。组织执法人员参加培训两期，聘请法律顾问\{\{adviser-hired[^}]*\}\}，主动公开政务信息150条。$/);
    const values = await be.handlers['indicators.list']({ year: 2023 });
    expect(values.find((r) => r.def.id === 'adviser-hired')!.value).toBe(2);
    expect(values.find((r) => r.def.id === 'open-total')!.value).toBeNull();
    expect(shortcomings!.paragraphs).toEqual(['基层法治力量仍然薄弱。']);
    expect(shortcomings!.children).toMatchObject([{ heading: '推进措施：', runIn: true, paragraphs: ['下一步将补齐短板。'] }]);
  });

  it('a year that already has a report asks 替换 or 对比; 对比 shows each changed part and takes what is ticked', async () => {
    if (!(await be.handlers['unit.get']({}))) {
      const p = await be.handlers['import.preview']({ fileName: 'a.txt', data: new Uint8Array(Buffer.from(TEXT, 'utf8')) });
      await be.handlers['import.commit']({ year: 2023, report: p.report, unit: p.unit!, mode: 'new', convertHalfWidth: false, take: [], findings: [] });
    }
    const revised = TEXT.replace('六次', '八次').replace('基层法治力量仍然薄弱。', '基层法治工作力量仍然薄弱。');
    picked = { fileName: '石桥乡2023年报告（领导修改）.txt', data: new Uint8Array(Buffer.from(revised, 'utf8')) };
    let done = 0;
    mount(() => done++);
    fireEvent.click(screen.getByRole('button', { name: '选择报告文件…' }));
    await screen.findByTestId('import-preview', {}, { timeout: 10_000 });
    expect(screen.getByText(/2023年度已有报告/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '对比…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^替\s?换$/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^导\s?入$/ })).toBeNull();
    // another year has no report: plain 导入 again (asked of the service, edits kept)
    const yearBox = screen.getByRole('spinbutton', { name: '导入年度' });
    fireEvent.change(yearBox, { target: { value: '2022' } });
    await screen.findByRole('button', { name: /^导\s?入$/ });
    expect(screen.queryByRole('button', { name: '对比…' })).toBeNull();
    fireEvent.change(yearBox, { target: { value: '2023' } });
    await screen.findByRole('button', { name: '对比…' });
    const before = await be.handlers['report.get']({ year: 2023 });

    fireEvent.click(screen.getByRole('button', { name: '对比…' }));
    const view = await screen.findByTestId('compare-view', {}, { timeout: 10_000 });
    // words taken out struck through on our side, words put in marked on theirs
    const study = within(view).getByRole('region', { name: /加强学法用法/ });
    expect([...study.querySelectorAll('del')].map((e) => e.textContent).join('')).toContain('六');
    expect([...study.querySelectorAll('ins')].map((e) => e.textContent).join('')).toContain('八');
    const weak = within(view).getByRole('region', { name: /存在的不足/ });
    expect([...weak.querySelectorAll('ins')].map((e) => e.textContent).join('')).toContain('工作');
    // leave the second change, take the first
    fireEvent.click(within(weak).getByRole('checkbox', { name: /采纳/ }));
    fireEvent.click(within(view).getByRole('button', { name: /采纳所选修改/ }));
    await waitFor(() => expect(done).toBe(1), { timeout: 10_000 });
    const after = await be.handlers['report.get']({ year: 2023 });
    const text = (r: typeof after) => JSON.stringify(r.parts);
    expect(text(after)).toContain('八次');
    expect(text(after)).not.toContain('六次');
    expect(after.parts[1]!.paragraphs).toEqual(before.parts[1]!.paragraphs);
  });
});
