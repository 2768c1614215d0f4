/**
 * The CLI as Windows PowerShell 5.1 reads it: a redirected or piped program's bytes are decoded
 * with the console code page (936 on a Chinese Windows). With FAZHI_OUTPUT_ENCODING=gbk the
 * built CLI writes GB18030, so the same Chinese comes out on that side; the default stays UTF-8.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, fazhi, requireBuiltCli } from '../support/fazhi';
import { tempDir } from '../support/tmp';

const exec = promisify(execFile);
let dir: string;
let cleanup: () => Promise<void>;
let data: string;

/** stdout and stderr as raw bytes, as PowerShell receives them */
async function raw(env: Record<string, string>, ...args: string[]) {
  try {
    const r = await exec(process.execPath, [CLI, ...args], { env: { ...process.env, FAZHI_DATA_DIR: '', ...env }, encoding: 'buffer' });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: Buffer; stderr: Buffer };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-console-'));
  data = path.join(dir, 'data');
  expect((await fazhi('demo', '--data', data)).code).toBe(0);
});
afterAll(() => cleanup());

describe('fazhi output for a GBK console (PowerShell 5.1)', () => {
  it('FAZHI_OUTPUT_ENCODING=gbk: the outline decodes as GBK to the same Chinese the UTF-8 default gives', async () => {
    const utf8 = await raw({}, 'report', 'show', '--data', data, '--year', '2024');
    const gbk = await raw({ FAZHI_OUTPUT_ENCODING: 'gbk' }, 'report', 'show', '--data', data, '--year', '2024');
    expect(utf8.code).toBe(0);
    expect(gbk.code).toBe(0);
    const text = utf8.stdout.toString('utf8');
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(new TextDecoder('gbk').decode(gbk.stdout)).toBe(text);
    // and it really is not UTF-8 any more: read as UTF-8 it is mojibake
    expect(gbk.stdout.equals(utf8.stdout)).toBe(false);
  });

  it('the error line too', async () => {
    const r = await raw({ FAZHI_OUTPUT_ENCODING: 'GB18030' }, 'report', 'show', '--data', data, '--year', '2031');
    expect(r.code).not.toBe(0);
    expect(new TextDecoder('gb18030').decode(r.stderr)).toMatch(/2031/);
    expect(new TextDecoder('gb18030').decode(r.stderr)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('an encoding it cannot write is refused in Chinese', async () => {
    const r = await raw({ FAZHI_OUTPUT_ENCODING: 'latin1' }, 'report', 'show', '--data', data, '--year', '2024');
    expect(r.code).toBe(2);
    expect(r.stderr.toString('utf8')).toContain('FAZHI_OUTPUT_ENCODING');
    expect(r.stdout.length).toBe(0);
  });
});
