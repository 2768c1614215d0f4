// @vitest-environment jsdom
/** The charts screen on the real services (demo data); jsdom has no canvas, so this checks titles, controls and printing's swap. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ChartsScreen, printCharts } from '../../src-renderer/screens/charts';
import { startBackend, type Backend } from './support';

let be: Backend;

beforeAll(async () => {
  be = await startBackend('fz-charts-ui-');
  await be.handlers['demo.create']({ force: true });
});
afterAll(() => be.close());
afterEach(cleanup);

describe('图表', () => {
  it('titles every chart with unit, year and subject, and reports village coverage over all villages', async () => {
    render(<ChartsScreen year={2024} />);
    await screen.findByText('横街镇2024年活动台账月度分布', {}, { timeout: 5000 });
    for (const t of ['横街镇2024年活动台账分类统计', '横街镇2024年各村（社区）活动覆盖情况', '横街镇2024年与2023年主要指标对比', '横街镇2024年矛盾纠纷调解结果']) {
      expect(screen.getByText(t)).toBeTruthy();
    }
    // canvases carry the title as their accessible name
    expect(screen.getByRole('img', { name: '横街镇2024年活动台账月度分布' }).tagName).toBe('CANVAS');
    const unit = (await be.handlers['unit.get']({}))!;
    const card = document.querySelector('[data-chart="villages"]') as HTMLElement;
    expect(within(card).getByText(new RegExp(`覆盖 \\d+/${unit.villages.length} 个`))).toBeTruthy();
  });

  it('says so when a year has no data instead of drawing empty charts', async () => {
    await be.handlers['years.create']({ year: 2026 });
    render(<ChartsScreen year={2026} />);
    expect((await screen.findAllByText(/^本年度活动台账暂无记录/, {}, { timeout: 5000 })).length).toBe(2);
    expect(screen.getByText(/^本年度暂无调解案件/)).toBeTruthy();
  });

  it('prints with every canvas swapped for an image, and puts the canvases back afterwards', async () => {
    const root = document.createElement('div');
    const canvas = document.createElement('canvas');
    canvas.style.width = '1000px';
    canvas.style.height = '330px';
    canvas.setAttribute('aria-label', '横街镇2024年活动台账月度分布');
    // jsdom cannot draw; the real drawing is checked in Chromium
    canvas.toDataURL = () => 'data:image/png;base64,iVBORw0KGgo=';
    root.appendChild(canvas);
    document.body.appendChild(root);
    let during = '';
    await printCharts(root, () => {
      during = `${root.querySelectorAll('img').length}:${canvas.style.display}:${root.querySelector('img')?.getAttribute('alt')}`;
    });
    expect(during).toBe('1:none:横街镇2024年活动台账月度分布');
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(canvas.style.display).toBe('');
    root.remove();
  });
});
