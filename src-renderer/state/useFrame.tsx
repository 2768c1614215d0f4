/**
 * The frame's state once the app is open: the unit and the years (read through the query cache,
 * so a change anywhere shows at once), the chosen year (remembered), the screen in the address bar,
 * and the native menu's commands.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App as AntApp } from 'antd';
import type { Unit } from '../../src-shared/domain/unit';
import type { YearSummary } from '../../src-shared/contract';
import { onMenu, print } from '../api/platform';
import { setMethodData, useMethodQuery } from '../api/queries';
import { errorText } from '../components/errors';
import { setBackgroundErrorHandler } from '../components/backgroundErrors';
import { unsavedInputs } from './unsavedInput';
import { isScreenKey, type AppState, type NavParams, type ScreenKey } from './app';
import { withLaterStyles } from '../laterStyles';

const YEAR_KEY = 'fazhi-year';

// Backup, restore and 关于 (antd Table and friends) load on first use.
export const backupActions = () => withLaterStyles(import('../screens/backup/backupActions'));

export function readHash(): { screen: ScreenKey; params: NavParams } {
  const raw = window.location.hash.replace(/^#\/?/, '');
  const [key = '', query = ''] = raw.split('?');
  const params: NavParams = {};
  const q = new URLSearchParams(query);
  const categories = q.get('categories')?.split(',').filter(Boolean);
  if (categories?.length) params.categories = categories;
  if (q.get('outcome')) params.outcome = q.get('outcome')!;
  return { screen: isScreenKey(key) ? key : 'overview', params };
}

/** The year the frame opens on: the one last chosen, else the newest. */
export function pickYear(years: YearSummary[]): number {
  const stored = Number(localStorage.getItem(YEAR_KEY));
  if (years.some((y) => y.year === stored)) return stored;
  return years.reduce((m, y) => Math.max(m, y.year), 0);
}

export function useFrame(initialUnit: Unit, initialYears: YearSummary[]): AppState {
  const { message, modal } = AntApp.useApp();
  // start-up has just read both into this cache: reading them again as the frame mounts would
  // only put two more whole-folder reads (every year file) before 概览's own; a change still
  // makes them stale (the effects table), and every other screen reads its own on mount
  const unitQ = useMethodQuery('unit.get', {}, { initialData: initialUnit, refetchOnMount: false });
  const yearsQ = useMethodQuery('years.list', {}, { initialData: initialYears, refetchOnMount: false });
  // the unit is there while the app is open (start-up shows the welcome screen otherwise)
  const unit = unitQ.data ?? initialUnit;
  const years = yearsQ.data ?? initialYears;
  const [year, setYearState] = useState(() => pickYear(initialYears));
  const [{ screen, params }, setNav] = useState(readHash);

  // a screen that saved the unit shows its answer at once (the refetch its change caused confirms it)
  const setUnit = useCallback((u: Unit) => setMethodData('unit.get', {}, () => u), []);

  // Leaving a screen (or its year) with typed input that is not saved asks first.
  const leave = useCallback(
    (then: () => void) => {
      const held = unsavedInputs();
      if (!held.length) return then();
      modal.confirm({
        title: '有输入尚未保存',
        content: (
          <div>
            <p>离开后这些输入不会保存：</p>
            <ul>
              {held.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          </div>
        ),
        okText: '不保存，离开',
        cancelText: '留下继续填写',
        onOk: then,
      });
    },
    [modal],
  );

  const setYear = useCallback(
    (y: number) =>
      leave(() => {
        localStorage.setItem(YEAR_KEY, String(y));
        setYearState(y);
      }),
    [leave],
  );

  const { refetch: refetchYears } = yearsQ;
  const reloadYears = useCallback(async () => {
    const r = await refetchYears();
    if (r.error) message.error(errorText(r.error));
  }, [refetchYears, message]);

  const go = useCallback(
    (s: ScreenKey, p: NavParams = {}) => {
      const q = new URLSearchParams({
        ...(p.categories?.length ? { categories: p.categories.join(',') } : {}),
        ...(p.outcome ? { outcome: p.outcome } : {}),
        ...(p.action ? { action: p.action } : {}),
      }).toString();
      const move = () => {
        window.history.replaceState(null, '', `#/${s}${q ? `?${q}` : ''}`);
        setNav({ screen: s, params: p });
      };
      if (s === screen) move();
      else leave(move);
    },
    [leave, screen],
  );

  // failures of saves sent by a screen that has since closed (the report editor's last save)
  useEffect(() => setBackgroundErrorHandler((text) => void message.error(text, 8)), [message]);

  // Native menu (Electron only)
  useEffect(
    () =>
      onMenu((cmd) => {
        if (cmd === 'export-word') go('export');
        else if (cmd === 'new-year') go('overview', { action: 'new-year' });
        else if (cmd === 'print') void print();
        else if (cmd === 'backup') void backupActions().then((m) => m.backupNow(message));
        else if (cmd === 'restore') void backupActions().then((m) => m.restoreFromFile(message, modal));
        else if (cmd === 'about') void backupActions().then((m) => m.showAbout(modal));
      }),
    [go, message, modal],
  );

  return useMemo(() => ({ unit, setUnit, year, years, setYear, reloadYears, screen, params, go }), [unit, setUnit, year, years, setYear, reloadYears, screen, params, go]);
}
