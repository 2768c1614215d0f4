/**
 * Issue 23: a save that waits for a file another program holds says so, then goes through. The
 * built CLI runs as on Windows (test/store/windowsPreload.cjs: process.platform = win32, and the
 * rename onto the year file fails with EPERM, as MoveFileEx does, for as long as a "held" marker
 * exists — the test lets go only once the clerk has been told). The command must tell the wait on
 * stderr, finish with the entry saved, and keep its output clean.
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CLI, fazhi, requireBuiltCli } from '../support/fazhi';
import { tempDir } from '../support/tmp';

const PRELOAD = path.resolve('test/store/windowsPreload.cjs');
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-wait-'));
});
afterEach(() => cleanup());

it('a ledger add held up by a program holding the year file tells the wait, then saves the entry', async () => {
  const data = path.join(dir, 'data');
  expect((await fazhi('demo', '--data', data)).code).toBe(0);
  const held = path.join(dir, 'held-by-wps');
  writeFileSync(held, '');
  const fake = { renameFail: [{ match: 'year-2024.json', code: 'EPERM', whileFile: held }] };
  const child = spawn(process.execPath, ['--require', PRELOAD, CLI, 'ledger', 'add', '--data', data, '--year', '2024', '--date', '2024-06-18', '--category', '普法宣传', '--title', '等待释放后保存'], {
    env: { ...process.env, FAZHI_DATA_DIR: '', FAZHI_FAKE: JSON.stringify(fake) },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const told = new Promise<void>((resolve) =>
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      if (err.includes('正在等待其他程序释放文件')) resolve();
    }),
  );
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  // the command is still waiting (not failed) when it tells the clerk
  const first = await Promise.race([told.then(() => 'told'), exited.then((c) => `exited ${c}: ${err}`)]);
  expect(first).toBe('told');
  expect(err).toContain('year-2024.json');
  // the other program lets go: the save goes through
  rmSync(held);
  expect(await exited, err).toBe(0);
  expect(out).toMatch(/^[0-9a-z]+\s*$/);
  // told once, whatever the number of retries
  expect(err.match(/正在等待其他程序释放文件/g)).toHaveLength(1);
  const list = await fazhi('ledger', 'list', '--data', data, '--year', '2024', '--json');
  expect(list.stdout).toContain('等待释放后保存');
}, 120_000);

it('a save that is not held up tells nothing', async () => {
  const data = path.join(dir, 'data');
  expect((await fazhi('demo', '--data', data)).code).toBe(0);
  const r = await fazhi('ledger', 'add', '--data', data, '--year', '2024', '--date', '2024-06-18', '--category', '普法宣传', '--title', '直接保存');
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
});
