// @vitest-environment jsdom
/**
 * 单位设置 open while the unit is saved elsewhere (the guide's 采用这个方案 sets the font preset):
 * the screen takes the change in, and its next autosave keeps it, while what the clerk typed is saved.
 */
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { Unit } from '../../src-shared/domain/unit';
import { AppContext, type AppState } from '../../src-renderer/state/app';
import { UnitScreen } from '../../src-renderer/screens/unit/UnitScreen';
import { startBackend, type Backend } from './support';

let be: Backend;
const YEAR = 2024;

beforeAll(async () => {
  be = await startBackend('fz-unit-outside-');
  await be.handlers['demo.create']({ force: true });
});
afterAll(() => be.close());
afterEach(cleanup);

/** The frame's part: it holds the stored unit and hands the screen each new copy, as the app's cache does. */
let storeChanged: (u: Unit) => void = () => {};
function Frame({ initial }: { initial: Unit }) {
  const [unit, setUnit] = useState(initial);
  storeChanged = setUnit;
  const state: AppState = {
    unit,
    setUnit,
    year: YEAR,
    years: [{ year: YEAR, ledgerCount: 0, mediationCount: 0, partCount: 0, exportCount: 0 }],
    setYear: () => {},
    reloadYears: async () => {},
    screen: 'unit',
    params: {},
    go: () => {},
  };
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <AppContext.Provider value={state}>
          <UnitScreen />
        </AppContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}

describe('单位设置 and a change made elsewhere', () => {
  it('keeps the font preset chosen in the guide when the clerk then renames the unit', async () => {
    const initial = (await be.handlers['unit.get']({}))!;
    expect(initial.fontPreset).toBe('standard');
    render(<Frame initial={initial} />);
    const name = await screen.findByRole('textbox', { name: '单位简称' });

    // the guide, elsewhere in the app, adopts the Windows fonts
    const adopted = await be.handlers['unit.save']({ unit: { ...initial, fontPreset: 'windows' } });
    act(() => storeChanged(adopted));

    fireEvent.change(name, { target: { value: '横街镇（改）' } });
    // the autosave after the pause; generous for a loaded machine (it took 3.7 s of this test's run
    // on a quiet one, over 30 s at load 15): a save that never comes still fails
    await waitFor(async () => expect((await be.handlers['unit.get']({}))!.shortName).toBe('横街镇（改）'), { timeout: 30_000 });
    expect((await be.handlers['unit.get']({}))!.fontPreset).toBe('windows');
    expect(screen.getByRole('radio', { checked: true, name: /Windows/ })).toBeTruthy();
  });
});
