import type { ReactNode } from 'react';
import type { SheetKind } from '../../../src-shared/sheet/targets';
import type { FieldSpec, FormValues } from './EntryForm';
import type { RowAccess } from './filter';

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
  /** the cached read of the year's rows */
  listMethod: 'ledger.list' | 'mediation.list';
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
