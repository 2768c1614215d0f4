import { Alert, Button, Collapse, Empty, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { IndicatorSource } from '../../../src-shared/domain/indicatorSchema';
import type { IndicatorRow } from '../../../src-shared/contract';
import type { AppState } from '../../state/app';
import { useIndicators } from './useIndicators';
import { IndicatorField } from './IndicatorField';
import { CustomIndicatorDialog } from './CustomIndicatorDialog';
import { XlsxExportButton } from '../sheets/SheetActions';

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
  const { year, go, data, error, loading, groups, filled, problems, adding, setAdding, openAreas, setOpenAreas, define, defined, remove, save } = useIndicators();
  return (
    <div>
      <h2 className="screen-title" style={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', gap: 12 }}>
        <span>指标录入</span>
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, flex: 1, minWidth: 240 }}>
          {year}年度，已填 {filled} / {data?.length ?? 0} 项{problems ? `，${problems} 项需核对` : ''}。输入后按 Enter 或离开输入框即保存。
        </Typography.Text>
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!data}>
          新增自定义指标
        </Button>
        <XlsxExportButton sheets={['indicators']} />
      </h2>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {loading ? (
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
                  <div>{year}年数值</div>
                  <div>报告中的表述（可选）</div>
                  <div>{year - 1}年</div>
                  <div>来源</div>
                </div>
                {g.rows.map((r: IndicatorRow) => (
                  <IndicatorField
                    key={r.def.id}
                    row={r}
                    save={save}
                    openOrigin={originLink(r.def.source, go)}
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
