import { describe, expect, it } from 'vitest';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeError } from '../../src-shared/errors';
import { fileErrorMessage } from '../../src-shared/fileErrors';

const CODES = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EBUSY', 'EEXIST', 'ENOENT', 'EISDIR', 'ENAMETOOLONG', 'EIO', 'EMFILE', 'EFBIG', 'EWHATEVER'];

describe('file errors in Chinese', () => {
  it.each(CODES)('%s says what happened and what to do, without the English', (code) => {
    const m = fileErrorMessage(code, '保存 year-2024.json', 'D:\\法治年报\\data\\year-2024.json');
    expect(m).toMatch(/^保存 year-2024\.json失败/);
    expect(m).toMatch(/请/); // what to do
    expect(m).not.toMatch(/no space|permission denied|read-only file system|file exists/i);
    expect(m.endsWith('。')).toBe(true);
  });

  it('says where: the folder for a full or read-only disk', () => {
    expect(fileErrorMessage('ENOSPC', '保存', '/media/usb/备份.json')).toContain('（/media/usb）');
    expect(fileErrorMessage('EROFS', '保存', 'E:\\备份\\a.json')).toContain('（E:\\备份）');
  });

  it('a raw node error that reaches the transports comes out in Chinese', async () => {
    const err = await fsp.readFile(path.join(os.tmpdir(), 'fazhi-no-such-dir', 'x.json')).catch((e: unknown) => e);
    const s = serializeError(err);
    expect(s.code).toBe('IO');
    expect(s.message).toContain('找不到文件或文件夹');
    expect(s.message).not.toMatch(/ENOENT|no such file/);
  });
});
