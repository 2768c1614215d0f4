import { AppError } from '../../src-shared/errors';

/** Names the clerk knows, allowed among Chinese words. */
const KNOWN_NAMES = /Word|Excel|WPS|PDF|docx|xlsx|csv|[KMG]B/g;

/** A Chinese sentence, with no English words or error codes in it (ENOSPC, TypeError …). */
function readable(message: string): boolean {
  return /[\u4e00-\u9fff]/.test(message) && !/[A-Za-z]{3,}/.test(message.replace(KNOWN_NAMES, ''));
}

/**
 * The Chinese sentence to show for anything a call may throw. A service's AppError carries its
 * own sentence; anything else (a bug in a screen, a browser error such as "Failed to fetch") has an
 * English message the clerk cannot act on, so she gets a Chinese one and the detail goes to the
 * console for whoever looks into it (a warning: the page's own error log stays for real faults).
 */
export function errorText(err: unknown): string {
  if (err instanceof AppError) return err.message;
  // the desktop shell's own refusals (a file too large to open) are written in Chinese already
  if (err instanceof Error && readable(err.message)) return err.message;
  console.warn('法治年报：未预料的错误', err);
  if (err instanceof TypeError && /fetch|network/i.test(err.message)) return '无法连接法治年报的后台服务，请稍后重试；如一直如此，请关闭后重新打开法治年报';
  return '操作未能完成（程序内部错误），请重试；如一直如此，请关闭后重新打开法治年报';
}
