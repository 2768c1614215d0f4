import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../../src-shared/errors';
import { acquireFileLock, type FileLock } from './fileLock';
import { ioError } from './fsHelpers';
import type { DataFile } from './dataFile';

/**
 * Who may touch a data file when, at three levels:
 *  - folder access: many reads and updates at once, or one restore (`replaceAll`) alone;
 *  - the per-file queue: operations on one file run one after another in this process;
 *  - the cross-process lock: another program on the same folder waits too (unit.json's critical
 *    section, `withUnit`, is this lock plus the queue).
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

/** Runs `op` after every earlier operation on the same file (per-file queue); the caller holds the access. */
export function queued<T, R>(dataFile: DataFile<T>, op: () => Promise<R>): Promise<R> {
  const p = dataFile.queue.then(op, op);
  dataFile.queue = p.catch(() => undefined);
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
 * `op` reads through `ensureLoaded` is then the latest content, and nobody writes until it ends.
 */
export async function withFileLock<T, R>(dataFile: DataFile<T>, op: () => Promise<R>): Promise<R> {
  if (dataFile.lock) return op();
  for (let attempt = 1; ; attempt++) {
    const lock = await lockFile(dataFile.filePath, dataFile.fileName);
    dataFile.lock = lock;
    try {
      return await op();
    } catch (e) {
      if (!(e instanceof LockLostError)) throw e;
      // what this process believed the file holds is no longer known
      dataFile.loaded = false;
      dataFile.sig = null;
      if (attempt >= MAX_RELOCK) {
        throw new AppError('IO', `${dataFile.fileName} 在保存时多次被另一个法治年报程序接手，本次修改没有保存，请稍后再试。`, { reason: 'lock-lost' });
      }
    } finally {
      dataFile.lock = null;
      await lock.release().catch(() => undefined);
    }
  }
}

/** Locks several files in name order (the same order in every process), for replaceAll; returns the release. */
export async function lockDataFiles(dataFiles: Array<DataFile<unknown>>): Promise<() => Promise<void>> {
  const held: Array<DataFile<unknown>> = [];
  const releaseAll = async () => {
    for (const s of held.reverse()) {
      const l = s.lock;
      s.lock = null;
      await l?.release().catch(() => undefined);
    }
  };
  try {
    for (const s of [...dataFiles].sort((a, b) => (a.fileName < b.fileName ? -1 : 1))) {
      if (s.lock) continue;
      s.lock = await lockFile(s.filePath, s.fileName);
      held.push(s);
    }
  } catch (e) {
    await releaseAll();
    throw e;
  }
  return releaseAll;
}
