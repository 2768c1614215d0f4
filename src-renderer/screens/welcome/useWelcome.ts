import { useState } from 'react';
import { App as AntApp, Form } from 'antd';
import { useImport } from '../import/useImport';
import type { UnitKind } from '../../../src-shared/domain/vocabulary';
import { useMethodMutation } from '../../api/queries';
import { errorText } from '../../components/errors';
import { parseVillageLines } from '../../../src-shared/domain/villageNames';

export interface CreateForm {
  shortName: string;
  fullName: string;
  kind: UnitKind;
  /** null while the year field's text does not read as a year */
  year: number | null;
  villages: string;
}

/** Remembered by the app shell: the year it opens after the welcome screen. */
const openYear = (year: number) => localStorage.setItem('fazhi-year', String(year));

/** The welcome screen's three ways in: create a unit, load the demo, import last year's report. */
export function useWelcome(onDone: () => void) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<'create' | 'demo' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<CreateForm>();
  const { mutateAsync: setUp } = useMethodMutation('unit.setup');
  const { mutateAsync: loadDemo } = useMethodMutation('demo.create');
  // the unit and the year come from the imported report's title
  const imp = useImport({
    onDone: (year) => {
      openYear(year);
      onDone();
    },
  });

  const run = async (what: 'create' | 'demo', op: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await op();
      onDone();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  // one service call: the unit and its first year are written together or not at all
  const create = (v: CreateForm & { year: number }) =>
    run('create', async () => {
      const r = await setUp({
        unit: { shortName: v.shortName, fullName: v.fullName, kind: v.kind, villages: parseVillageLines(v.villages ?? '') },
        year: v.year,
      });
      // (a damaged file of that year is shown by the app with its choices)
      openYear(r.year?.year ?? v.year);
      message.success('单位已创建');
    });

  const demo = () =>
    run('demo', async () => {
      const y = await loadDemo({ force: false });
      openYear(y.year);
      message.success('示例数据已载入');
    });

  return { busy, error, form, imp, create, demo };
}
