/** Errors meant for the user; zod-free so the renderer can revive them without the validation library. */
import { errnoCode, fileErrorMessage } from './fileErrors';

export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CORRUPT_RECOVERED'
  | 'CORRUPT_UNRECOVERABLE'
  | 'IO'
  | 'MISSING_VALUE'
  | 'INTERNAL';

/** An error meant for the user: `message` is one Chinese sentence that can be shown as is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Messages may quote what the user typed; a 100k-character paste must not come back whole. */
export function clip(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof AppError) return { code: err.code, message: clip(err.message), details: err.details };
  // a file error that no handler translated: still Chinese, never "ENOSPC: no space left…"
  const code = errnoCode(err);
  if (code) {
    const where = typeof (err as { path?: unknown }).path === 'string' ? (err as { path: string }).path : undefined;
    return { code: 'IO', message: clip(fileErrorMessage(code, '读写文件', where)), details: { code } };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: clip(`内部错误：${message}`) };
}

export function reviveError(e: SerializedError): AppError {
  return new AppError(e.code, e.message, e.details);
}
