/**
 * The files a clerk opens, by kind, and the one size bound each kind has. The bound is checked on the
 * file's size before a byte is read — in the desktop shell (main) before it reads the file for the
 * renderer, in the browser before `arrayBuffer()` — and again by the services on what arrives. Each
 * kind's sentence lives with its kind (import, sheet, backup); this module only picks it, so the shell
 * never has a bound of its own (it had one: 50 MB, which refused a 60 MB backup the restore accepts).
 */
import { backupFileTooBig } from './backup/size';
import { importFileTooBig } from './import/types';
import { sheetFileTooBig } from './sheet/targets';

export const OPENED_KINDS = ['report', 'sheet', 'backup'] as const;
/** report: last year's report (导入报告); sheet: an Excel/CSV ledger; backup: a 法治年报 backup. */
export type OpenedKind = (typeof OPENED_KINDS)[number];

export const isOpenedKind = (v: unknown): v is OpenedKind => typeof v === 'string' && (OPENED_KINDS as readonly string[]).includes(v);

/** The refusal of a file of `kind` that is `bytes` long, in the words of that kind; null when it may be read. */
export function openedFileTooBig(kind: OpenedKind, bytes: number): string | null {
  switch (kind) {
    case 'report':
      return importFileTooBig(bytes);
    case 'sheet':
      return sheetFileTooBig(bytes);
    case 'backup':
      return backupFileTooBig(bytes);
  }
}
