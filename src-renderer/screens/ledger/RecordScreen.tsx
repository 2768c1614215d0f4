import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Popconfirm, Popover, Select, Space, Typography } from 'antd';
import { DeleteOutlined, DownOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { PrintHost } from '../../components/PrintHost';
import { RECORD_PRINT_CSS, RecordPrint } from './RecordPrint';
import { errorText } from '../../components/errors';
import { typingTarget } from '../../components/typingTarget';
import { VirtualTable, type VColumn } from '../../components/VirtualTable';
import { useApp } from '../../state/app';
import { useLoad } from '../../state/useLoad';
import { EntryForm, type FieldSpec, type FormValues } from './EntryForm';
import { SheetActions } from '../sheets/SheetActions';
import type { SheetKind } from '../../../src-shared/sheet/targets';
import {
  EMPTY_FILTER,
  NO_VILLAGE,
  filterRows,
  isFilterActive,
  sortRows,
  type RowAccess,
  type RowFilter,
  type SortSpec,
} from './filter';

export interface RecordRow {
  id: string;
  date: string;
  villageId?: string | undefined;
}

export interface RecordColumn<T> {
  key: string;
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
  render: (row: T) => ReactNode;
  /** value to sort by; absent = not sortable */
  sortValue?: (row: T) => string | number | null | undefined;
  /** on a narrow window (1024×768) left out of the row and shown when the row is expanded */
  secondary?: boolean;
}

export interface RecordConfig<T extends RecordRow> {
  title: string;
  /** "条" / "起" */
  countWord: string;
  noun: string;
  list: (year: number) => Promise<T[]>;
  add: (year: number, fields: FormValues) => Promise<T>;
  update: (year: number, id: string, fields: FormValues) => Promise<T>;
  remove: (year: number, id: string) => Promise<T>;
  restore: (year: number, row: T) => Promise<T>;
  fields: FieldSpec[];
  sticky: string[];
  columns: RecordColumn<T>[];
  toForm: (row: T) => FormValues;
  access: RowAccess<T>;
  categoryFilter: { placeholder: string; options: Array<{ value: string; label: string }> };
  outcomeFilter?: { placeholder: string; options: Array<{ value: string; label: string }> };
  label: (row: T) => string;
  /** 从Excel导入 / 导出Excel for this kind of record */
  sheetKind?: SheetKind;
  /** what the search box looks in, said to the clerk */
  searchPlaceholder?: string;
}

/** The width the table has, followed as the window changes (1024×768 → secondary columns fold away). */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const obs = new ResizeObserver(() => setWidth(el.clientWidth));
    obs.observe(el);
    setWidth(el.clientWidth);
    return () => obs.disconnect();
  }, []);
  return [ref, width];
}

const DETAILS_WIDTH = 40;
const ACTIONS_WIDTH = 150;

/** Secondary columns left out, last first, until the row fits: they show under 展开详情 instead. */
export function foldColumns<T>(columns: RecordColumn<T>[], available: number): { shown: RecordColumn<T>[]; folded: RecordColumn<T>[] } {
  const shown = [...columns];
  const folded: RecordColumn<T>[] = [];
  const total = () => shown.reduce((n, c) => n + c.width, ACTIONS_WIDTH) + (folded.length ? DETAILS_WIDTH : 0);
  for (let i = shown.length - 1; i >= 0 && total() > available; i--) {
    if (!shown[i]!.secondary) continue;
    folded.unshift(shown[i]!);
    shown.splice(i, 1);
  }
  return { shown, folded };
}

function RowDetails<T>({ row, columns }: { row: T; columns: RecordColumn<T>[] }) {
  return (
    <Popover
      trigger="click"
      placement="bottomLeft"
      content={
        <dl className="fz-row-details" data-testid="row-details">
          {columns.map((c) => (
            <div key={c.key}>
              <dt>{c.title}</dt>
              <dd>{c.render(row) || '—'}</dd>
            </div>
          ))}
        </dl>
      }
    >
      <Button type="text" size="small" aria-label="展开详情" icon={<DownOutlined />} />
    </Popover>
  );
}

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }));

