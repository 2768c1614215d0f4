import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { bundleChild } from '../support/bundleChild';
import { makeYear, removeDir, tempDir } from './fixtures';

/**
 * A data folder on a shared drive used from two PCs cloned from one image: same computer name,
 * and pids that mean nothing to each other. Each writer runs in its own PID namespace (both are
 * pid 1 there), so neither can see the other's process: its lock must be judged by its heartbeat,
 * and a writer stopped in the middle of a save must not lose anybody's confirmed entry.
 */

const probe = process.platform === 'linux' ? spawnSync('unshare', ['-p', '-f', '--mount-proc', 'true'], { stdio: 'ignore' }) : null;
const canUnshare = probe?.status === 0;
if (!canUnshare) {
  console.warn(
    `sharedFolder.test.ts skipped: needs \`unshare -p -f --mount-proc\` (Linux, as root); here: ${probe ? (probe.error?.message ?? `exit ${probe.status}`) : process.platform}`,
  );
}

let work: string;
let childJs: string;
beforeAll(async () => {
  work = await tempDir('fazhi-shared-');
  if (canUnshare) childJs = await bundleChild(path.join(__dirname, 'namespaceWriterChild.ts'), work);
});
afterAll(async () => removeDir(work));

interface Writer {
  tag: string;
  /** the writer's pid and computer name as it sees them */
  seenAs: Promise<{ pid: number; host: string }>;
  ok: string[];
  fail: string[];
  lines: string[];
  /** resolves when `line` has been printed `times` times in all */
  waitFor(line: string, times?: number): Promise<void>;
  send(cmd: string): void;
  /** pid of the node process in this (the parent's) namespace */
  hostPid(): number;
  exited: Promise<number | null>;
  err(): string;
}

function startWriter(dataDir: string, tag: string, holdFile?: string): Writer {
  const args = ['-p', '-f', '--mount-proc', process.execPath, childJs, dataDir, tag, ...(holdFile ? [holdFile] : [])];
  const p = spawn('unshare', args, { stdio: ['pipe', 'pipe', 'pipe'] }) as ChildProcessWithoutNullStreams;
  const w: Writer = {
    tag,
    seenAs: null as never,
    ok: [],
    fail: [],
    lines: [],
    waitFor: null as never,
    send: (cmd) => p.stdin.write(`${cmd}\n`),
    hostPid: () => Number(readFileSync(`/proc/${p.pid}/task/${p.pid}/children`, 'utf8').trim().split(/\s+/)[0]),
    exited: new Promise((r) => p.on('close', (code) => r(code))),
    err: () => err,
  };
  let err = '';
  let buf = '';
  const waiters: Array<() => void> = [];
  let ready!: (v: { pid: number; host: string }) => void;
  w.seenAs = new Promise((r) => (ready = r));
  p.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  p.stdout.setEncoding('utf8').on('data', (s: string) => {
    buf += s;
    const parts = buf.split('\n');
    buf = parts.pop()!;
    for (const l of parts) {
      w.lines.push(l);
      if (l.startsWith('ok ')) w.ok.push(l.slice(3));
      else if (l.startsWith('fail ')) w.fail.push(l.slice(5));
      else if (l.startsWith('ready ')) {
        const [, pid, host] = l.split(' ');
        ready({ pid: Number(pid), host: host! });
      }
    }
    for (const f of waiters.splice(0)) f();
  });
  w.waitFor = (line, times = 1) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (w.lines.filter((l) => l === line).length >= times) return resolve();
        waiters.push(check);
      };
      void w.exited.then((code) => reject(new Error(`writer ${tag} exited (${code}) while waiting for "${line}": ${err}`)));
      check();
    });
  return w;
}

async function keptIds(dataDir: string): Promise<Set<string>> {
  const store = await openStore(dataDir);
  return new Set((await store.readYear(2024))!.ledger.map((e) => e.id));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(canUnshare)('two PCs with one computer name on one shared folder (PID namespaces)', () => {
  it('loses no confirmed entry over 520 adds by two writers at once', async () => {
    const dataDir = path.join(work, 'both');
    await fsp.mkdir(dataDir);
    await (await openStore(dataDir)).createYear(makeYear(2024));
    const a = startWriter(dataDir, 'a');
    const b = startWriter(dataDir, 'b');
    try {
      const [sa, sb] = await Promise.all([a.seenAs, b.seenAs]);
      // the identities the old lock trusted collide: same computer name, same pid
      expect(sa).toEqual(sb);
      a.send('add 260');
      b.send('add 260');
      await Promise.all([a.waitFor('batch-done'), b.waitFor('batch-done')]);
      a.send('exit');
      b.send('exit');
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    } finally {
      for (const w of [a, b]) w.send('exit');
    }
    const confirmed = [...a.ok, ...b.ok];
    if (a.fail.length + b.fail.length) console.warn('adds refused (not confirmed):', [...a.fail, ...b.fail]);
    expect(confirmed.length).toBeGreaterThanOrEqual(500);
    const kept = await keptIds(dataDir);
    expect(confirmed.filter((id) => !kept.has(id))).toEqual([]);
    expect((await fsp.readdir(dataDir)).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'))).toEqual([]);
  }, 300_000);

  it('loses no confirmed entry when one writer is stopped (SIGSTOP) for 60 s between its last check and its rename', async () => {
    const dataDir = path.join(work, 'stopped');
    await fsp.mkdir(dataDir);
    await (await openStore(dataDir)).createYear(makeYear(2024));
    const holdFile = path.join(work, 'hold-a');
    const a = startWriter(dataDir, 'a', holdFile);
    const b = startWriter(dataDir, 'b');
    let stoppedPid: number | null = null;
    try {
      await Promise.all([a.seenAs, b.seenAs]);
      a.send('add 150');
      b.send('add 150');
      await Promise.all([a.waitFor('batch-done'), b.waitFor('batch-done')]);

      // a holds the lock, has checked the file, and is about to rename: stop it right there
      await fsp.writeFile(holdFile, '');
      a.send('add 1');
      await a.waitFor('holding');
      stoppedPid = a.hostPid();
      process.kill(stoppedPid, 'SIGSTOP');
      const stoppedAt = Date.now();
      // b goes on: it waits until a's lock has missed its heartbeat, then takes it over
      const bBefore = b.ok.length;
      b.send('add 100');
      await b.waitFor('batch-done', 2);
      const bDuringStop = b.ok.length - bBefore;
      await sleep(Math.max(0, 60_000 - (Date.now() - stoppedAt)));
      process.kill(stoppedPid, 'SIGCONT');
      stoppedPid = null;
      await a.waitFor('batch-done', 2);
      // its rename found its temp file fenced off, and the add was re-done under a new lock
      expect(a.lines).toContain('fenced');
      expect(bDuringStop).toBeGreaterThan(0);

      a.send('add 60');
      b.send('add 60');
      await Promise.all([a.waitFor('batch-done', 3), b.waitFor('batch-done', 3)]);
      a.send('exit');
      b.send('exit');
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    } finally {
      if (stoppedPid !== null) process.kill(stoppedPid, 'SIGCONT');
      for (const w of [a, b]) w.send('exit');
    }
    const confirmed = [...a.ok, ...b.ok];
    if (a.fail.length + b.fail.length) console.warn('adds refused (not confirmed):', [...a.fail, ...b.fail]);
    expect(a.ok).toContain('a-150'); // the add that was stopped mid-save
    expect(confirmed.length).toBeGreaterThanOrEqual(500);
    const kept = await keptIds(dataDir);
    expect(confirmed.filter((id) => !kept.has(id))).toEqual([]);
  }, 600_000);
});
