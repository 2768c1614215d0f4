import { AppError } from '../../src-shared/errors';

/** The Chinese sentence to show for anything a call may throw. */
export function errorText(err: unknown): string {
  if (err instanceof AppError) return err.message;
  if (err instanceof Error) return `出现错误：${err.message}`;
  return '出现未知错误';
}
