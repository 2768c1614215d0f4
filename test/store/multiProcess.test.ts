import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { bundleChild } from '../support/bundleChild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { openStore } from '../../src-main/store';
import { acquireFileLock } from '../../src-main/store/locking';
import { SELF } from '../../src-main/store/processIdentity';
import { makeEntry, makeYear, removeDir, tempDir } from './fixtures';

/** The desktop app, `npm run web` and the CLI may all use one data folder at the same time. */

let work: string;
let childJs: string;
let stallJs: string;

beforeAll(async () => {
  work = await tempDir('fazhi-multi-');
  childJs = await bundleChild(path.join(__dirname, 'appendChild.ts'), work);
  stallJs = await bundleChild(path.join(__dirname, 'stallChild.ts'), work);
});
afterAll(async () => removeDir(work));

function startChild(dataDir: string, tag: string, count: number) {
  const p = spawn(process.execPath, [childJs, dataDir, tag, String(count)], { stdio: ['pipe', 'pipe', 'pipe'] }) as ChildProcessWithoutNullStreams;
  let out = '';
  let err = '';
  const ready = new Promise<void>((resolve, reject) => {
    p.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.includes('ready\n')) resolve();
    });
    p.on('exit', () => reject(new Error(`child ${tag} exited before ready: ${err}`)));
  });
  p.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    p.on('close', (code) => resolve({ code, out, err })),
  );
  return { p, ready, exited };
}

/** A pid that surely belongs to no running process: a child that has already exited. */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => p.on('exit', r));
  return p.pid!;
}

/** A lock as this program writes it on this machine (same view), with `fields` changed. */
const lockAs = (fields: Record<string, unknown>) =>
  JSON.stringify({ pid: process.pid, host: SELF.host, start: SELF.start, boot: SELF.boot, ns: SELF.ns, at: Date.now(), token: 'feedfacefeedface', ...fields });

async function newDataDir(name: string): Promise<string> {
  const dir = path.join(work, name);
  await fsp.mkdir(dir);
  return dir;
}

describe('several processes on one data folder', () => {
  it('keeps all 200 entries when two processes each append 100 to the same year at once', async () => {
    const dataDir = await newDataDir('two-children');
    const parent = await openStore(dataDir);
    await parent.createYear(makeYear(2024));

    const a = startChild(dataDir, 'a', 100);
    const b = startChild(dataDir, 'b', 100);
    await Promise.all([a.ready, b.ready]);
    a.p.stdin.write('go\n');
    b.p.stdin.write('go\n');
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    expect(ra.err + rb.err).toBe('');
    expect([ra.code, rb.code]).toEqual([0, 0]);

    // the parent's store was open all along and sees the children's writes
    const ids = new Set((await parent.readYear(2024))!.ledger.map((e) => e.id));
    const expected = [...Array.from({ length: 100 }, (_, i) => `a-${i}`), ...Array.from({ length: 100 }, (_, i) => `b-${i}`)];
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
    expect(ids.size).toBe(200);

    // no lock or temp file is left, and none is taken for a year or copied into backups
    expect((await fsp.readdir(dataDir)).filter((n) => n !== 'backups').sort()).toEqual(['year-2024.json']);
    expect(await parent.listYears()).toEqual([2024]);
    expect((await fsp.readdir(path.join(dataDir, 'backups'))).filter((n) => n.includes('.lock'))).toEqual([]);
  }, 60_000);

  it('keeps every write of two stores opened on one folder inside one process', async () => {
    const dataDir = await newDataDir('two-stores');
    const s1 = await openStore(dataDir);
    const s2 = await openStore(dataDir);
    await s1.createYear(makeYear(2024));
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? s1 : s2).updateYear(2024, (d) => void d.ledger.push(makeEntry(`x${i}`, 2024, i)))),
    );
    expect((await s1.readYear(2024))!.ledger).toHaveLength(40);
    expect((await s2.readYear(2024))!.ledger).toHaveLength(40);
  });
});

