// @vitest-environment jsdom
/**
 * The renderer's query cache (src-renderer/api/queries.ts) on the real services: it reads on a
 * machine with no network at all (a township office PC), and a service refusal is shown at once,
 * in Chinese, without asking again.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { onlineManager } from '@tanstack/react-query';
import type { Unit } from '../../src-shared/domain/unit';
import { OverviewScreen } from '../../src-renderer/screens/overview/OverviewScreen';
import { renderScreen, startBackend, type Backend } from './support';

let be: Backend;
let unit: Unit;
const calls: string[] = [];

beforeAll(async () => {
  be = await startBackend('fz-query-ui-');
  await be.handlers['demo.create']({ force: true });
  unit = (await be.handlers['unit.get']({}))!;
  const inner = window.fazhi!.call;
  window.fazhi!.call = (m, input) => {
    calls.push(`${m} ${JSON.stringify(input)}`);
    return inner(m, input);
  };
});
afterAll(() => {
  onlineManager.setOnline(true);
  be.close();
});
afterEach(cleanup);

describe('query cache', () => {
  it('reads with the network adapter off (TanStack would pause "offline" queries by default)', async () => {
    onlineManager.setOnline(false);
    renderScreen(<OverviewScreen />, unit, 2024);
    expect(await screen.findByText('报送期限', {}, { timeout: 5000 })).toBeTruthy();
    onlineManager.setOnline(true);
  });

  it('shows a refusal in Chinese after one call, not after retries', async () => {
    calls.length = 0;
    renderScreen(<OverviewScreen />, unit, 2031);
    await screen.findByText(/2031/, { selector: '.ant-alert-title, .ant-alert-message' }, { timeout: 5000 });
    await waitFor(() => expect(document.querySelector('.ant-alert-error')?.textContent).toMatch(/[\u4e00-\u9fff]/));
    expect(calls.filter((c) => c.startsWith('overview.get') && c.includes('2031'))).toHaveLength(1);
  });
});
