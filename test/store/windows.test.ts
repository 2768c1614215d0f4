import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { createBackupFile } from '../../src-main/store/backupFile';
import { bundleChild } from '../support/bundleChild';
import { makeEntry, makeUnit, makeYear, removeDir, tempDir } from './fixtures';

/**
 * The store fed what Windows gives it (nothing here runs Windows): each child process starts
 * with process.platform = 'win32' set before any module loads (windowsPreload.cjs), so the store
 * takes its Windows paths — a lock holds a pid and no start time, a directory cannot be synced,
 * a rename onto a file another program holds fails with EPERM or UNKNOWN. Every case must end
 * saved, or with a Chinese message; never stuck, never silently lost.
 */

let work: string;
let childJs: string;
const preload = path.join(__dirname, 'windowsPreload.cjs');
beforeAll(async () => {
  work = await tempDir('fazhi-win-');
  childJs = await bundleChild(path.join(__dirname, 'windowsChild.ts'), work);
});
afterAll(async () => removeDir(work));

interface Step {
  step: string;
  ok?: boolean;
  message?: string;
  waits?: string[];
  notices?: string[];
  platform?: string;
  start?: string | null;
  ns?: string | null;
}

function runAsWindows(args: string[], fake: object = {}): Promise<Step[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--require', preload, childJs, ...args], {
      env: { ...process.env, FAZHI_FAKE: JSON.stringify(fake) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    p.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      const steps = out.trim().split('\n').map((l) => JSON.parse(l) as Step);
      // the store saw a Windows machine: no start time, no namespace
      expect(steps[0]).toEqual({ step: 'machine', platform: 'win32', start: null, ns: null });
      resolve(steps);
    });
  });
}

const bootTime = () => Date.now() - Math.round(os.uptime() * 1000);
const DAY = 24 * 3600_000;

let dataDir: string;
let n = 0;
beforeEach(async () => {
  dataDir = path.join(work, `d${++n}`);
  await fsp.mkdir(dataDir);
  const s = await openStore(dataDir);
  await s.updateUnit(() => makeUnit());
  await s.createYear(makeYear(2024, 2));
});

const lockPath = () => path.join(dataDir, 'year-2024.json.lock');
async function plantLock(fields: Record<string, unknown>, ageMs: number): Promise<void> {
  await fsp.writeFile(lockPath(), JSON.stringify({ host: os.hostname(), start: null, at: Date.now() - ageMs, token: 'abcdefabcdef0123', ...fields }));
  const t = new Date(Date.now() - ageMs);
  await fsp.utimes(lockPath(), t, t);
}
async function ids(): Promise<string[]> {
  return (await (await openStore(dataDir)).readYear(2024))!.ledger.map((e) => e.id);
}
const addStep = (steps: Step[]) => steps.find((s) => s.step === 'add')!;

