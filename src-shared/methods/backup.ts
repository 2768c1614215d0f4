/** 备份 and 恢复 of the whole data folder. Handlers: src-main/services/handlers/backup.ts. */
import * as z from 'zod';
import { EVERYTHING } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';
import { fileBytes, type FilePayload } from './files';
import type { YearSummary } from './years';

export interface BackupPreview {
  createdAt: string;
  unitName: string;
  years: YearSummary[];
  current: { unitName: string | null; years: YearSummary[] };
}

export const BACKUP_METHODS = {
  'backup.create': { input: z.object({}), output: returns<FilePayload>(), stale: [], callers: SCREEN_AND_CLI },
  /** what a backup file holds beside what the folder holds now; restores nothing */
  'backup.inspect': { input: z.object({ data: fileBytes }), output: returns<BackupPreview>(), stale: [], callers: SCREEN },
  'backup.restore': { input: z.object({ data: fileBytes }), output: returns<BackupPreview>(), stale: EVERYTHING, callers: SCREEN_AND_CLI },
} satisfies Declarations<'backup'>;
