/**
 * The guide's state: shown on the overview until dismissed (kept in this browser/app), opened from
 * ⋮ → 使用说明 wherever the clerk is; the font advice and where the data folder is.
 */
import { useEffect, useState } from 'react';
import { App as AntApp } from 'antd';
import { FONT_PRESET_LABELS } from '../../../src-shared/domain/vocabulary';
import { useMethodMutation, useMethodQuery } from '../../api/queries';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';
import type { FontCheck } from './fonts';

const DISMISSED_KEY = 'fazhi-guide-dismissed';
const OPEN_EVENT = 'fazhi-open-guide';

/** ⋮ → 使用说明: opens the guide wherever the clerk is. */
export function openGuide(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

export const guideDismissed = (): boolean => localStorage.getItem(DISMISSED_KEY) === '1';

/** The inline first-run guide: hidden for good once dismissed. */
export function useFirstRunGuide() {
  const [hidden, setHidden] = useState(guideDismissed);
  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, '1');
    setHidden(true);
  };
  return { hidden, dismiss };
}

/** The guide dialog, opened by openGuide(). */
export function useGuideDialog() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const show = () => setOpen(true);
    window.addEventListener(OPEN_EVENT, show);
    return () => window.removeEventListener(OPEN_EVENT, show);
  }, []);
  return { open, close: () => setOpen(false) };
}

/** The suggested font preset against the unit's, and taking it in one click. */
export function useFontAdvice(fonts: FontCheck) {
  const app = useApp();
  const { message } = AntApp.useApp();
  const save = useMethodMutation('unit.save');
  const adopt = async () => {
    try {
      const saved = await save.mutateAsync({ unit: { ...app.unit, fontPreset: fonts.suggested } });
      app.setUnit(saved);
      message.success(`字体方案已改为：${FONT_PRESET_LABELS[fonts.suggested]}`);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return { current: app.unit.fontPreset, adopt };
}

/** The data folder's path; null while unknown (or when the services cannot say). */
export function useDataDir(): string | null {
  return useMethodQuery('app.info', {}).data?.dataDir ?? null;
}
