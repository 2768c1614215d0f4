/** Messages between the app and its box process (box.ts ↔ boxEntry.ts). */
import type { SerializedError } from '../../src-shared/errors';
import type { BoxTask } from './tasks';

export interface BoxRequest {
  /** a reply carries its request's id */
  id: number;
  task: BoxTask;
  input: unknown;
}

export type BoxOutcome =
  | { ok: true; value: unknown }
  /** the reader refused the file with its own message (a Chinese AppError) */
  | { ok: false; error: SerializedError }
  /** the box stopped the reading (memory, a crash of the reader); the box process ends after it */
  | { ok: false; refused: string };

export type BoxReply = BoxOutcome & { id: number };
