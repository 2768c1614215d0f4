import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { prepareTemp, removeTempFilesOf, tempPathFor } from './atomicWrite';
import { errCode, ioError, namesIn } from './fsHelpers';
import { SELF, isProcessAlive, processStart, sameView } from './processIdentity';
import { NOTICE_AFTER_MS, WAITING_FOR_FAZHI, beginWait } from './waitNotice';

/**
 * How the lock works: who may touch a data file when, at three levels.
 *  - folder access (`FolderAccess`): many reads and updates at once, or one restore (`replaceAll`) alone;
 *  - the per-file queue (`queued`): operations on one file run one after another in this process;
 *  - the lock file (`acquireFileLock`, below): another program on the same folder waits too
 *    (unit.json's critical section, `withUnit`, is this lock plus the queue).
 */

/** Several readers/updaters at once, or one `replaceAll` alone. */
export class FolderAccess {
  private active = 0;
  private exclusive: Promise<void> | null = null;
  private idle: Array<() => void> = [];
  /** set inside a shared section: a nested call (a year updated inside a unit section) is already in */
  private readonly inside = new AsyncLocalStorage<true>();

  /** Whether the caller already runs inside a shared section (a nested call). */
  get nested(): boolean {
    return this.inside.getStore() === true;
  }

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    // waiting here for a replaceAll that itself waits for this section to end would never end
    if (this.inside.getStore()) return fn();
    while (this.exclusive) await this.exclusive;
    this.active++;
    try {
      return await this.inside.run(true, fn);
    } finally {
      if (--this.active === 0) {
        const w = this.idle;
        this.idle = [];
        for (const r of w) r();
      }
    }
  }

  async alone<T>(fn: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise<void>((r) => (release = r));
    try {
      if (this.active > 0) await new Promise<void>((r) => this.idle.push(r));
      return await fn();
    } finally {
      this.exclusive = null;
      release();
    }
  }
}

/** What the queue and the lock need of a data file (a `DataFile` of dataFile.ts is one). */
export interface Lockable {
  readonly filePath: string;
  readonly fileName: string;
  /** the tail of this file's queue in this process */
  queue: Promise<unknown>;
  /** the file's lock while this process holds it (operations on one file never overlap here) */
  lock: FileLock | null;
}

/** Runs `op` after every earlier operation on the same file (per-file queue); the caller holds the access. */
export function queued<R>(file: Lockable, op: () => Promise<R>): Promise<R> {
  const p = file.queue.then(op, op);
  file.queue = p.catch(() => undefined);
  return p;
}

/** The cross-process lock of `file`; `label` names it in the message when it cannot be taken. */
export async function lockFile(file: string, label: string): Promise<FileLock> {
  try {
    return await acquireFileLock(file, { label });
  } catch (e) {
    throw ioError(e, '锁定', file);
  }
}

/**
 * The lock this operation held was broken and taken by another process before its write landed
 * (it stalled past the heartbeat: a sleeping PC, a stopped process). Its write did not happen; it
 * is re-done from a fresh read under a new lock.
 */
export class LockLostError extends Error {
  constructor(file: string) {
    super(`lock of ${file} lost before the write`);
    this.name = 'LockLostError';
  }
}

/** How often an operation whose lock was taken from it is re-done before the clerk is told. */
const MAX_RELOCK = 5;

/**
 * Runs `op` holding the file's cross-process lock (re-entrant within one operation). Whatever
 * `op` reads (dataFile.ts, `ensureLoaded`) is then the latest content, and nobody writes until it ends.
 */
export async function withFileLock<R>(file: Lockable, op: () => Promise<R>): Promise<R> {
  if (file.lock) return op();
  for (let attempt = 1; ; attempt++) {
    const lock = await lockFile(file.filePath, file.fileName);
    file.lock = lock;
    try {
      return await op();
    } catch (e) {
      // (the writer that threw it has already forgotten what it believed the file holds)
      if (!(e instanceof LockLostError)) throw e;
      if (attempt >= MAX_RELOCK) {
        throw new AppError('IO', `${file.fileName} 在保存时多次被另一个法治年报程序接手，本次修改没有保存，请稍后再试。`, { reason: 'lock-lost' });
      }
    } finally {
      file.lock = null;
      await lock.release().catch(() => undefined);
    }
  }
}

