// @vitest-environment jsdom
/**
 * The year after an imported report, in 报告编辑 against the real services: last year's
 * 下一年度安排 beside this year's 举措和成效 as a checklist whose marks are kept with the year, and
 * the 未完成 points offered to this year's 不足 part, inserted once with one click.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ReportScreen } from '../../src-renderer/screens/report';
import { startBackend, type Backend } from './support';

let be: Backend;

const TEXT = [
  '柳河街道2024年法治政府建设年度报告',
  '一、2024年法治政府建设主要举措和成效',
  '街道全年围绕依法行政开展了多项工作。',
  '二、存在的不足和原因',
  '法治宣传的针对性还不够强。',
  '三、2025年工作安排',
  '一是推进社区法律顾问全覆盖；二是开展行政执法案卷评查；三是建设法治文化广场。',
].join('\n');

beforeAll(async () => {
  be = await startBackend('fz-import-plan-');
  const p = await be.handlers['import.preview']({ fileName: '柳河.txt', data: new Uint8Array(Buffer.from(TEXT, 'utf8')) });
  await be.handlers['import.commit']({ year: 2024, report: p.report, unit: p.unit!, mode: 'new', convertHalfWidth: false, take: [], findings: [] });
  await be.handlers['years.createNext']({ start: 'draft' });
});
afterAll(() => be.close());
afterEach(cleanup);

const rowFor = (text: RegExp) => within(screen.getByRole('tree')).getByText(text).closest('li') as HTMLElement;

describe('last year’s plan in the new year', () => {
  it('is a checklist beside 举措和成效; marks are saved; 未完成 points go into 不足 once', async () => {
    render(
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <ReportScreen year={2025} />
        </AntApp>
      </ConfigProvider>,
    );
    await screen.findByRole('tree', {}, { timeout: 10_000 });
    fireEvent.click(rowFor(/主要举措和成效/));
    const plan = screen.getByRole('region', { name: '上年度安排落实情况' });
    const points = within(plan).getAllByTestId('plan-point');
    expect(points.map((p) => p.textContent)).toEqual([
      expect.stringContaining('推进社区法律顾问全覆盖'),
      expect.stringContaining('开展行政执法案卷评查'),
      expect.stringContaining('建设法治文化广场'),
    ]);
    fireEvent.click(within(points[0]!).getByRole('radio', { name: '已完成' }));
    await waitFor(() => expect(within(plan).getByRole('status').textContent).toBe('已保存'));
    fireEvent.click(within(points[2]!).getByRole('radio', { name: '未完成' }));
    await waitFor(() => expect(within(plan).getByText(/已标记 2 \/ 3/)).toBeTruthy());
    const kept = await be.handlers['plan.checklist']({ year: 2025 });
    expect(kept.points.map((p) => p.status)).toEqual(['已完成', '未标记', '未完成']);
    // a mark can be taken back
    fireEvent.click(within(plan).getByRole('button', { name: '清除第1项的标记' }));
    await waitFor(async () => expect((await be.handlers['plan.checklist']({ year: 2025 })).points[0]!.status).toBe('未标记'));
    await waitFor(() => expect(within(plan).getByText(/已标记 1 \/ 3/)).toBeTruthy());

    // not shown beside parts other than 举措和成效 and 不足
    fireEvent.click(rowFor(/2026年/));
    expect(screen.queryByRole('region', { name: '上年度安排落实情况' })).toBeNull();

    fireEvent.click(rowFor(/存在的不足和原因/));
    const offer = screen.getByRole('region', { name: '上年度未完成的安排' });
    expect(within(offer).getByTestId('plan-unfinished').textContent).toContain('建设法治文化广场');
    expect(within(offer).getByTestId('plan-unfinished').textContent).not.toContain('推进社区法律顾问全覆盖');
    fireEvent.click(within(offer).getByRole('button', { name: '插入到本部分正文末尾' }));
    await waitFor(() => expect((within(offer).getByRole('button', { name: '已插入正文' }) as HTMLButtonElement).disabled).toBe(true));
    await waitFor(
      async () => {
        const r = await be.handlers['report.get']({ year: 2025 });
        const part = r.parts.find((p) => p.contentItem === 'shortcomings')!;
        expect(part.paragraphs.at(-1)).toContain('建设法治文化广场');
      },
      { timeout: 8000 },
    );
  });
});
