import { useMemo, type Dispatch, type SetStateAction } from 'react';
import { Button, Input, Select, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { EMPTY_FILTER, NO_VILLAGE, isFilterActive, type RowFilter } from './filter';
import type { RecordConfig, RecordRow } from './recordTypes';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));

/** Category, outcome, village, month, search; 打印; how many rows the filter leaves. */
export function RecordFilters<T extends RecordRow>({
  config,
  villages,
  filter,
  setFilter,
  shownCount,
  printing,
  onPrint,
}: {
  config: RecordConfig<T>;
  villages: Array<{ id: string; name: string }>;
  filter: RowFilter;
  setFilter: Dispatch<SetStateAction<RowFilter>>;
  shownCount: number;
  printing: boolean;
  onPrint: () => void;
}) {
  const villageOptions = useMemo(() => [...villages.map((v) => ({ value: v.id, label: v.name })), { value: NO_VILLAGE, label: '（未指定）' }], [villages]);
  // Each select is the same element until its own value changes, so React skips it: a keystroke
  // in the search box re-rendered four antd Selects, a good part of what each keystroke cost.
  const { categories, outcome, villageId, month } = filter;
  const categorySelect = useMemo(
    () => (
      <Select<string[]>
        mode="multiple"
        maxTagCount="responsive"
        aria-label={config.categoryFilter.placeholder}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={config.categoryFilter.placeholder}
        popupMatchSelectWidth={false}
        style={{ width: 240 }}
        value={categories}
        options={config.categoryFilter.options}
        onChange={(v) => setFilter((f) => ({ ...f, categories: v ?? [] }))}
      />
    ),
    [config, categories, setFilter],
  );
  const outcomeSelect = useMemo(
    () =>
      config.outcomeFilter && (
        <Select
          aria-label={config.outcomeFilter.placeholder}
          allowClear
          placeholder={config.outcomeFilter.placeholder}
          style={{ width: 120 }}
          value={outcome ?? undefined}
          options={config.outcomeFilter.options}
          onChange={(v?: string) => setFilter((f) => ({ ...f, outcome: v ?? null }))}
        />
      ),
    [config, outcome, setFilter],
  );
  const villageSelect = useMemo(
    () => (
      <Select
        aria-label="按村（社区）筛选"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="全部村（社区）"
        popupMatchSelectWidth={false}
        style={{ width: 150 }}
        value={villageId ?? undefined}
        options={villageOptions}
        onChange={(v?: string) => setFilter((f) => ({ ...f, villageId: v ?? null }))}
      />
    ),
    [villageOptions, villageId, setFilter],
  );
  const monthSelect = useMemo(
    () => (
      <Select
        aria-label="按月份筛选"
        allowClear
        placeholder="全部月份"
        style={{ width: 110 }}
        value={month ?? undefined}
        options={MONTHS}
        onChange={(v?: number) => setFilter((f) => ({ ...f, month: v ?? null }))}
      />
    ),
    [month, setFilter],
  );
  return (
    <Space wrap style={{ marginBottom: 10 }}>
      {categorySelect}
      {outcomeSelect}
      {villageSelect}
      {monthSelect}
      <Input.Search
        aria-label="搜索"
        allowClear
        placeholder={config.searchPlaceholder ?? '搜索标题、备注、村名'}
        style={{ width: 220 }}
        value={filter.search}
        onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value }))}
      />
      <Button icon={<PrinterOutlined />} onClick={onPrint} loading={printing} disabled={!shownCount}>
        打印
      </Button>
      {isFilterActive(filter) && (
        <>
          <Typography.Text type="secondary" data-testid="filter-count">
            筛选出 {shownCount} {config.countWord}
          </Typography.Text>
          <Button size="small" onClick={() => setFilter(EMPTY_FILTER)}>
            清除筛选
          </Button>
        </>
      )}
    </Space>
  );
}