/** Locks several files in name order (the same order in every process), for replaceAll; returns the release. */
export async function lockDataFiles(dataFiles: Lockable[]): Promise<() => Promise<void>> {
  const held: Lockable[] = [];
  const releaseAll = async () => {
    for (const file of held.reverse()) {
      const l = file.lock;
      file.lock = null;
      await l?.release().catch(() => undefined);
    }
  };
  try {
    for (const file of [...dataFiles].sort((a, b) => (a.fileName < b.fileName ? -1 : 1))) {
      if (file.lock) continue;
      file.lock = await lockFile(file.filePath, file.fileName);
      held.push(file);
    }
  } catch (e) {
    await releaseAll();
    throw e;
  }
  return releaseAll;
}

// ---- the lock file ----

/**
 * Cross-process lock for one data file, held for one read-modify-write. The desktop app, the
 * browser version and the CLI may share a data folder, on one PC or, on a shared folder, on
 * several; without a lock two writers that read the same version each write over the other.
 *
 * The design (proper-lockfile's, with a fence added):
 *  - `<file>.lock` is created exclusively (`wx`) and holds `{pid, host, start, boot, ns, at, token}`.
 *  - Heartbeat: while it holds the lock, the owner touches the lock's mtime every `staleMs / 4`. A
 *    lock whose mtime is older than `staleMs` is no longer kept by anybody running.
 *  - Breaking: a lock is broken only when it is stale AND its owner is gone as far as this process
 *    can prove. An owner of the same view (processIdentity.ts: same process table) is judged by its
 *    pid: gone when no process has it, or when the process that has it started at another moment
 *    (Linux), or when it is this very process and the token is not one it holds (a pid reused
 *    after a crash). A same-view owner that is provably alive (Linux: pid and start time match)
 *    keeps its lock however long it stalls (SIGSTOP, a slow disk). Where the pid says nothing —
 *    another PC, another PID namespace, an earlier boot, Windows (no start time; a reused pid or
 *    "access denied" on a system process look alive) — only the heartbeat can tell, and a lock
 *    not refreshed for `staleMs` is broken.
 *  - The fence: an owner of another PC cannot be proved gone; it may be a laptop put to sleep in
 *    the middle of a save, which wakes up and renames its temp file over the file as if nothing
 *    happened. So whoever takes a lock first removes every temp file of that data file
 *    (`removeTempFilesOf`, atomicWrite.ts): they belong to writers that no longer hold the lock. The sleeper's rename then
 *    fails (ENOENT) instead of overwriting, and its write is re-done under a new lock. Its final
 *    check before the rename (the data file unchanged, the lock still its own: dataFile.ts) closes
 *    the other order. Breaking a lock wrongly therefore costs a retry, never a confirmed save.
 *
 * What holds on SMB/NTFS network shares: exclusive create, rename, unlink, utimes and link are
 * carried out by the server, one at a time, so the lock, the fence and the rename are atomic for
 * every client. What cannot hold: clocks. The heartbeat compares the server's mtime with this
 * PC's clock; a client clock that is off by more than `staleMs` makes a live lock look stale
 * (then the fence keeps the data right and the holder's save is retried) or a dead one look fresh
 * (then the save waits until `staleMs` has passed on the skewed clock). And a share that caches
 * metadata (SMB2 directory/attribute leases, for a few seconds) may show a lock a moment late,
 * which the re-check of the file before the rename covers.
 *
 * Files are compared by the lock's content (its token), not by inode: Windows and network shares
 * do not always give stable file ids.
 */

export const LOCK_SUFFIX = '.lock';
export const lockPathFor = (target: string): string => `${target}${LOCK_SUFFIX}`;

