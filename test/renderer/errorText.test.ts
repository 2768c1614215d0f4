/** What a screen shows for a failure: the service's own Chinese sentence, never a raw English message. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { errorText } from '../../src-renderer/components/errors';

const LATIN_WORD = /[A-Za-z]{3,}/;

afterEach(() => vi.restoreAllMocks());

describe('errorText', () => {
  it('shows an AppError as the service worded it', () => {
    expect(errorText(new AppError('VALIDATION', '单位简称不能为空'))).toBe('单位简称不能为空');
  });

  it('turns a non-app error into Chinese and keeps the English detail for the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bug = new TypeError("Cannot read properties of undefined (reading 'name')");
    const net = new TypeError('Failed to fetch');
    for (const err of [bug, net, new Error('ENOSPC: no space left on device'), 'boom', undefined]) {
      const shown = errorText(err);
      expect(shown).toMatch(/[\u4e00-\u9fff]/);
      expect(shown).not.toMatch(LATIN_WORD);
    }
    expect(errorText(net)).toContain('无法连接');
    // an error raised with a Chinese sentence (the desktop shell's refusals) shows as written, unless English hides in it
    expect(errorText(new Error('文件过大（超过 60 MB），请确认选择了正确的 Word 文件'))).toBe('文件过大（超过 60 MB），请确认选择了正确的 Word 文件');
    expect(errorText(new Error('保存失败：EACCES: permission denied'))).not.toMatch(LATIN_WORD);
    expect(warn).toHaveBeenCalledWith(expect.any(String), bug);
  });
});
