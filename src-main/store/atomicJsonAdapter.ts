import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { errCode } from './fsHelpers';

/**
 * Crash-safe file writing. lowdb's own JSONFile (via steno) renames a fixed temp name and never
 * fsyncs, so a power cut can leave an empty or half-written data file; this writer gives every
 * write its own temp file, makes it durable, then swaps it in with one rename.
 */

const IS_WINDOWS = process.platform === 'win32';
/** Windows reports these while an antivirus scanner or the indexer holds the target open. */
const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_DELAYS_MS = [10, 25, 50, 100, 200, 400];

export const TEMP_SUFFIX = '.tmp';

/** `.<name>.<pid>.<random>.tmp` in the same folder, so the final rename never crosses devices. */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const name = path.basename(target);
  return path.join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/** Parses a temp file name made by `tempPathFor`; null for anything else. */
export function parseTempName(fileName: string): { target: string; pid: number } | null {
  const m = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(fileName);
  if (!m) return null;
  return { target: m[1]!, pid: Number(m[2]) };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** rename, retried on Windows while another program briefly holds the file */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (e) {
      const delay = RENAME_DELAYS_MS[attempt];
      if (!IS_WINDOWS || delay === undefined || !RETRYABLE_RENAME.has(errCode(e) ?? '')) throw e;
      await sleep(delay);
    }
  }
}

/** Makes the rename itself durable: the new directory entry is only on disk after the folder is synced. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync (EPERM/EISDIR); NTFS journals the rename itself.
  if (IS_WINDOWS) return;
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (e) {
    // Some file systems (network shares, certain FUSE mounts) refuse directory fsync; the data
    // file itself is already synced, so this is best effort.
    if (!['EPERM', 'EISDIR', 'EINVAL', 'ENOTSUP', 'EBADF'].includes(errCode(e) ?? '')) throw e;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `target` with `data` atomically and durably: either the old or the new content is on
 * disk after a crash, never a mix. Resolves only once the new content is synced.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: { beforeRename?: () => Promise<void>; tempPath?: string } = {},
): Promise<void> {
  const tmp = options.tempPath ?? tempPathFor(target);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(tmp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // last look at the target: throwing here leaves it untouched (the temp file is removed)
    await options.beforeRename?.();
    await renameWithRetry(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await fsyncDir(path.dirname(target));
}

/** Thrown by `read` when the file exists but is not a JSON object (truncated, empty, garbage). */
export class JsonParseError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    super(`${path.basename(file)}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'JsonParseError';
    this.file = file;
  }
}

export const contentHash = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export interface AtomicJsonAdapterOptions {
  /** Defaults to compact JSON: big year files serialize and write noticeably faster without indentation. */
  stringify?: (data: unknown) => string;
}

/**
 * lowdb adapter over `writeFileAtomic`. `read` returns the parsed JSON as is (null when the file
 * does not exist); validation is the store's job so it can tell "corrupt" from "newer version".
 */
export class AtomicJsonAdapter<T> implements Adapter<T> {
  readonly file: string;
  private readonly stringify: (data: unknown) => string;
  /**
   * sha-256 of the bytes last read or written (what this process believes the file holds), kept
   * only while `keepHash` is on: the store needs it only on disks with a coarse clock.
   */
  lastHash: string | null = null;
  keepHash = true;
  /** run just before the final rename of a write (the store's "is it still the file I read?") */
  beforeRename: (() => Promise<void>) | undefined;

  constructor(file: string, options: AtomicJsonAdapterOptions = {}) {
    this.file = file;
    this.stringify = options.stringify ?? ((d) => JSON.stringify(d));
  }

  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(this.file);
    } catch (e) {
      if (errCode(e) === 'ENOENT') {
        this.lastHash = null;
        return null;
      }
      throw e;
    }
    this.lastHash = this.keepHash ? contentHash(bytes) : null;
    let text = bytes.toString('utf8');
    // A BOM appears when someone opens and saves the file in Notepad; it is not corruption.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new JsonParseError(this.file, e);
    }
    // Low treats a falsy result as "no file"; a file holding `null` or `0` is damaged, not absent.
    if (typeof value !== 'object' || value === null) throw new JsonParseError(this.file, new Error('top level is not an object'));
    return value as T;
  }

  async write(data: T): Promise<void> {
    const text = this.stringify(data);
    await writeFileAtomic(this.file, text, { beforeRename: this.beforeRename });
    this.lastHash = this.keepHash ? contentHash(text) : null;
  }
}