export interface LockOptions {
  /** give up waiting after this long (default 30 s: longer than `staleMs`, so a left-behind lock is broken first) */
  timeoutMs?: number;
  /** a lock not refreshed for this long is kept by nobody running (default 15 s) */
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

export const DEFAULT_STALE_MS = 15_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

interface Holder {
  pid: number;
  host: string | null;
  start: string | null;
  boot: number | null;
  ns: string | null;
  token: string | null;
}

/** Tokens of the locks this process holds right now (several stores may be open in one process). */
const HELD_TOKENS = new Set<string>();

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function parseHolder(text: string): Holder | null {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0) {
      const str = (x: unknown) => (typeof x === 'string' ? x : null);
      return { pid: v.pid, host: str(v.host), start: str(v.start), boot: typeof v.boot === 'number' ? v.boot : null, ns: str(v.ns), token: str(v.token) };
    }
  } catch {
    // being written right now, or damaged: judged by its age
  }
  return null;
}

/**
 * Whether the owner of a lock is gone for sure (true), or can only be judged by the heartbeat
 * (null). Never says "gone" of an owner this process cannot see.
 */
function ownerGone(h: Holder): boolean | null {
  const viewed = sameView(h) || (h.boot === null && h.ns === null && h.host === SELF.host && SELF.ns === null);
  // (the second case: a lock as the previous release wrote it on Windows, with no boot moment)
  if (!viewed) return null;
  if (h.pid === SELF.pid) return h.token === null || !HELD_TOKENS.has(h.token);
  if (!isProcessAlive(h.pid)) return true;
  if (h.start !== null && SELF.start !== null) {
    const now = processStart(h.pid);
    if (now !== null) return now !== h.start; // same start: alive for sure, whatever the heartbeat says
  }
  return null;
}

interface Observed {
  text: string;
  holder: Holder | null;
  stale: boolean;
}

/** Reads the lock (null if gone) and judges it. */
async function observe(lockPath: string, staleMs: number): Promise<Observed | null> {
  let h: fsp.FileHandle;
  try {
    h = await fsp.open(lockPath, 'r');
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = await h.stat();
    const text = await h.readFile('utf8');
    const holder = parseHolder(text);
    const heartbeatStopped = Date.now() - st.mtimeMs > staleMs;
    const gone = holder ? ownerGone(holder) : null;
    return { text, holder, stale: gone ?? heartbeatStopped };
  } finally {
    await h.close().catch(() => undefined);
  }
}

/**
 * Removes a lock judged stale, without removing a fresh lock that replaced it meanwhile: the lock
 * is renamed aside (atomic), and if what was moved is not what was judged, it is put back with
 * `link` (which never overwrites; where links are not supported, FAT, the owner of the moved lock
 * finds its lock gone before its rename and simply retries). Returns whether the judged lock is gone.
 */
async function breakLock(lockPath: string, judged: Observed): Promise<boolean> {
  const aside = tempPathFor(lockPath);
  try {
    await prepareTemp(aside);
    await fsp.rename(lockPath, aside);
  } catch (e) {
    if (errCode(e) === 'ENOENT') return true; // someone else broke or released it
    throw e;
  }
  const moved = await fsp.readFile(aside, 'utf8').catch(() => null);
  if (moved !== null && moved !== judged.text) await fsp.link(aside, lockPath).catch(() => undefined);
  await fsp.rm(aside, { force: true }).catch(() => undefined);
  return moved === judged.text;
}


function busyError(label: string, last: Observed | null): AppError {
  const h = last?.holder;
  const who = h ? `${label} 正由进程 ${h.pid}${h.host && h.host !== SELF.host ? `（计算机 ${h.host}）` : ''}使用` : `${label} 的锁文件未能释放`;
  return new AppError('IO', `数据文件正被另一个法治年报程序写入，请稍后再试（${who}）。`, {
    reason: 'locked',
    holderPid: h?.pid ?? null,
  });
}

