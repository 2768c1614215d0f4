// @vitest-environment jsdom
/**
 * 创建单位 on the welcome screen against the real services: one call (unit.setup) writes the unit
 * and its first year; a refused setup shows the service's Chinese message and writes nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIMITS } from '../../src-shared/domain/limits';
import { startBackend, type Backend } from './support';

let be: Backend;
let WelcomeScreen: typeof import('../../src-renderer/screens/welcome/WelcomeScreen').WelcomeScreen;

beforeAll(async () => {
  be = await startBackend('fz-welcome-');
  ({ WelcomeScreen } = await import('../../src-renderer/screens/welcome/WelcomeScreen'));
});
afterAll(() => be.close());
afterEach(cleanup);

function mount(onDone: () => void) {
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <WelcomeScreen onDone={onDone} />
      </AntApp>
    </ConfigProvider>,
  );
}

async function fill(user: ReturnType<typeof userEvent.setup>, shortName: string, year: string) {
  await user.type(screen.getByRole('textbox', { name: '单位简称' }), shortName);
  await user.type(screen.getByRole('textbox', { name: '单位全称' }), `${shortName}人民政府`);
  const y = screen.getByRole('spinbutton', { name: '报告年度' });
  await user.clear(y);
  await user.type(y, year);
  await user.type(screen.getByRole('textbox', { name: '村（社区）' }), '东村、西村');
  await user.click(screen.getByRole('button', { name: /创建单位/ }));
}

const dataFiles = () => readdirSync(be.dir).filter((n) => n.endsWith('.json')).sort();

describe('创建单位', () => {
  it('caps the names at the schema limits, and creates the unit with its first year in one call', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    mount(onDone);
    expect(screen.getByRole('textbox', { name: '单位简称' }).getAttribute('maxlength')).toBe(String(LIMITS.unitShortName));
    expect(screen.getByRole('textbox', { name: '单位全称' }).getAttribute('maxlength')).toBe(String(LIMITS.unitFullName));
    await fill(user, '青石镇', '2025');
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(dataFiles()).toEqual(['unit.json', 'year-2025.json']);
    const unit = JSON.parse(readFileSync(join(be.dir, 'unit.json'), 'utf8')).unit;
    expect([unit.fullName, unit.villages.map((v: { name: string }) => v.name)]).toEqual(['青石镇人民政府', ['东村', '西村']]);
    // the app opens on the year just created
    expect(localStorage.getItem('fazhi-year')).toBe('2025');
  });

  it('a second setup is refused with the service\'s message and changes nothing', async () => {
    const before = readFileSync(join(be.dir, 'unit.json'), 'utf8');
    const user = userEvent.setup();
    const onDone = vi.fn();
    mount(onDone);
    await fill(user, '白水镇', '2026');
    expect((await screen.findByRole('alert')).textContent).toBe('已设置单位“青石镇”，不能再次创建；请在“单位设置”中修改');
    expect(onDone).not.toHaveBeenCalled();
    expect(dataFiles()).toEqual(['unit.json', 'year-2025.json']);
    expect(readFileSync(join(be.dir, 'unit.json'), 'utf8')).toBe(before);
  });
});
