import { useCallback, useMemo, useState } from 'react';
import { App as AntApp } from 'antd';
import { INDICATOR_AREAS } from '../../../src-shared/domain/vocabulary';
import type { IndicatorDef } from '../../../src-shared/domain/indicatorSchema';
import type { MethodInput } from '../../../src-shared/contract';
import { failureText, refetchMethod, setMethodData, useMethodMutation, useMethodQuery } from '../../api/queries';
import { useApp } from '../../state/app';

export const CUSTOM_AREA = '自定义';

/** 指标录入's data and actions: the year's indicators, saving a figure, custom indicators. */
export function useIndicators() {
  const app = useApp();
  const { message } = AntApp.useApp();
  const { year, setUnit } = app;
  const list = useMethodQuery('indicators.list', { year });
  const data = list.data;
  const [adding, setAdding] = useState(false);
  const [openAreas, setOpenAreas] = useState<string[]>([...INDICATOR_AREAS]);
  const { mutateAsync: defineIndicator } = useMethodMutation('indicators.define');
  const { mutateAsync: undefineIndicator } = useMethodMutation('indicators.undefine');
  const { mutateAsync: setIndicator } = useMethodMutation('indicators.set');

  // the unit record holds the definitions: keep the shell's copy current after a change
  const refreshUnit = useCallback(async () => {
    const unit = await refetchMethod('unit.get', {});
    if (unit) setUnit(unit);
  }, [setUnit]);

  const define = useCallback((def: MethodInput<'indicators.define'>['def']) => defineIndicator({ def }), [defineIndicator]);

  const defined = useCallback(
    async (def: IndicatorDef) => {
      setAdding(false);
      setOpenAreas((keys) => (keys.includes(CUSTOM_AREA) ? keys : [...keys, CUSTOM_AREA]));
      // the define already invalidated the list: wait for it, so the new row can be scrolled to
      await refetchMethod('indicators.list', { year }).catch(() => undefined);
      void refreshUnit();
      message.success(`已添加自定义指标：${def.name}`);
      // bring the new row into view: the 自定义 group sits at the bottom of a long page
      requestAnimationFrame(() => document.querySelector(`[data-testid="indicator-${def.id}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
    },
    [year, refreshUnit, message],
  );

  const remove = useCallback(
    async (def: IndicatorDef) => {
      await undefineIndicator({ id: def.id });
      setMethodData('indicators.list', { year }, (prev) => prev?.filter((r) => r.def.id !== def.id));
      void refreshUnit();
      message.success(`已删除自定义指标：${def.name}`);
    },
    [year, refreshUnit, message, undefineIndicator],
  );

  // the answer shows at once; rates that depend on this figure follow with the refetch the save caused
  const save = useCallback(
    async (id: string, value: number | null, wording: string) => {
      const row = await setIndicator({ year, id, value, wording });
      setMethodData('indicators.list', { year }, (prev) => prev?.map((r) => (r.def.id === id ? row : r)));
      return row;
    },
    [year, setIndicator],
  );

  const groups = useMemo(() => {
    const rows = data ?? [];
    // 自定义 is always listed, even empty, so the clerk finds where their own indicators go
    return INDICATOR_AREAS.map((area) => ({ area, rows: rows.filter((r) => r.def.area === area) })).filter(
      (g) => g.rows.length || g.area === CUSTOM_AREA,
    );
  }, [data]);

  return {
    year,
    go: app.go,
    data,
    error: failureText(list),
    loading: list.isPending,
    groups,
    filled: (data ?? []).filter((r) => r.value !== null).length,
    problems: (data ?? []).filter((r) => r.problem).length,
    adding,
    setAdding,
    openAreas,
    setOpenAreas,
    define,
    defined,
    remove,
    save,
  };
}
