/**
 * A table that renders only the rows in view. antd's Table (even with `virtual`) reprocesses every
 * row of the data on each change, which made filtering 5,000 ledger rows take ~100 ms a keystroke;
 * here a filter change costs the filter itself plus the ~20 visible rows.
 */
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { CaretDownOutlined, CaretUpOutlined, IconProvider } from '@ant-design/icons';
import { Empty, Spin } from 'antd';
import './virtualTable.css';

export type SortOrder = 'ascend' | 'descend';

export interface VColumn<T> {
  key: string;
  title: ReactNode;
  width: number;
  align?: 'left' | 'right' | 'center';
  sortable?: boolean;
  /** stays visible at the right edge when the table scrolls sideways */
  fixedRight?: boolean;
  render: (row: T) => ReactNode;
}

export interface VirtualTableProps<T extends { id: string }> {
  columns: readonly VColumn<T>[];
  rows: readonly T[];
  height: number;
  sort: { key: string; order: SortOrder } | null;
  onSort: (next: { key: string; order: SortOrder } | null) => void;
  rowClassName?: (row: T) => string;
  onRowDoubleClick?: (row: T) => void;
  emptyText: ReactNode;
  loading?: boolean;
  label: string;
  /** a row to bring into view once (the entry just saved, among hundreds of imported ones) */
  revealId?: string | null;
}

const ROW_HEIGHT = 39;

// The icons' style sheet is in the page once the header's sort icons are: each icon entering the
// rows would otherwise look for it among the page's style elements as it mounts (dozens per filter
// keystroke).
const ICONS_STYLED = { zeroRuntime: true };

function nextOrder(current: SortOrder | undefined): SortOrder | null {
  return current === undefined ? 'ascend' : current === 'ascend' ? 'descend' : null;
}

interface RowProps<T> {
  row: T;
  columns: readonly VColumn<T>[];
  template: string;
  top: number;
  className: string;
  onDoubleClick?: ((row: T) => void) | undefined;
}

// Memoized: a filter change re-renders only rows whose data or position changed.
const Row = memo(function Row<T>({ row, columns, template, top, className, onDoubleClick }: RowProps<T>) {
  return (
    <div
      role="row"
      className={`fz-vt-row ${className}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      onDoubleClick={onDoubleClick ? () => onDoubleClick(row) : undefined}
    >
      {columns.map((c) => (
        <div key={c.key} role="cell" className={`fz-vt-cell${c.fixedRight ? ' fz-vt-fixed' : ''}`} style={{ textAlign: c.align ?? 'left' }}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}) as <T>(p: RowProps<T>) => ReactNode;

export function VirtualTable<T extends { id: string }>(props: VirtualTableProps<T>) {
  const { columns, rows, height, sort, onSort, rowClassName, onRowDoubleClick, emptyText, loading, label, revealId } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const template = columns.map((c) => `${c.width}px`).join(' ');
  const totalWidth = columns.reduce((n, c) => n + c.width, 0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // jsdom has no layout: start with a viewport so tests see the first rows
    initialRect: { width: totalWidth, height },
  });

  // scroll to a newly saved row once; afterwards the clerk scrolls where they like
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!revealId || revealed.current === revealId) return;
    const at = rows.findIndex((r) => r.id === revealId);
    if (at < 0) return;
    revealed.current = revealId;
    virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [revealId, rows, virtualizer]);

  return (
    <div className="fz-vt" role="table" aria-label={label} aria-rowcount={rows.length}>
      <div ref={scrollRef} className="fz-vt-scroll" style={{ height }}>
        <div style={{ minWidth: totalWidth }}>
          <div role="row" className="fz-vt-head" style={{ gridTemplateColumns: template }}>
            {columns.map((c) => {
              const order = sort?.key === c.key ? sort.order : undefined;
              return (
                <div
                  key={c.key}
                  role="columnheader"
                  aria-sort={order === 'ascend' ? 'ascending' : order === 'descend' ? 'descending' : 'none'}
                  className={`fz-vt-th${c.sortable ? ' is-sortable' : ''}${c.fixedRight ? ' fz-vt-fixed' : ''}`}
                  style={{ textAlign: c.align ?? 'left' }}
                  tabIndex={c.sortable ? 0 : undefined}
                  onClick={c.sortable ? () => onSort(nextOrder(order) ? { key: c.key, order: nextOrder(order)! } : null) : undefined}
                  onKeyDown={c.sortable ? (e) => (e.key === 'Enter' || e.key === ' ') && onSort(nextOrder(order) ? { key: c.key, order: nextOrder(order)! } : null) : undefined}
                >
                  <span>{c.title}</span>
                  {c.sortable && (
                    <span className="fz-vt-sorter" aria-hidden>
                      <CaretUpOutlined className={order === 'ascend' ? 'on' : ''} />
                      <CaretDownOutlined className={order === 'descend' ? 'on' : ''} />
                    </span>
                  )}
                </div>
              );
            })}
          </div>
          {rows.length === 0 ? (
            <div className="fz-vt-empty">{loading ? <Spin /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />}</div>
          ) : (
            <div role="rowgroup" className="fz-vt-body" style={{ height: virtualizer.getTotalSize() }}>
              <IconProvider value={ICONS_STYLED}>
                {virtualizer.getVirtualItems().map((v) => {
                  const row = rows[v.index]!;
                  return (
                    // keyed by place, not by row: when a filter changes which rows show, each place's
                    // elements stay and only their text changes (state that belongs to one row, as
                    // an open confirmation, is kept with that row's id by the cell itself)
                    <Row
                      key={v.index}
                      row={row}
                      columns={columns}
                      template={template}
                      top={v.start}
                      className={rowClassName?.(row) ?? ''}
                      onDoubleClick={onRowDoubleClick}
                    />
                  );
                })}
              </IconProvider>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
