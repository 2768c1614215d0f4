/**
 * The desktop shell's refusals reach the renderer as plain Errors wrapped by Electron's ipc
 * ("Error invoking remote method '…': Error: 文件过大…"). Their Chinese sentence is the clerk's
 * message; an English one (a fault) stays an unexpected error, which the screens word in Chinese.
 */
import { expect, it } from 'vitest';
import { shellError } from '../../src-renderer/api/platform';
import { AppError } from '../../src-shared/errors';

it('keeps the shell’s Chinese sentence, without Electron’s wrapping, as the message to show', () => {
  const e = shellError(new Error("Error invoking remote method 'fazhi:open-file': Error: 文件过大（超过 50 MB），请确认选择了正确的文件"));
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).message).toBe('文件过大（超过 50 MB），请确认选择了正确的文件');
  expect((shellError(new Error('无法写入：文件夹是只读的')) as AppError).message).toBe('无法写入：文件夹是只读的');
});

it('leaves an English fault and an AppError as they are', () => {
  const fault = new Error("Error invoking remote method 'fazhi:print': TypeError: Cannot read properties of undefined");
  expect(shellError(fault)).toBe(fault);
  const app = new AppError('IO', '已取消');
  expect(shellError(app)).toBe(app);
});
