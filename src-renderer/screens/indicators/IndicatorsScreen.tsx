import { useCallback, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Collapse, Empty, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { INDICATOR_AREAS } from '../../../src-shared/domain/vocabulary';
import type { IndicatorDef, IndicatorSource } from '../../../src-shared/domain/indicatorSchema';
import type { IndicatorRow, MethodInput } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useApp, type AppState } from '../../state/app';
import { useLoad } from '../../state/useLoad';
import { IndicatorField } from './IndicatorField';
import { CustomIndicatorDialog } from './CustomIndicatorDialog';
import { XlsxExportButton } from '../sheets/SheetActions';

const CUSTOM_AREA = '自定义';

function originLink(source: IndicatorSource, go: AppState['go']): (() => void) | undefined {
  switch (source.type) {
    case 'ledgerCount':
    case 'ledgerSum':
    case 'ledgerVillages':
      // every category the figure counts, so the rows shown add up to it
      return () => go('ledger', { categories: [...source.categories] });
    case 'mediationCount':
      return () => go('mediation', source.outcome ? { outcome: source.outcome } : {});
    case 'villageCount':
      return () => go('unit');
    default:
      return undefined;
  }
}

export function IndicatorsScreen() {
  const app = useApp();
  const { message } = AntApp.useApp();
  const { data, error, loading, reload, setData } = useLoad(() => call('indicators.list', { year: app.year }), [app.year]);
  const [adding, setAdding] = useState(false);
  const [openAreas, setOpenAreas] = useState<string[]>([...INDICATOR_AREAS]);
  const { setUnit } = app;

  // the unit record holds the definitions: keep the shell's copy current after a change
  const refreshUnit = useCallback(async () => {
    const unit = await call('unit.get', {});
    if (unit) setUnit(unit);
  }, [setUnit]);

  const define = useCallback((def: MethodInput<'indicators.define'>['def']) => call('indicators.define', { def }), []);

  const defined = useCallback(
    async (def: IndicatorDef) => {
      setAdding(false);
      setOpenAreas((keys) => (keys.includes(CUSTOM_AREA) ? keys : [...keys, CUSTOM_AREA]));
      await reload(true);
      void refreshUnit();
      message.success(`已添加自定义指标：${def.name}`);
      // bring the new row into view: the 自定义 group sits at the bottom of a long page
      requestAnimationFrame(() => document.querySelector(`[data-testid="indicator-${def.id}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
    },
    [reload, refreshUnit, message],
  );

  const remove = useCallback(
    async (def: IndicatorDef) => {
      await call('indicators.undefine', { id: def.id });
      setData((prev) => (prev ?? []).filter((r) => r.def.id !== def.id));
      void reload(true);
      void refreshUnit();
      message.success(`已删除自定义指标：${def.name}`);
    },
    [setData, reload, refreshUnit, message],
  );

  const save = useCallback(
    async (id: string, value: number | null, wording: string) => {
      const row = await call('indicators.set', { year: app.year, id, value, wording });
      setData((prev) => (prev ?? []).map((r) => (r.def.id === id ? row : r)));
      // rates depend on other figures: refresh quietly so they follow
      void reload(true);
      return row;
    },
    [app.year, setData, reload],
  );

  const groups = useMemo(() => {
    const rows = data ?? [];
    // 自定义 is always listed, even empty, so the clerk finds where their own indicators go
    return INDICATOR_AREAS.map((area) => ({ area, rows: rows.filter((r) => r.def.area === area) })).filter(
      (g) => g.rows.length || g.area === CUSTOM_AREA,
    );
  }, [data]);

  const filled = (data ?? []).filter((r) => r.value !== null).length;
  const problems = (data ?? []).filter((r) => r.problem).length;

  return (
    <div>
      <h2 className="screen-title" style={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', gap: 12 }}>
        <span>指标录入</span>
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, flex: 1, minWidth: 240 }}>
          {app.year}年度，已填 {filled} / {data?.length ?? 0} 项{problems ? `，${problems} 项需核对` : ''}。输入后按 Enter 或离开输入框即保存。
        </Typography.Text>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!data}>
          新增自定义指标
        </Button>
        <XlsxExportButton sheets={['indicators']} />
      </h2>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {loading && !data ? (
        <Spin description="正在载入…" />
      ) : (
        <Collapse
          activeKey={openAreas}
          onChange={(keys) => setOpenAreas(Array.isArray(keys) ? keys : [keys])}
          items={groups.map((g) => ({
            key: g.area,
            label: (
              <span>
                {g.area}
                <span className="muted" style={{ marginLeft: 8 }}>
                  {g.rows.filter((r) => r.value !== null).length}/{g.rows.length}
                </span>
              </span>
            ),
            children: !g.rows.length ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="本单位特有的工作，可以新增为自定义指标，在报告中和内置指标一样引用。"
              >
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  新增自定义指标
                </Button>
              </Empty>
            ) : (
              <div className="ind-table">
                <div className="ind-row ind-head">
                  <div>指标</div>
                  <div>{app.year}年数值</div>
                  <div>报告中的表述（可选）</div>
                  <div>{app.year - 1}年</div>
                  <div>来源</div>
                </div>
                {g.rows.map((r: IndicatorRow) => (
                  <IndicatorField
                    key={r.def.id}
                    row={r}
                    save={save}
                    openOrigin={originLink(r.def.source, app.go)}
                    onRemove={r.def.builtIn ? undefined : () => remove(r.def)}
                  />
                ))}
              </div>
            ),
          }))}
        />
      )}
      <CustomIndicatorDialog open={adding} rows={data ?? []} define={define} onDone={(def) => void defined(def)} onCancel={() => setAdding(false)} />
    </div>
  );
}
