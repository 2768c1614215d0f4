import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { errorText } from '../../components/errors';
import { typingTarget } from '../../components/typingTarget';
import { failureText, setMethodData, useMethodQuery } from '../../api/queries';
import { useApp } from '../../state/app';
import type { FormValues } from './EntryForm';
import { EMPTY_FILTER, filterRows, narrows, sortRows, type RowFilter, type SortSpec } from './filter';
import type { RecordConfig, RecordRow } from './recordTypes';

/**
 * The data and actions of 活动台账 / 调解案件: the year's rows (a cached query, so an import or a
 * change elsewhere shows here), filter and sort, add / edit, delete with undo (Ctrl+Z).
 */
export function useRecords<T extends RecordRow>(config: RecordConfig<T>) {
  const app = useApp();
  const { year } = app;
  const { message } = AntApp.useApp();
  const list = useMethodQuery(config.listMethod, { year });
  const data = list.data as T[] | undefined;
  const rows = useMemo(() => data ?? [], [data]);
  /** a change's answer shows at once; the refetch the change caused (api/queries.ts) confirms it */
  const setRows = useCallback(
    (y: number, fn: (prev: T[]) => T[]) => setMethodData(config.listMethod, { year: y }, (prev) => (prev ? (fn(prev as unknown as T[]) as unknown as typeof prev) : prev)),
    [config.listMethod],
  );

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

  // sort once per data or column change; a keystroke in the search box only filters the sorted
  // list (sorting 5,000 rows with the Chinese collator is what made typing slow)
  const sorted = useMemo(() => {
    const col = (key: string) => config.columns.find((c) => c.key === key);
    return sortRows(rows, sort, (r, key) => col(key)?.sortValue?.(r));
  }, [rows, sort, config]);
  // typing on in the search box only narrows what is shown: the rows shown before are filtered
  // again rather than all 5,000 (the same sorted list and config, a filter that narrows)
  const lastShown = useRef<{ sorted: T[]; filter: RowFilter; config: RecordConfig<T>; shown: T[] } | null>(null);
  const shown = useMemo(() => {
    const last = lastShown.current;
    const from = last && last.sorted === sorted && last.config === config && narrows(last.filter, filter) ? last.shown : sorted;
    const out = filterRows(from, filter, config.access);
    lastShown.current = { sorted, filter, config, shown: out };
    return out;
  }, [sorted, filter, config]);

  const onSubmit = useCallback(
    async (values: FormValues) => {
      if (editing) {
        const saved = await config.update(year, editing.id, values);
        setRows(year, (prev) => prev.map((r) => (r.id === saved.id ? saved : r)));
        setEditing(null);
        setJustSaved(saved.id);
        message.success(`已保存修改：${config.label(saved)}`);
      } else {
        const saved = await config.add(year, values);
        setRows(year, (prev) => [...prev, saved]);
        setJustSaved(saved.id);
      }
    },
    [editing, config, year, setRows, message],
  );

  const undoCount = useRef(0);
  // deletions of this visit, newest last: Ctrl+Z and each message's 撤销 take them back
  // (each with its year: the clerk may have switched years since)
  const deletions = useRef<Array<{ row: T; key: string; year: number }>>([]);
  const undoDelete = async (key: string) => {
    const i = deletions.current.findIndex((d) => d.key === key);
    if (i < 0) return;
    const [{ row, year: y }] = deletions.current.splice(i, 1) as [{ row: T; key: string; year: number }];
    message.destroy(key);
    try {
      const back = await config.restore(y, row);
      setRows(y, (prev) => [...prev, back]);
      message.success(`已撤销删除：${config.label(back)}`);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const undoRef = useRef(undoDelete);
  undoRef.current = undoDelete;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      if (e.defaultPrevented || typingTarget(e.target)) return;
      const last = deletions.current[deletions.current.length - 1];
      if (!last) return;
      e.preventDefault();
      void undoRef.current(last.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const remove = async (row: T) => {
    try {
      const removed = await config.remove(year, row.id);
      setRows(year, (prev) => prev.filter((r) => r.id !== row.id));
      if (editing?.id === row.id) setEditing(null);
      const key = `undo-${++undoCount.current}`;
      deletions.current.push({ row: removed, key, year });
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <span>
            已删除“{config.label(removed)}”
            <Button type="link" size="small" onClick={() => void undoRef.current(key)}>
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
  const stableRemove = useCallback((r: T) => void removeRef.current(r), []);

  return {
    app,
    rows,
    loading: list.isPending,
    error: failureText(list),
    filter,
    setFilter,
    sort,
    setSort,
    shown,
    editing,
    setEditing,
    editingValues,
    justSaved,
    onSubmit,
    remove: stableRemove,
  };
}
