import { randomBytes } from 'node:crypto';
import { promises as fsp, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { tempPathFor } from './atomicJsonAdapter';
import { errCode } from './fsHelpers';

/**
 * Cross-process lock for one data file, held only for one read-modify-write. The desktop app,
 * the browser version and the CLI may share a data folder; without this, two processes that read
 * the same version of a file each write their own change over the other's.
 *
 * `<file>.lock` is created exclusively (`wx`) and holds `{pid, host, start, at}`. A lock is
 * broken only when its owner is gone: on this machine, when `kill(pid, 0)` says the pid is dead or
 * the pid now belongs to a process started at another moment (`start`, from /proc on Linux: a
 * reused pid). A live owner keeps its lock however long it stalls (a stopped process, a slow
 * disk, an antivirus scan): waiting is safe, breaking it is not. A lock written on another machine
 * (a folder on a network share) cannot be judged by pid, so its holder refreshes the file's mtime
 * while it holds it, and only a lock not refreshed for `staleMs` is broken; the store's re-check
 * of the data file just before its final rename covers an owner that stalled even so.
 *
 * Why not proper-lockfile: it judges staleness only by the age of a refreshed mtime,
 * so a process stopped past `stale` (SIGSTOP, a suspended VM, a long antivirus stall) loses its
 * lock while alive, and `onCompromised` fires later from a timer, which cannot stop a rename that
 * is already under way: exactly the lost-update this lock exists to prevent. Here a live owner on
 * the same machine is never broken. Only exclusive create, rename and unlink are used, so it works
 * on FAT/exFAT USB sticks and network shares (no hard links, flock or mkdir semantics needed).
 */

export const LOCK_SUFFIX = '.lock';
export const lockPathFor = (target: string): string => `${target}${LOCK_SUFFIX}`;

export interface LockOptions {
  /** give up waiting after this long (default 15 s) */
  timeoutMs?: number;
  /**
   * a lock of ANOTHER machine not refreshed for this long is taken to be left behind (default
   * 10 s); a lock of this machine is broken only when its process is gone
   */
  staleMs?: number;
  /** name shown to the clerk in the "busy" message (default: the file's name) */
  label?: string;
}

export interface FileLock {
  /** Removes the lock if it is still ours (never another process's lock that replaced a broken one). */
  release(): Promise<void>;
  /** Whether the lock file is still the one this holder created (not broken and replaced). */
  stillHeld(): Promise<boolean>;
}

interface Holder {
  pid: number;
  host: string;
  at: number;
  /** the owner's start time as the OS reports it (Linux: /proc/<pid>/stat field 22), when known */
  start: string | null;
}

const IS_WINDOWS = process.platform === 'win32';
const HOST = os.hostname();
/** A holder writes its content right after creating the file; an empty lock older than this was left by a crash there. */
const EMPTY_LOCK_GRACE_MS = 2_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const backoff = () => sleep(5 + Math.floor(Math.random() * 21));

/**
 * When the process `pid` started, in the OS's own units, or null where that cannot be read
 * without spawning a program (Windows, macOS): there a live pid counts as the owner.
 */
export function processStart(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

const OWN_START = processStart(process.pid);

/** Whether the holder recorded in a lock is still running (this machine only). */
function holderAlive(holder: Holder): boolean {
  if (holder.pid === process.pid) return holder.start === null || OWN_START === null || holder.start === OWN_START;
  if (!isProcessAlive(holder.pid)) return false;
  if (holder.start === null) return true;
  const now = processStart(holder.pid);
  // a different start time: the pid was reused by an unrelated process after the owner died
  return now === null || now === holder.start;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user
    return errCode(e) === 'EPERM';
  }
}

function parseHolder(text: string): Holder | null {
  try {
    const v = JSON.parse(text) as Partial<Holder>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 && typeof v.at === 'number') {
      return { pid: v.pid, at: v.at, host: typeof v.host === 'string' ? v.host : HOST, start: typeof v.start === 'string' ? v.start : null };
    }
  } catch {
    // being written right now, or damaged: judged by its age
  }
  return null;
}

interface Observed {
  ino: bigint;
  holder: Holder | null;
  stale: boolean;
}

/** Reads the lock through one handle so the inode and the content belong to the same file; null if gone. */
async function observe(lockPath: string, staleMs: number): Promise<Observed | null> {
  let h: fsp.FileHandle;
  try {
    h = await fsp.open(lockPath, 'r');
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = await h.stat({ bigint: true });
    const holder = parseHolder(await h.readFile('utf8'));
    const now = Date.now();
    let stale: boolean;
    if (holder === null) {
      stale = now - Number(st.mtimeMs) > EMPTY_LOCK_GRACE_MS;
    } else if (holder.host === HOST) {
      // A live owner keeps its lock however long it takes (see the top of this file).
      stale = !holderAlive(holder);
    } else {
      // A pid is only meaningful on the machine that wrote it: judge by the refreshed mtime.
      stale = now - Number(st.mtimeMs) > staleMs;
    }
    return { ino: st.ino, holder, stale };
  } finally {
    await h.close().catch(() => undefined);
  }
}

