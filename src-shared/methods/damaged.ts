/** Data files the store could not read, and what it repaired on its own. Handlers: src-main/services/handlers/damaged.ts. */
import * as z from 'zod';
import { yearField } from '../domain/text';
import { EVERYTHING } from './domains';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';
import type { YearSummary } from './years';

/** A data file the app cannot read (and could not restore from its automatic backups). */
export interface DamagedFile {
  fileName: string;
  /** full path, to show the clerk where it is */
  path: string;
  /** the year it holds; null for unit.json */
  year: number | null;
  /** what is wrong, in Chinese */
  message: string;
}

/** What a save is waiting for right now (a file another program holds, another 法治年报 saving). */
export interface WaitNotice {
  /** one Chinese sentence for the clerk, naming the file */
  message: string;
  /** the file being waited for (its name only) */
  file: string;
  /** ISO time the wait began */
  since: string;
}

export const DAMAGED_METHODS = {
  /** data files that cannot be read and have no usable automatic backup */
  'data.damaged': { input: z.object({}), output: returns<DamagedFile[]>(), read: true, callers: SCREEN_AND_CLI },
  /** keep the damaged file as a copy and start that year (null: the unit) empty */
  'data.startEmpty': {
    input: z.object({ year: yearField.nullable() }),
    output: returns<{ keptAs: string; year: YearSummary | null }>(),
    stale: EVERYTHING,
    callers: SCREEN,
  },
  /** what the store repaired on its own in this run (a file put back from a backup …), in Chinese */
  'data.notices': { input: z.object({}), output: returns<string[]>(), read: true, callers: SCREEN_AND_CLI },
  /**
   * what a save in this process has been waiting for longer than a moment, or null; asked while a
   * call is slow (src-shared/saving/waitWatch.ts). Never waits itself: it touches no file.
   */
  'data.waiting': { input: z.object({}), output: returns<WaitNotice | null>(), read: true, callers: SCREEN_AND_CLI },
} satisfies Declarations<'data'>;
