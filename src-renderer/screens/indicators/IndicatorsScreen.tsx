import { useCallback, useMemo } from 'react';
import { Alert, Collapse, Spin, Typography } from 'antd';
import { INDICATOR_AREAS, type IndicatorSource } from '../../../src-shared/domain/indicators';
import type { IndicatorRow } from '../../../src-shared/contract';
import { call } from '../../api/client';
import { useApp, type AppState } from '../../state/app';
import { useLoad } from '../../state/useLoad';
import { IndicatorField } from './IndicatorField';

function originLink(source: IndicatorSource, go: AppState['go']): (() => void) | undefined {
  switch (source.type) {
    case 'ledgerCount':
    case 'ledgerSum':
    case 'ledgerVillages':
      return () => go('ledger', { category: source.categories[0]! });
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
  const { data, error, loading, reload, setData } = useLoad(() => call('indicators.list', { year: app.year }), [app.year]);

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
    return INDICATOR_AREAS.map((area) => ({ area, rows: rows.filter((r) => r.def.area === area) })).filter((g) => g.rows.length);
  }, [data]);

  const filled = (data ?? []).filter((r) => r.value !== null).length;
  const problems = (data ?? []).filter((r) => r.problem).length;

  return (
    <div>
      <h2 className="screen-title">
        指标录入
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginLeft: 12 }}>
          {app.year}年度，已填 {filled} / {data?.length ?? 0} 项{problems ? `，${problems} 项表述需核对` : ''}。输入后按 Enter 或离开输入框即保存。
        </Typography.Text>
      </h2>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {loading && !data ? (
        <Spin description="正在载入…" />
      ) : (
        <Collapse
          defaultActiveKey={INDICATOR_AREAS as unknown as string[]}
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
            children: (
              <div className="ind-table">
                <div className="ind-row ind-head">
                  <div>指标</div>
                  <div>{app.year}年数值</div>
                  <div>报告中的表述（可选）</div>
                  <div>{app.year - 1}年</div>
                  <div>来源</div>
                </div>
                {g.rows.map((r: IndicatorRow) => (
                  <IndicatorField key={r.def.id} row={r} save={save} openOrigin={originLink(r.def.source, app.go)} />
                ))}
              </div>
            ),
          }))}
        />
      )}
    </div>
  );
}