/**
 * Removes a lock judged stale, without removing a fresh lock that replaced it meanwhile: the lock
 * is first renamed aside (atomic), and if what was moved is not the file that was judged, it is
 * linked back (link never overwrites). Returns whether the judged lock is gone.
 */
async function breakLock(lockPath: string, judged: Observed): Promise<boolean> {
  // named like a temp file of this process, so a crash right here is cleaned up on the next open
  const aside = tempPathFor(lockPath);
  try {
    await fsp.rename(lockPath, aside);
  } catch (e) {
    if (errCode(e) === 'ENOENT') return true; // someone else broke or released it
    throw e;
  }
  let movedIno: bigint | null = null;
  try {
    movedIno = (await fsp.stat(aside, { bigint: true })).ino;
  } catch {
    movedIno = null;
  }
  if (movedIno !== null && movedIno !== judged.ino) {
    // Another waiter broke the stale lock and took a fresh one in between: give it back.
    await fsp.link(aside, lockPath).catch(() => undefined);
  }
  await fsp.rm(aside, { force: true }).catch(() => undefined);
  return movedIno === judged.ino;
}

function busyError(label: string, last: Observed | null): AppError {
  const h = last?.holder;
  const who = h ? `${label} 正由进程 ${h.pid}${h.host !== HOST ? `（计算机 ${h.host}）` : ''}使用` : `${label} 的锁文件未能释放`;
  return new AppError('IO', `数据文件正被另一个法治年报程序写入，请稍后再试（${who}）。`, {
    reason: 'locked',
    holderPid: h?.pid ?? null,
  });
}

/** Waits for and takes the lock of `target` (the data file's path). */
export async function acquireFileLock(target: string, options: LockOptions = {}): Promise<FileLock> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const staleMs = options.staleMs ?? 10_000;
  const label = options.label ?? path.basename(target);
  const lockPath = lockPathFor(target);
  const content = JSON.stringify({ pid: process.pid, host: HOST, start: OWN_START, at: Date.now(), token: randomBytes(6).toString('hex') });
  const deadline = Date.now() + timeoutMs;
  let last: Observed | null = null;
  for (;;) {
    let h: fsp.FileHandle | undefined;
    try {
      h = await fsp.open(lockPath, 'wx');
    } catch (e) {
      const code = errCode(e);
      // Windows reports a lock file that is being deleted as EPERM/EACCES for a moment
      if (code !== 'EEXIST' && !(IS_WINDOWS && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY'))) throw e;
    }
    if (h) {
      let ino: bigint;
      try {
        await h.writeFile(content);
        ino = (await h.stat({ bigint: true })).ino;
      } catch (e) {
        await h.close().catch(() => undefined);
        await fsp.rm(lockPath, { force: true }).catch(() => undefined);
        throw e;
      }
      await h.close();
      return heldLock(lockPath, ino, staleMs);
    }
    const seen = await observe(lockPath, staleMs);
    if (seen === null) continue; // released between our open and our look
    last = seen;
    if (seen.stale && (await breakLock(lockPath, seen))) continue;
    if (Date.now() >= deadline) throw busyError(label, last);
    await backoff();
  }
}

/** Refreshes the lock's mtime while held, so a process on another machine sees it is in use. */
function heldLock(lockPath: string, ino: bigint, staleMs: number): FileLock {
  const refresh = async () => {
    const t = new Date();
    await fsp.utimes(lockPath, t, t).catch(() => undefined);
  };
  const timer = Number.isFinite(staleMs) ? setInterval(() => void refresh(), Math.max(250, Math.floor(staleMs / 4))) : null;
  timer?.unref();
  return {
    release: async () => {
      if (timer) clearInterval(timer);
      await releaseLock(lockPath, ino);
    },
    stillHeld: async () => {
      try {
        return (await fsp.stat(lockPath, { bigint: true })).ino === ino;
      } catch {
        return false;
      }
    },
  };
}

async function releaseLock(lockPath: string, ino: bigint): Promise<void> {
  try {
    const st = await fsp.stat(lockPath, { bigint: true });
    // Ours was broken as stale (we were stopped for longer than staleMs) and someone else holds it now.
    if (st.ino !== ino) return;
    await fsp.unlink(lockPath);
  } catch (e) {
    if (errCode(e) !== 'ENOENT') throw e;
  }
}

/**
 * On open: removes locks left by processes of this machine that no longer run, so the folder
 * does not keep stray `.lock` files. A live process's lock is never touched.
 */
export async function removeDeadLocks(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith(LOCK_SUFFIX)) continue;
    const lockPath = path.join(dir, name);
    try {
      const seen = await observe(lockPath, Number.POSITIVE_INFINITY);
      if (seen?.holder && seen.stale) await breakLock(lockPath, seen);
    } catch {
      // best effort: acquireFileLock deals with whatever is left
    }
  }
}
