import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { bundleChild } from '../support/bundleChild';
import { removeDir, tempDir } from './fixtures';

/** A backup (or export) killed while it is being saved leaves no hidden temp file where the clerk saved it. */

let work: string;
beforeAll(async () => {
  work = await tempDir('fazhi-outside-');
});
afterAll(() => removeDir(work));

it('the next start removes the hidden temp file a killed save left in the destination', async () => {
  const child = await bundleChild(path.join(__dirname, 'saveOutsideChild.ts'), work);
  const dataDir = path.join(work, 'data');
  const dest = path.join(work, 'usb');
  await fsp.mkdir(dataDir);
  await fsp.mkdir(dest);
  await openStore(dataDir);
  let caught = false;
  for (let attempt = 0; attempt < 5 && !caught; attempt++) {
    const p = spawn(process.execPath, [child, path.join(dest, '法治年报备份.json'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((r) => p.on('exit', r));
    // kill as soon as the hidden temp file is there (the write of 96 MB is under way)
    for (let i = 0; i < 2000 && p.exitCode === null; i++) {
      if ((await fsp.readdir(dest)).some((n) => n.startsWith('.') && n.endsWith('.tmp'))) {
        p.kill('SIGKILL');
        caught = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    await exited;
    if (!caught) await fsp.rm(path.join(dest, '法治年报备份.json'), { force: true });
  }
  expect(caught).toBe(true);
  expect((await fsp.readdir(dest)).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
  expect(await fsp.readdir(dest)).not.toContain('法治年报备份.json');
  await openStore(dataDir);
  expect(await fsp.readdir(dest)).toEqual([]);
  expect((await fsp.readdir(dataDir)).filter((n) => n.endsWith('.pending'))).toEqual([]);
});