describe('locks as Windows writes them', () => {
  it('left 3 days ago by a save cut off, its pid now a live unrelated process: broken, saved', async () => {
    // the previous release's Windows lock: pid, computer name, no start time, no boot moment
    await plantLock({ pid: process.pid }, 3 * DAY);
    expect(addStep(await runAsWindows([dataDir, 'add']))).toMatchObject({ ok: true });
    expect(await ids()).toEqual(['e0', 'e1', 'w-1']);
    await expect(fsp.stat(lockPath())).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);

  it('older than the last boot (this release\'s format), pid alive: broken, saved', async () => {
    await plantLock({ pid: process.pid, boot: bootTime() - 3 * DAY, ns: null }, 3 * DAY);
    expect(addStep(await runAsWindows([dataDir, 'add']))).toMatchObject({ ok: true });
    expect(await ids()).toContain('w-1');
  }, 60_000);

  it('with the app\'s own pid and a token it does not hold (a crashed run that had the same pid): broken at once, saved', async () => {
    expect(addStep(await runAsWindows([dataDir, 'own-pid-add']))).toMatchObject({ ok: true });
    expect(await ids()).toContain('w-1');
  }, 60_000);

  it('of a system process that answers "access denied", fresh when the save starts: waited for, then broken once its heartbeat is missing', async () => {
    // pid 4 is System on Windows; OpenProcess on it fails with access denied (EPERM here)
    await plantLock({ pid: 4, boot: bootTime(), ns: null }, 0);
    const steps = await runAsWindows([dataDir, 'add'], { accessDenied: [4] });
    expect(addStep(steps)).toMatchObject({ ok: true });
    // the clerk was told what the save waits for, rather than shown a failure
    expect(addStep(steps).waits!.join('')).toContain('正在等待另一个法治年报程序保存完毕…');
    expect(await ids()).toContain('w-1');
  }, 120_000);

  it('of a live reused pid, not refreshed for a minute: broken, saved', async () => {
    await plantLock({ pid: process.pid, boot: bootTime(), ns: null }, 60_000);
    expect(addStep(await runAsWindows([dataDir, 'add']))).toMatchObject({ ok: true });
    expect(await ids()).toContain('w-1');
  }, 60_000);
});

describe('temp files, which a leading dot does not hide on Windows', () => {
  it('are made in a hidden folder (attrib +h) and never beside the data files; another writer\'s leftover there is fenced off', async () => {
    const held = path.join(work, `held-${n}`);
    const attribLog = path.join(work, `attrib-${n}.log`);
    await fsp.writeFile(held, '');
    // a temp file a killed writer left for the same data file, in the hidden folder
    const tmpDir = path.join(dataDir, '.fazhi-tmp');
    await fsp.mkdir(tmpDir);
    const leftover = path.join(tmpDir, '.year-2024.json.0badc0de-99999.0123456789ab.tmp');
    await fsp.writeFile(leftover, 'half a save');
    const run = runAsWindows([dataDir, 'add'], { renameFail: [{ match: 'year-2024.json', code: 'EPERM', whileFile: held }], attribLog });
    // while the save waits on its rename, its temp file is in the hidden folder, not beside the data
    let inside: string[] = [];
    for (let i = 0; i < 200 && !inside.some((f) => f.endsWith('.tmp') && f !== path.basename(leftover)); i++) {
      await new Promise((r) => setTimeout(r, 50));
      inside = await fsp.readdir(tmpDir);
    }
    expect(inside.filter((f) => f.startsWith('.year-2024.json.') && f.endsWith('.tmp'))).toHaveLength(1);
    expect((await fsp.readdir(dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await fsp.rm(held);
    const steps = await run;
    expect(addStep(steps)).toMatchObject({ ok: true });
    expect(await ids()).toEqual(['e0', 'e1', 'w-1']);
    expect(await fsp.readdir(tmpDir)).toEqual([]);
    expect((await fsp.readFile(attribLog, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as string[])).toContainEqual(['+h', tmpDir]);
  }, 90_000);

  it('a save outside the data folder (an export) leaves nothing of ours in the clerk\'s folder', async () => {
    const desk = path.join(work, `desk-${n}`);
    await fsp.mkdir(desk);
    const steps = await runAsWindows([dataDir, 'outside', desk], { attribLog: path.join(work, `attrib-o-${n}.log`) });
    expect(steps.find((s) => s.step === 'outside')).toMatchObject({ ok: true });
    expect(await fsp.readdir(desk)).toEqual(['报告.docx']);
    // its note in the data folder's hidden folder is gone too
    expect(await fsp.readdir(path.join(dataDir, '.fazhi-tmp')).catch(() => [])).toEqual([]);
  }, 60_000);
});

describe('renames onto a file another program holds', () => {
  for (const [code, ms] of [
    ['EPERM', 3_000],
    ['UNKNOWN', 2_000],
    ['EBUSY', 5_000],
  ] as const) {
    it(`failing with ${code} for ${ms / 1000} s: the save waits, says so, and lands`, async () => {
      const steps = await runAsWindows([dataDir, 'add'], { renameFail: [{ match: 'year-2024.json', code, forMs: ms }] });
      expect(addStep(steps)).toMatchObject({ ok: true });
      expect(addStep(steps).waits!.join('')).toContain('正在等待其他程序释放文件…（year-2024.json）');
      expect(await ids()).toEqual(['e0', 'e1', 'w-1']);
    }, 90_000);
  }

  it('a restore whose switch fails: nothing is read or written until it is finished, then the entry added is kept after a restart', async () => {
    const s = await openStore(dataDir);
    const backup = path.join(work, `backup-${n}.json`);
    await fsp.writeFile(backup, (await createBackupFile(s, new Date(2024, 5, 1))).data);
    await s.updateYear(2024, (d) => void d.ledger.push(makeEntry('after-backup', 2024, 3)));
    const flag = path.join(work, `held-${n}`);
    await fsp.writeFile(flag, '');
    // the old files are moved out, then putting the new ones in fails: a half-switched folder (EIO:
    // a file system error, which the rename does not wait out as it waits out a held file)
    const matchFrom = `${path.sep}.restore-staging${path.sep}new${path.sep}year-`;
    const steps = await runAsWindows([dataDir, 'restore', backup, flag], { renameFail: [{ matchFrom, code: 'EIO', whileFile: flag }] });
    const at = (name: string) => steps.find((x) => x.step === name)!;
    expect(at('restore')).toMatchObject({ ok: false });
    expect(at('restore').message).toContain('切换尚未完成');
    expect(at('during')).toMatchObject({ ok: false });
    expect(at('during').message).toContain('在切换完成之前不会读写任何数据');
    expect(at('after')).toMatchObject({ ok: true });
    const notices = at('notices').notices!.join('');
    expect(notices).toContain('切换数据文件曾被其他程序占用而暂停');
    expect(notices).not.toContain('意外退出');
    // a restart: the restored backup plus the entry added after the switch, nothing rolled over it
    const again = await openStore(dataDir);
    expect((await again.readYear(2024))!.ledger.map((e) => e.id)).toEqual(['e0', 'e1', 'after']);
    expect(again.recoveryNotices()).toEqual([]);
    expect((await fsp.readdir(dataDir)).filter((f) => f.includes('restore'))).toEqual([]);
    // what the restore replaced is in its safety backup
    expect((await fsp.readdir(path.join(dataDir, 'backups'))).some((f) => f.startsWith('before-restore-'))).toBe(true);
  }, 120_000);
});
