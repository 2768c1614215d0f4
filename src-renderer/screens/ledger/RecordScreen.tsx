import { useCallback, useMemo, useState } from 'react';
import { Alert, Card, Typography } from 'antd';
import { PrintHost } from '../../components/PrintHost';
import { VirtualTable, type VColumn } from '../../components/VirtualTable';
import { RECORD_PRINT_CSS, RecordPrint } from './RecordPrint';
import { EntryForm } from './EntryForm';
import { SheetActions } from '../sheets/SheetActions';
import { isFilterActive } from './filter';
import { ACTIONS_WIDTH, DETAILS_WIDTH, RowActions, RowDetails, foldColumns, useViewportRest, useWidth } from './recordParts';
import { RecordFilters } from './RecordFilters';
import type { RecordConfig, RecordRow } from './recordTypes';
import { useRecords } from './useRecords';

export type { RecordColumn, RecordConfig, RecordRow } from './recordTypes';
export { foldColumns } from './recordParts';

/** The ledger and the mediation cases share one screen shape: entry form, filters, a virtual table. */
export function RecordScreen<T extends RecordRow>({ config }: { config: RecordConfig<T> }) {
  const r = useRecords(config);
  const { app, shown, filter, setEditing } = r;
  const [tableBox, tableWidth] = useWidth();
  // a scroll bar's width of slack, so a fit does not depend on whether one shows
  const { shown: mainColumns, folded } = useMemo(() => foldColumns(config.columns, tableWidth - 18), [config.columns, tableWidth]);
  const remove = r.remove;
  const columns = useMemo<VColumn<T>[]>(
    () => [
      ...(folded.length ? [{ key: 'details', title: '', width: DETAILS_WIDTH, render: (row: T) => <RowDetails row={row} columns={folded} /> }] : []),
      ...mainColumns.map((c) => ({ key: c.key, title: c.title, width: c.width, align: c.align ?? 'left', sortable: Boolean(c.sortValue), render: c.render })),
      {
        key: 'actions',
        title: '操作',
        width: ACTIONS_WIDTH,
        fixedRight: true,
        render: (row: T) => <RowActions row={row} config={config} onEdit={setEditing} onRemove={remove} />,
      },
    ],
    [config, mainColumns, folded, setEditing, remove],
  );
  const tableHeight = useViewportRest(420, 260);
  // 打印: every row the filter shows (the screen's table only draws the visible ones), A4 landscape
  const [printing, setPrinting] = useState(false);
  const stopPrint = useCallback(() => setPrinting(false), []);
  // stable props: the entry form is memoized and must not re-render on each search keystroke
  const cancelEdit = useCallback(() => setEditing(null), [setEditing]);
  const savedNote = useCallback((n: number) => `已添加 ${n} ${config.countWord}，可继续录入下一${config.countWord}`, [config.countWord]);
  const justSaved = r.justSaved;
  const rowClass = useCallback((row: T) => (row.id === justSaved ? 'row-just-saved' : ''), [justSaved]);

  // The title and the entry form do not change with a keystroke in the search box: the same
  // elements each render, which React skips (antd's Card and Typography are not free to re-render).
  const total = r.rows.length;
  const { editing, editingValues, onSubmit } = r;
  const header = useMemo(
    () => (
      <h2 className="screen-title">
        {config.title}
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginLeft: 12 }}>
          {app.year}年度，共 {total} {config.countWord}
        </Typography.Text>
        {config.sheetKind && (
          <span style={{ float: 'right', fontSize: 14, fontWeight: 400 }}>
            {/* an import's rows arrive through the query cache: nothing to reload here */}
            <SheetActions kind={config.sheetKind} />
          </span>
        )}
      </h2>
    ),
    [config, app.year, total],
  );
  const entry = useMemo(
    () => (
      <Card size="small" title={editing ? `修改：${config.label(editing)}` : `新增${config.noun}`} style={{ marginBottom: 12 }}>
        <EntryForm
          fields={config.fields}
          year={app.year}
          editing={editingValues}
          sticky={config.sticky}
          onSubmit={onSubmit}
          onCancelEdit={cancelEdit}
          savedNote={savedNote}
          noun={config.noun}
        />
      </Card>
    ),
    [config, app.year, editing, editingValues, onSubmit, cancelEdit, savedNote],
  );

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 520 }}>
      {header}
      {entry}
      {r.error && <Alert type="error" showIcon title={r.error} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ flex: 1, display: 'flex', flexDirection: 'column' }} styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column' } }}>
        <RecordFilters
          config={config}
          villages={app.unit.villages}
          filter={filter}
          setFilter={r.setFilter}
          shownCount={shown.length}
          printing={printing}
          onPrint={() => setPrinting(true)}
        />
        <div ref={tableBox} style={{ width: '100%' }} />
        <VirtualTable<T>
          label={config.title}
          loading={r.loading}
          columns={columns}
          rows={shown}
          height={tableHeight}
          sort={r.sort}
          onSort={r.setSort}
          rowClassName={rowClass}
          revealId={justSaved}
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
