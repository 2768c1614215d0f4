/** The app itself and its demo data. Handlers: src-main/services/handlers/app.ts. */
import * as z from 'zod';
import { EVERYTHING } from './domains';
import { returns, SCREEN_AND_CLI, type Declarations } from './declare';
import type { YearSummary } from './years';

export interface AppInfo {
  version: string;
  dataDir: string;
}

export const APP_METHODS = {
  'app.info': { input: z.object({}), output: returns<AppInfo>(), read: true, callers: SCREEN_AND_CLI },
  /** 横街镇 2024 into an empty folder; `force` replaces what is there (the current data to backups/ first) */
  'demo.create': { input: z.object({ force: z.boolean().default(false) }), output: returns<YearSummary>(), stale: EVERYTHING, callers: SCREEN_AND_CLI },
} satisfies Declarations<'app' | 'demo'>;