/** Height left in the window below the form and filters, so the table scrolls, not the page. */
function useViewportRest(reserved: number, min: number): number {
  const get = () => Math.max(min, window.innerHeight - reserved);
  const [h, setH] = useState(get);
  useEffect(() => {
    const on = () => setH(get());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
    // once: `reserved` and `min` are constants of the caller
  }, []);
  return h;
}

/**
 * 编辑 / 删除 for one row. Plain buttons, and the delete confirmation is mounted only when asked
 * for: dozens of rows enter the view on each filter keystroke and antd components cost per mount.
 */
function RowActions<T extends RecordRow>({ row, config, onEdit, onRemove }: { row: T; config: RecordConfig<T>; onEdit: (r: T) => void; onRemove: (r: T) => void }) {
  const [asking, setAsking] = useState(false);
  const del = (
    <button type="button" className="fz-row-action danger" aria-label={`删除 ${config.label(row)}`} onClick={() => setAsking(true)}>
      <DeleteOutlined />
      删除
    </button>
  );
  return (
    <span>
      <button type="button" className="fz-row-action" onClick={() => onEdit(row)}>
        <EditOutlined />
        编辑
      </button>
      {asking ? (
        <Popconfirm
          open
          onOpenChange={(o) => !o && setAsking(false)}
          title={`删除这${config.countWord}${config.noun}？`}
          description="删除后可在提示中撤销"
          okText="删除"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={() => {
            setAsking(false);
            onRemove(row);
          }}
          onCancel={() => setAsking(false)}
        >
          {del}
        </Popconfirm>
      ) : (
        del
      )}
    </span>
  );
}

