/** Pick an indicator (searchable, grouped by area) and insert it at the cursor as exact figure or rounded wording. */
import { memo, useMemo, useState } from 'react';
import { Button, Segmented, Select, Space, Typography, type SelectProps } from 'antd';
import { NumberOutlined } from '@ant-design/icons';
import type { IndicatorRow } from '../../../src-shared/contract';
import { INDICATOR_AREAS } from '../../../src-shared/domain/vocabulary';
import { formatReading } from '../../../src-shared/report/printedReport';
import { rankIndicators } from './rankIndicators';

interface Props {
  rows: readonly IndicatorRow[];
  disabled?: boolean;
  onInsert: (id: string, rounded: boolean) => void;
}

// memo: its props are stable while the clerk types
export const IndicatorPicker = memo(function IndicatorPicker({ rows, disabled, onInsert }: Props) {
  const [id, setId] = useState<string | undefined>(undefined);
  const [mode, setMode] = useState<'exact' | 'rounded'>('exact');
  const [search, setSearch] = useState('');
  const options = useMemo((): NonNullable<SelectProps['options']> => {
    const option = (r: IndicatorRow, withArea: boolean) => ({
      value: r.def.id,
      label: r.def.name,
      area: withArea ? r.def.area : undefined,
      shown: formatReading(r, false) ?? '未填报',
    });
    // while searching: one list, closest name first, so Enter takes the best match (not the first area's)
    if (search.trim()) return rankIndicators(rows.map((r) => ({ ...r, name: r.def.name, area: r.def.area, id: r.def.id })), search).map((r) => option(r, true));
    return INDICATOR_AREAS.map((area) => ({
      label: area,
      title: area,
      options: rows.filter((r) => r.def.area === area).map((r) => option(r, false)),
    })).filter((g) => g.options.length > 0);
  }, [rows, search]);
  const row = rows.find((r) => r.def.id === id);
  const canRound = Boolean(row?.wording);
  const rounded = canRound && mode === 'rounded';
  const willInsert = row ? formatReading(row, rounded) : null;

  return (
    <Space wrap size={8} className="fz-picker">
      <Select
        // ranked here (rankIndicators), not filtered by the Select
        showSearch={{ searchValue: search, onSearch: setSearch, filterOption: false }}
        placeholder="插入指标数值…"
        aria-label="选择指标"
        style={{ width: 280 }}
        value={id}
        onChange={(v: string) => {
          setId(v);
          setSearch('');
          const r = rows.find((x) => x.def.id === v);
          if (!r?.wording) setMode('exact');
        }}
        options={options}
        optionRender={(o) => (
          <span className="fz-picker-option">
            <span>
              {o.label}
              {(o.data as { area?: string }).area && <span className="muted">（{(o.data as { area?: string }).area}）</span>}
            </span>
            <span className="muted">{(o.data as { shown?: string }).shown}</span>
          </span>
        )}
        disabled={disabled}
        popupMatchSelectWidth={340}
      />
      <Segmented
        size="small"
        value={rounded ? 'rounded' : 'exact'}
        onChange={(v) => setMode(v as 'exact' | 'rounded')}
        options={[
          { label: '准确数值', value: 'exact' },
          { label: '约数表述', value: 'rounded', disabled: !canRound },
        ]}
        disabled={disabled || !row}
      />
      <Button
        icon={<NumberOutlined />}
        disabled={disabled || !row}
        onMouseDown={(e) => e.preventDefault() /* keep the editor's cursor */}
        onClick={() => row && onInsert(row.def.id, rounded)}
      >
        插入
      </Button>
      {row && (
        <Typography.Text type={willInsert ? 'secondary' : 'warning'} className="fz-picker-hint">
          {willInsert ? `将显示为“${willInsert}”` : '该指标尚未填报'}
          {!canRound && '（未填约数表述）'}
        </Typography.Text>
      )}
    </Space>
  );
});