/** Waits for and takes the lock of `target` (the data file's path). */
export async function acquireFileLock(target: string, options: LockOptions = {}): Promise<FileLock> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const label = options.label ?? path.basename(target);
  const lockPath = lockPathFor(target);
  const token = randomBytes(8).toString('hex');
  const content = JSON.stringify({ pid: SELF.pid, host: SELF.host, start: SELF.start, boot: SELF.boot, ns: SELF.ns, at: Date.now(), token });
  const started = Date.now();
  const wait = beginWait(WAITING_FOR_FAZHI, label);
  let delay = 5;
  let last: Observed | null = null;
  // ours before the file exists: a lock of this pid with a token not in here is a dead one's
  HELD_TOKENS.add(token);
  try {
    for (;;) {
      let h: fsp.FileHandle | undefined;
      try {
        h = await fsp.open(lockPath, 'wx');
      } catch (e) {
        const code = errCode(e);
        // Windows reports a lock file that is being deleted as EPERM/EACCES for a moment
        if (code !== 'EEXIST' && !(process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY'))) throw e;
      }
      if (!h) {
        // held: break it if its owner is gone, else wait
        const seen = await observe(lockPath, staleMs);
        if (seen === null) continue; // released between our open and our look
        last = seen;
        if (seen.stale && (await breakLock(lockPath, seen))) continue;
        const waited = Date.now() - started;
        if (waited >= timeoutMs) throw busyError(label, last);
        if (waited >= NOTICE_AFTER_MS) wait.show();
        await sleep(delay + Math.floor(Math.random() * delay));
        delay = Math.min(200, delay * 2);
        continue;
      }
      try {
        await h.writeFile(content);
      } catch (e) {
        await h.close().catch(() => undefined);
        await fsp.rm(lockPath, { force: true }).catch(() => undefined);
        throw e;
      }
      await h.close();
      const held = heldLock(lockPath, token, content, staleMs);
      // the fence (see the top of this file)
      await removeTempFilesOf(target);
      return held;
    }
  } catch (e) {
    HELD_TOKENS.delete(token);
    throw e;
  } finally {
    wait.end();
  }
}

/** The lock while held: its heartbeat, and the checks against its own content. */
function heldLock(lockPath: string, token: string, content: string, staleMs: number): FileLock {
  const isOurs = async () => (await fsp.readFile(lockPath, 'utf8').catch(() => null)) === content;
  let lost = false;
  const beat = async () => {
    // never refresh a lock that replaced ours: that would keep a stranger's lock alive
    if (lost || !(await isOurs())) {
      lost = true;
      return;
    }
    const t = new Date();
    await fsp.utimes(lockPath, t, t).catch(() => undefined);
  };
  const timer = Number.isFinite(staleMs) ? setInterval(() => void beat(), Math.max(250, Math.floor(staleMs / 4))) : null;
  timer?.unref();
  return {
    release: async () => {
      if (timer) clearInterval(timer);
      HELD_TOKENS.delete(token);
      try {
        // ours was broken (we stalled past staleMs) and someone else's lock is there now: leave it
        if (await isOurs()) await fsp.unlink(lockPath);
      } catch (e) {
        if (errCode(e) !== 'ENOENT') throw e;
      }
    },
    stillHeld: async () => !lost && (await isOurs()),
  };
}

/**
 * On open: removes locks whose owner is gone (or that nobody keeps fresh), so the folder does not
 * keep stray `.lock` files. A lock anybody keeps fresh is never touched.
 */
export async function removeDeadLocks(dir: string): Promise<void> {
  const names = await namesIn(dir);
  for (const name of names) {
    if (!name.endsWith(LOCK_SUFFIX)) continue;
    const lockPath = path.join(dir, name);
    try {
      const seen = await observe(lockPath, DEFAULT_STALE_MS);
      if (seen?.stale) await breakLock(lockPath, seen);
    } catch {
      // best effort: acquireFileLock deals with whatever is left
    }
  }
}