/** The ledger and the mediation cases share one screen shape: entry form, filters, a virtual table. */
export function RecordScreen<T extends RecordRow>({ config }: { config: RecordConfig<T> }) {
  const app = useApp();
  const { message } = AntApp.useApp();
  const { data, error, loading, setData, reload } = useLoad(() => config.list(app.year), [app.year]);
  const rows = useMemo(() => data ?? [], [data]);
  const [filter, setFilter] = useState<RowFilter>(() => ({
    ...EMPTY_FILTER,
    categories: app.params.categories ?? [],
    outcome: app.params.outcome ?? null,
  }));
  const [sort, setSort] = useState<SortSpec | null>({ key: 'date', order: 'descend' });
  const [editing, setEditing] = useState<T | null>(null);
  const [justSaved, setJustSaved] = useState<string | null>(null);
  // a stable object: the form resets whenever this changes
  const editingValues = useMemo(() => (editing ? config.toForm(editing) : null), [editing, config]);

  // follow navigation from the indicator screen ("open the ledger filtered to this category")
  useEffect(() => {
    setFilter((f) => ({ ...f, categories: app.params.categories ?? [], outcome: app.params.outcome ?? null }));
  }, [app.params]);

  const villageOptions = useMemo(
    () => [
      ...app.unit.villages.map((v) => ({ value: v.id, label: v.name })),
      { value: NO_VILLAGE, label: '（未指定）' },
    ],
    [app.unit.villages],
  );

  // sort once per data or column change; a keystroke in the search box only filters the sorted
  // list (sorting 5,000 rows with the Chinese collator is what made typing slow)
  const sorted = useMemo(() => {
    const col = (key: string) => config.columns.find((c) => c.key === key);
    return sortRows(rows, sort, (r, key) => col(key)?.sortValue?.(r));
  }, [rows, sort, config]);
  const shown = useMemo(() => filterRows(sorted, filter, config.access), [sorted, filter, config]);

  const onSubmit = useCallback(
    async (values: FormValues) => {
      if (editing) {
        const saved = await config.update(app.year, editing.id, values);
        setData((prev) => (prev ?? []).map((r) => (r.id === saved.id ? saved : r)));
        setEditing(null);
        setJustSaved(saved.id);
        message.success(`已保存修改：${config.label(saved)}`);
      } else {
        const saved = await config.add(app.year, values);
        setData((prev) => [...(prev ?? []), saved]);
        setJustSaved(saved.id);
      }
    },
    [editing, config, app.year, setData, message],
  );

  const undoRef = useRef(0);
  // deletions of this visit, newest last: Ctrl+Z and each message's 撤销 take them back
  // (each with its year: the clerk may have switched years since)
  const deletions = useRef<Array<{ row: T; key: string; year: number }>>([]);
  const yearRef = useRef(app.year);
  yearRef.current = app.year;
  const undoDelete = async (key: string) => {
    const i = deletions.current.findIndex((d) => d.key === key);
    if (i < 0) return;
    const [{ row, year }] = deletions.current.splice(i, 1) as [{ row: T; key: string; year: number }];
    message.destroy(key);
    try {
      const back = await config.restore(year, row);
      if (year === yearRef.current) setData((prev) => [...(prev ?? []), back]);
      message.success(`已撤销删除：${config.label(back)}`);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const undoRefFn = useRef(undoDelete);
  undoRefFn.current = undoDelete;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      if (e.defaultPrevented || typingTarget(e.target)) return;
      const last = deletions.current[deletions.current.length - 1];
      if (!last) return;
      e.preventDefault();
      void undoRefFn.current(last.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const remove = async (row: T) => {
    try {
      const removed = await config.remove(app.year, row.id);
      setData((prev) => (prev ?? []).filter((r) => r.id !== row.id));
      if (editing?.id === row.id) setEditing(null);
      const key = `undo-${++undoRef.current}`;
      deletions.current.push({ row: removed, key, year: app.year });
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <span>
            已删除“{config.label(removed)}”
            <Button type="link" size="small" onClick={() => void undoRefFn.current(key)}>
              撤销（Ctrl+Z）
            </Button>
          </span>
        ),
      });
    } catch (err) {
      message.error(errorText(err));
    }
  };

  // the action buttons call the latest `remove` through a ref, so the columns (and every
  // memoized row) stay the same object while the clerk types in the search box
  const removeRef = useRef(remove);
  removeRef.current = remove;
  const [tableBox, tableWidth] = useWidth();
  // a scroll bar's width of slack, so a fit does not depend on whether one shows
  const { shown: mainColumns, folded } = useMemo(() => foldColumns(config.columns, tableWidth - 18), [config.columns, tableWidth]);
  const columns = useMemo<VColumn<T>[]>(
    () => [
      ...(folded.length
        ? [
            {
              key: 'details',
              title: '',
              width: DETAILS_WIDTH,
              render: (r: T) => <RowDetails row={r} columns={folded} />,
            },
          ]
        : []),
      ...mainColumns.map((c) => ({
        key: c.key,
        title: c.title,
        width: c.width,
        align: c.align ?? 'left',
        sortable: Boolean(c.sortValue),
        render: c.render,
      })),
      {
        key: 'actions',
        title: '操作',
        width: ACTIONS_WIDTH,
        fixedRight: true,
        render: (r: T) => <RowActions row={r} config={config} onEdit={setEditing} onRemove={(x) => removeRef.current(x)} />,
      },
    ],
    [config, mainColumns, folded],
  );
  const tableHeight = useViewportRest(420, 260);
  // 打印: every row the filter shows (the screen's table only draws the visible ones), A4 landscape
  const [printing, setPrinting] = useState(false);
  const stopPrint = useCallback(() => setPrinting(false), []);
  // stable props: the entry form is memoized and must not re-render on each search keystroke
  const cancelEdit = useCallback(() => setEditing(null), []);
  const savedNote = useCallback((n: number) => `已添加 ${n} ${config.countWord}，可继续录入下一${config.countWord}`, [config.countWord]);
  const reloadQuietly = useCallback(() => void reload(true), [reload]);
  const rowClass = useCallback((r: T) => (r.id === justSaved ? 'row-just-saved' : ''), [justSaved]);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 520 }}>
      <h2 className="screen-title">
        {config.title}
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginLeft: 12 }}>
          {app.year}年度，共 {rows.length} {config.countWord}
        </Typography.Text>
        {config.sheetKind && (
          <span style={{ float: 'right', fontSize: 14, fontWeight: 400 }}>
            <SheetActions kind={config.sheetKind} onChanged={reloadQuietly} />
          </span>
        )}
      </h2>
      <Card size="small" title={editing ? `修改：${config.label(editing)}` : `新增${config.noun}`} style={{ marginBottom: 12 }}>
        <EntryForm
          fields={config.fields}
          year={app.year}
          editing={editingValues}
          sticky={config.sticky}
          onSubmit={onSubmit}
          onCancelEdit={cancelEdit}
          savedNote={savedNote}
        />
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ flex: 1, display: 'flex', flexDirection: 'column' }} styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column' } }}>
        <Space wrap style={{ marginBottom: 10 }}>
          <Select<string[]>
            mode="multiple"
            maxTagCount="responsive"
            aria-label={config.categoryFilter.placeholder}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={config.categoryFilter.placeholder}
            popupMatchSelectWidth={false}
            style={{ width: 240 }}
            value={filter.categories}
            options={config.categoryFilter.options}
            onChange={(v) => setFilter((f) => ({ ...f, categories: v ?? [] }))}
          />
          {config.outcomeFilter && (
            <Select
              aria-label={config.outcomeFilter.placeholder}
              allowClear
              placeholder={config.outcomeFilter.placeholder}
              style={{ width: 120 }}
              value={filter.outcome ?? undefined}
              options={config.outcomeFilter.options}
              onChange={(v?: string) => setFilter((f) => ({ ...f, outcome: v ?? null }))}
            />
          )}
          <Select
            aria-label="按村（社区）筛选"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部村（社区）"
            popupMatchSelectWidth={false}
            style={{ width: 150 }}
            value={filter.villageId ?? undefined}
            options={villageOptions}
            onChange={(v?: string) => setFilter((f) => ({ ...f, villageId: v ?? null }))}
          />
          <Select
            aria-label="按月份筛选"
            allowClear
            placeholder="全部月份"
            style={{ width: 110 }}
            value={filter.month ?? undefined}
            options={MONTHS}
            onChange={(v?: number) => setFilter((f) => ({ ...f, month: v ?? null }))}
          />
          <Input.Search
            aria-label="搜索"
            allowClear
            placeholder={config.searchPlaceholder ?? '搜索标题、备注、村名'}
            style={{ width: 220 }}
            value={filter.search}
            onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value }))}
          />
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} loading={printing} disabled={!shown.length}>
            打印
          </Button>
          {isFilterActive(filter) && (
            <>
              <Typography.Text type="secondary" data-testid="filter-count">
                筛选出 {shown.length} {config.countWord}
              </Typography.Text>
              <Button size="small" onClick={() => setFilter(EMPTY_FILTER)}>
                清除筛选
              </Button>
            </>
          )}
        </Space>
        <div ref={tableBox} style={{ width: '100%' }} />
        <VirtualTable<T>
          label={config.title}
          loading={loading && !data}
          columns={columns}
          rows={shown}
          height={tableHeight}
          sort={sort}
          onSort={setSort}
          rowClassName={rowClass}
          onRowDoubleClick={setEditing}
          emptyText={isFilterActive(filter) ? '没有符合筛选条件的记录' : `还没有${config.noun}，请在上方录入：填好一行按回车保存并接着录下一条；已有Excel表格可用右上角“从Excel导入”`}
        />
      </Card>
      {printing && (
        <PrintHost css={RECORD_PRINT_CSS} onDone={stopPrint}>
          <RecordPrint
            caption={`${app.unit.shortName} ${app.year}年度${config.title}（共${shown.length}${config.countWord}${isFilterActive(filter) ? '，已筛选' : ''}）`}
            columns={config.columns}
            rows={shown}
          />
        </PrintHost>
      )}
    </div>
  );
}
