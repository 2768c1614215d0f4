import { useEffect, useRef, useState } from 'react';
import { Popconfirm, Popover } from 'antd';
import { DeleteOutlined, DownOutlined, EditOutlined } from '@ant-design/icons';
import type { RecordColumn, RecordConfig, RecordRow } from './recordTypes';

/** The width the table has, followed as the window changes (1024×768 → secondary columns fold away). */
export function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
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

export const DETAILS_WIDTH = 40;
export const ACTIONS_WIDTH = 150;

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

/**
 * 展开详情: the folded columns of one row. A plain button until it is clicked (the popover then
 * mounts open), as the delete confirmation below: dozens of rows enter the view on each filter
 * keystroke, and an antd Popover with its Button per row was most of what a keystroke cost.
 */
export function RowDetails<T>({ row, columns }: { row: T; columns: RecordColumn<T>[] }) {
  // the table keeps a place's elements when another row comes to it: open for this row only,
  // and closed for good once another row has taken the place
  const [openFor, setOpenFor] = useState<T | null>(null);
  if (openFor !== null && openFor !== row) setOpenFor(null);
  const open = openFor === row;
  const setOpen = (o: boolean) => setOpenFor(o ? row : null);
  // the button is a new element once the popover wraps it: the focus goes with it
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);
  const button = (
    // open, the popover's own trigger closes it on a second click
    <button ref={ref} type="button" className="fz-row-action" aria-label="展开详情" aria-expanded={open} onClick={open ? undefined : () => setOpen(true)}>
      <DownOutlined />
    </button>
  );
  if (!open) return button;
  return (
    <Popover
      open
      onOpenChange={(o) => !o && setOpen(false)}
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
      {button}
    </Popover>
  );
}

/** Height left in the window below the form and filters, so the table scrolls, not the page. */
export function useViewportRest(reserved: number, min: number): number {
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
export function RowActions<T extends RecordRow>({ row, config, onEdit, onRemove }: { row: T; config: RecordConfig<T>; onEdit: (r: T) => void; onRemove: (r: T) => void }) {
  // the table keeps a place's elements when another row comes to it: asking for this row only,
  // and no longer once another row has taken the place
  const [askingFor, setAskingFor] = useState<string | null>(null);
  if (askingFor !== null && askingFor !== row.id) setAskingFor(null);
  const asking = askingFor === row.id;
  const setAsking = (a: boolean) => setAskingFor(a ? row.id : null);
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
