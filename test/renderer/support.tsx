/**
 * Screens under test talk to the real services (real store on a temp folder) the way Electron's
 * preload does: `window.fazhi.call` → dispatch, with structured clone in between like IPC.
 */
import type { ReactNode } from 'react';
import { configure, render, screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Handlers } from '../../src-shared/contract';
import type { Unit } from '../../src-shared/domain/unit';
import { createServices, dispatch } from '../../src-main/services';
import { AppContext, type AppState } from '../../src-renderer/state/app';
import { installJsdomShims } from './jsdomShims';

// A screen that waits for the services (a preview, a year's answer) shows its result in a few
// hundred ms on a quiet machine and in seconds on a loaded one (CI shares two cores with
// LibreOffice and Chromium): findBy*/waitFor wait up to 30 s, not Testing Library's 1 s (10 s was
// missed once at load 15: 概览 took 9.8 s to show in jsdom there). A result that never comes still
// fails; nothing that passes depends on the machine being quiet.
configure({ asyncUtilTimeout: 30_000 });

export { installJsdomShims };

export interface Backend {
  dir: string;
  handlers: Handlers;
  close(): void;
}

export async function startBackend(prefix: string): Promise<Backend> {
  installJsdomShims();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const handlers = await createServices(dir);
  window.fazhi = {
    call: async (m, input) => structuredClone(await dispatch(handlers, m, structuredClone(input))),
    saveFile: async () => null,
    openFile: async () => null,
    showInFolder: async () => {},
    print: async () => {},
    printToPdf: async () => null,
    onMenu: () => () => {},
    leave: async () => {},
    reload: async () => {},
  };
  return {
    dir,
    handlers,
    close: () => {
      delete window.fazhi;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const TEST_UNIT = {
  shortName: '试验镇',
  fullName: '试验镇人民政府',
  kind: '镇',
  villages: [
    { id: 'v-east', name: '东村', kind: '村' },
    { id: 'v-west', name: '西村', kind: '村' },
  ],
} as const;

export function renderScreen(node: ReactNode, unit: Unit, year: number, over: Partial<AppState> = {}) {
  const state: AppState = {
    unit,
    setUnit: () => {},
    year,
    years: [{ year, ledgerCount: 0, mediationCount: 0, partCount: 0, exportCount: 0 }],
    setYear: () => {},
    reloadYears: async () => {},
    screen: 'overview',
    params: {},
    go: () => {},
    ...over,
  };
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <AppContext.Provider value={state}>{node}</AppContext.Provider>
      </AntApp>
    </ConfigProvider>,
  );
}

export { rmSync };

/** Picks `option` in the antd Select labelled `label`, typing to filter as a clerk would. */
export async function pickOption(label: string, option: string, user: ReturnType<typeof userEvent.setup>) {
  const box = screen.getAllByRole('combobox', { name: label })[0]!;
  await user.click(box);
  await user.keyboard(option);
  const opt = await screen.findAllByTitle(option);
  await user.click(opt[opt.length - 1]!);
}