describe('data file lock', () => {
  it('does not let a lock left by a killed process block writes', async () => {
    const dataDir = await newDataDir('dead-holder');
    const store = await openStore(dataDir);
    await store.createYear(makeYear(2024));
    const lockPath = path.join(dataDir, 'year-2024.json.lock');
    await fsp.writeFile(lockPath, lockAs({ pid: await deadPid() }));

    const t0 = Date.now();
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('after-crash')));
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect((await store.readYear(2024))!.ledger.map((e) => e.id)).toEqual(['after-crash']);
    await expect(fsp.stat(lockPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.runIf(process.platform === 'linux')('breaks a lock whose pid now belongs to another process (pid reused)', async () => {
    const dataDir = await newDataDir('reused-pid');
    const store = await openStore(dataDir);
    await store.createYear(makeYear(2024));
    // the parent process is alive, but it did not start at the moment recorded in the lock
    await fsp.writeFile(path.join(dataDir, 'year-2024.json.lock'), lockAs({ pid: process.ppid, start: '1' }));
    await store.updateYear(2024, (d) => void d.ledger.push(makeEntry('late')));
    expect((await store.readYear(2024))!.ledger).toHaveLength(1);
  });

  it('keeps every confirmed add when a writer is stopped (SIGSTOP) past the stale limit while another process writes', async () => {
    const dataDir = await newDataDir('stalled');
    const parent = await openStore(dataDir);
    await parent.createYear(makeYear(2024));
    const start = (mode: string, tag: string, count: number) => {
      const p = spawn(process.execPath, [stallJs, dataDir, tag, mode, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
      const lines: string[] = [];
      let err = '';
      let onLine: (l: string) => void = () => undefined;
      let buf = '';
      p.stdout.setEncoding('utf8').on('data', (s: string) => {
        buf += s;
        const parts = buf.split('\n');
        buf = parts.pop()!;
        for (const l of parts) {
          lines.push(l);
          onLine(l);
        }
      });
      p.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
      const exited = new Promise<number | null>((r) => p.on('close', (code) => r(code)));
      const waitFor = (want: string) =>
        new Promise<void>((resolve) => {
          if (lines.includes(want)) return resolve();
          onLine = (l) => l === want && resolve();
        });
      return { p, lines, exited, waitFor, err: () => err };
    };
    const a = start('stall', 'a', 1);
    await a.waitFor('holding');
    a.p.kill('SIGSTOP');
    const b = start('add', 'b', 5);
    try {
      // past the 10 s after which the old lock counted a live holder's lock as left behind
      await new Promise((r) => setTimeout(r, 11_000));
    } finally {
      a.p.kill('SIGCONT');
    }
    const [ca, cb] = await Promise.all([a.exited, b.exited]);
    expect(a.err() + b.err()).toBe('');
    expect([ca, cb]).toEqual([0, 0]);
    const confirmed = [...a.lines, ...b.lines].filter((l) => l !== 'holding');
    expect(confirmed).toHaveLength(6);
    const kept = new Set((await parent.readYear(2024))!.ledger.map((e) => e.id));
    expect(confirmed.filter((id) => !kept.has(id))).toEqual([]);
  }, 60_000);

  it('on a coarse-clock disk, a same-size rewrite that keeps size and mtime is still caught (by the content hash)', async () => {
    const dataDir = await newDataDir('coarse-clock');
    const file = path.join(dataDir, 'year-2024.json');
    const seed = await openStore(dataDir);
    await seed.createYear(makeYear(2024));
    // a FAT-like time stamp: whole seconds
    const t = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await fsp.utimes(file, t, t);
    const store = await openStore(dataDir);
    await store.readYear(2024);
    let calls = 0;
    await store.updateYear(2024, async (d) => {
      calls++;
      if (calls === 1) {
        const text = await fsp.readFile(file, 'utf8');
        const changed = text.replace('青山镇人民政府关于', '白水镇人民政府关于');
        expect(changed.length).toBe(text.length);
        await fsp.writeFile(file, changed); // in place: same inode, same size
        await fsp.utimes(file, t, t); // and the same coarse mtime
      }
      d.ledger.push(makeEntry('mine'));
    });
    expect(calls).toBe(2);
    const after = (await (await openStore(dataDir)).readYear(2024))!;
    expect(after.report.title).toContain('白水镇');
    expect(after.ledger.map((e) => e.id)).toEqual(['mine']);
  });

  it('re-reads and re-applies an update when the file was rewritten after it was read (a writer that ignored the lock)', async () => {
    const dataDir = await newDataDir('changed-under');
    const store = await openStore(dataDir);
    await store.createYear(makeYear(2024));
    const file = path.join(dataDir, 'year-2024.json');
    let calls = 0;
    await store.updateYear(2024, async (d) => {
      calls++;
      if (calls === 1) {
        // another program writes while this update is being computed (same size, in place)
        const raw = JSON.parse(await fsp.readFile(file, 'utf8')) as ReturnType<typeof makeYear>;
        raw.ledger.push(makeEntry('other'));
        await fsp.writeFile(file, JSON.stringify(raw));
      }
      d.ledger.push(makeEntry('mine'));
    });
    expect(calls).toBe(2);
    const fresh = await openStore(dataDir);
    expect((await fresh.readYear(2024))!.ledger.map((e) => e.id)).toEqual(['other', 'mine']);
  });

  it('makes a write wait while another process writes, then applies it to the latest data', async () => {
    const dataDir = await newDataDir('held');
    const store = await openStore(dataDir);
    await store.createYear(makeYear(2024));
    const other = await openStore(dataDir);
    const lock = await acquireFileLock(path.join(dataDir, 'year-2024.json'));
    let done = false;
    const pending = store.updateYear(2024, (d) => void d.ledger.push(makeEntry('waiting'))).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(done).toBe(false);
    // what the lock holder writes meanwhile (bypassing the lock it already holds: a second store
    // in the role of the other program) must not be overwritten by the waiting update
    const raw = JSON.parse(await fsp.readFile(path.join(dataDir, 'year-2024.json'), 'utf8')) as ReturnType<typeof makeYear>;
    raw.ledger.push(makeEntry('holder'));
    await fsp.writeFile(path.join(dataDir, 'year-2024.json'), JSON.stringify(raw));
    await lock.release();
    await pending;
    expect((await other.readYear(2024))!.ledger.map((e) => e.id)).toEqual(['holder', 'waiting']);
  });

  it('gives up with a clear message when the file stays locked by a running program', async () => {
    const dataDir = await newDataDir('busy');
    const target = path.join(dataDir, 'year-2024.json');
    const lock = await acquireFileLock(target);
    try {
      const t0 = Date.now();
      const e = await acquireFileLock(target, { timeoutMs: 300 }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('IO');
      expect((e as AppError).message).toContain('数据文件正被另一个法治年报程序写入，请稍后再试');
      expect((e as AppError).message).toContain(String(process.pid));
    } finally {
      await lock.release();
    }
  });

  it('a restore that cannot lock a year a running program holds changes nothing and keeps no lock; once free, it goes through', async () => {
    const dataDir = await newDataDir('restore-busy');
    const store = await openStore(dataDir);
    await store.createYear(makeYear(2024, 2));
    const before = await fsp.readFile(path.join(dataDir, 'year-2024.json'), 'utf8');
    const held = await acquireFileLock(path.join(dataDir, 'year-2024.json'));
    const next = { unit: null, years: [makeYear(2024, 1)] };
    try {
      await expect(store.replaceAll(next)).rejects.toThrow('数据文件正被另一个法治年报程序写入');
      expect(await fsp.readFile(path.join(dataDir, 'year-2024.json'), 'utf8')).toBe(before);
      expect((await fsp.readdir(dataDir)).filter((n) => n.endsWith('.lock'))).toEqual(['year-2024.json.lock']);
    } finally {
      await held.release();
    }
    await store.replaceAll(next);
    expect((await store.readYear(2024))!.ledger).toHaveLength(1);
  }, 90_000);

  it('on open removes locks of processes that have ended but never a running one', async () => {
    const dataDir = await newDataDir('open-cleanup');
    await fsp.writeFile(path.join(dataDir, 'year-2023.json.lock'), lockAs({ pid: await deadPid() }));
    const live = await acquireFileLock(path.join(dataDir, 'year-2024.json'));
    const store = await openStore(dataDir);
    expect((await fsp.readdir(dataDir)).filter((n) => n.endsWith('.lock'))).toEqual(['year-2024.json.lock']);
    expect(await store.listYears()).toEqual([]);
    await live.release();
    expect((await fsp.readdir(dataDir)).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });
});
