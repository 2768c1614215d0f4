// @vitest-environment jsdom
/**
 * 导出 against the real services: the 落款 choice starts as the report has it, so an untouched
 * export prints the same signature the editor's preview shows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { Unit } from '../../src-shared/domain/unit';
import { ExportScreen } from '../../src-renderer/screens/export/ExportScreen';
import { renderScreen, startBackend, type Backend } from './support';

let be: Backend;
let unit: Unit;
const YEAR = 2024;

beforeAll(async () => {
  be = await startBackend('fz-export-ui-');
  await be.handlers['demo.create']({ force: true });
  unit = (await be.handlers['unit.get']({}))!;
});
afterAll(() => be.close());
afterEach(cleanup);

const signatureSwitch = () => screen.getByRole('switch', { name: '落款' });

describe('导出', () => {
  it('starts with the report’s own 落款 and date', async () => {
    const report = await be.handlers['report.get']({ year: YEAR });
    await be.handlers['report.save']({ year: YEAR, report: { ...report, signature: { ...report.signature, enabled: true, date: '2025-01-20' } } });
    renderScreen(<ExportScreen />, unit, YEAR);
    await waitFor(() => expect(signatureSwitch().getAttribute('aria-checked')).toBe('true'));
    expect((screen.getByLabelText('落款日期') as HTMLInputElement).value).toBe('2025年1月20日');
  });

  it('starts switched off when the report has no 落款', async () => {
    const report = await be.handlers['report.get']({ year: YEAR });
    await be.handlers['report.save']({ year: YEAR, report: { ...report, signature: { ...report.signature, enabled: false } } });
    renderScreen(<ExportScreen />, unit, YEAR);
    await waitFor(() => expect(signatureSwitch().getAttribute('aria-checked')).toBe('false'));
    expect(screen.queryByLabelText('落款日期')).toBeNull();
  });
});
