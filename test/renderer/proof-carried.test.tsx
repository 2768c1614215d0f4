// @vitest-environment jsdom
/**
 * 校对 beside the editor in the year after 新建下一年度 (沿用上年正文), against the real services:
 * a figure carried in last year's text that is last year's data is listed to update — the panel
 * reads last year's figures from the indicator rows (上年), as the services do from last year's file.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReportScreen } from '../../src-renderer/screens/report';
import { typedOut } from '../proofread/fixtures';
import { startBackend, type Backend } from './support';

let be: Backend;

beforeAll(async () => {
  be = await startBackend('fz-proof-carried-');
  await be.handlers['demo.create']({ force: true });
  // last year's report as imported: every figure typed
  const report = await be.handlers['report.get']({ year: 2024 });
  report.parts = typedOut(report.parts);
  await be.handlers['report.save']({ year: 2024, report });
  await be.handlers['years.createNext']({ after: 2024, start: 'draft' });
});
afterAll(() => be.close());
afterEach(cleanup);

describe('校对 after 新建下一年度', () => {
  it('lists last year’s figures in the carried text to update', async () => {
    render(<ReportScreen year={2025} />);
    await screen.findByRole('tree', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('proof-tab'));
    const panel = await screen.findByTestId('proof-panel');
    await waitFor(() => expect(panel.querySelectorAll('.fz-proof-item[data-code="carried-over"]').length).toBeGreaterThan(5), { timeout: 5000 });
    const items = [...panel.querySelectorAll('.fz-proof-item[data-code="carried-over"]')].map((e) => e.textContent ?? '');
    expect(items.some((t) => t.includes('“18次”与2024年指标“各类普法宣传活动”的数字（18次）相同'))).toBe(true);
  }, 30_000);
});
