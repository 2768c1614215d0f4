import { AppError } from '../../src-shared/errors';

/**
 * The Chinese sentence to show for anything a call may throw. A service's AppError carries its
 * own sentence; anything else (a bug in a screen, a browser error such as "Failed to fetch") has an
 * English message the clerk cannot act on, so she gets a Chinese one and the detail goes to the
 * console for whoever looks into it (a warning: the page's own error log stays for real faults).
 */
export function errorText(err: unknown): string {
  if (err instanceof AppError) return err.message;
  console.warn('法治年报：未预料的错误', err);
  if (err instanceof TypeError && /fetch|network/i.test(err.message)) return '无法连接法治年报的后台服务，请稍后重试；如一直如此，请关闭后重新打开法治年报';
  return '操作未能完成（程序内部错误），请重试；如一直如此，请关闭后重新打开法治年报';
}
