/**
 * What may run in the box: each reading of a file the clerk brings in, bytes → plain data. Runs in
 * the box's worker thread only (boxEntry.ts); the rest of the app sees the types.
 */
import type { SourceDocument } from '../services/import/read';
import type { Grid } from '../spreadsheet/grid';
import type { StoreSnapshot } from '../store/types';

export interface FileInput {
  fileName: string;
  data: Uint8Array;
}

export interface BoxTasks {
  /** a report (.docx / .doc / .txt) → its lines */
  report: { input: FileInput; output: SourceDocument };
  /** a spreadsheet (.xlsx / .csv) → the grid of its first sheet with cells */
  sheet: { input: FileInput; output: Grid };
  /** a backup file → its validated content */
  backup: { input: { data: Uint8Array }; output: StoreSnapshot & { createdAt: string } };
}

export type BoxTask = keyof BoxTasks;

/** Runs one task in the current thread. The readers load on demand: each box reads one kind of file. */
export async function runTask<T extends BoxTask>(task: T, input: BoxTasks[T]['input']): Promise<BoxTasks[T]['output']> {
  switch (task) {
    case 'report': {
      const { readSource } = await import('../services/import/read');
      const i = input as FileInput;
      return (await readSource(i.fileName, i.data)) as BoxTasks[T]['output'];
    }
    case 'sheet': {
      const { readGrid } = await import('../spreadsheet/read');
      const i = input as FileInput;
      return (await readGrid(i.fileName, i.data)) as BoxTasks[T]['output'];
    }
    case 'backup': {
      const { decodeBackup } = await import('../store/backupFormat');
      return decodeBackup((input as { data: Uint8Array }).data) as BoxTasks[T]['output'];
    }
    default:
      throw new Error(`unknown box task ${String(task)}`);
  }
}
