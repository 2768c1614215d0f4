import { createHash, randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { errCode, namesIn } from './fsHelpers';
import { VIEW_TAG, isProcessAlive } from './processIdentity';
import { NOTICE_AFTER_MS, WAITING_FOR_PROGRAM, beginWait } from './waitNotice';

/**
 * Crash-safe file writing. lowdb's own JSONFile (via steno) renames a fixed temp name and never
 * fsyncs, so a power cut can leave an empty or half-written data file; this writer gives every
 * write its own temp file, makes it durable, then swaps it in with one rename.
 */

const IS_WINDOWS = process.platform === 'win32';
/**
 * What Windows reports while another program (anti-virus, the search indexer, OneDrive, WPS) holds
 * the target or the temp file open: MoveFileEx fails with access denied / sharing violation, which
 * libuv maps to EPERM, EBUSY, EACCES, and some drivers' codes to UNKNOWN.
 */
const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES', 'UNKNOWN']);
/** A scanner may hold a fresh file for seconds; graceful-fs waits up to 60 s for the same reason (nodejs/node#29481). */
const RENAME_BUDGET_MS = 60_000;
const RENAME_FIRST_DELAY_MS = 10;
const RENAME_MAX_DELAY_MS = 1_000;

export const TEMP_SUFFIX = '.tmp';

/**
 * `.<name>.<view>-<pid>.<random>.tmp` beside the target, so the final rename never crosses
 * devices; the view tag and pid let the next start remove its own leftovers and never another
 * PC's save in progress (processIdentity.ts).
 *
 * Hidden from the clerk: on Linux and macOS by the leading dot. On Windows a dot hides nothing
 * (Explorer shows it) and a file is hidden by its attribute, which Node cannot set when it creates
 * a file (libuv opens with FILE_ATTRIBUTE_NORMAL) and can set only by running `attrib +h`, a
 * process per save. So on Windows temp files go into a subfolder, `TEMP_DIR`, hidden once by
 * `attrib +h` when the folder is first used in a run: the rename from it onto the target stays on
 * one volume (MoveFileEx renames across folders of a volume, or of an SMB share, atomically).
 */
export const TEMP_DIR = '.fazhi-tmp';

/** Where temp files of `dir`'s files are made: `dir` itself, or on Windows its hidden TEMP_DIR. */
export function tempDirOf(dir: string): string {
  return IS_WINDOWS ? path.join(dir, TEMP_DIR) : dir;
}

/**
 * Every place temp files of `dir`'s files may be, for the clean-ups: the folder itself (Linux,
 * macOS, and Windows releases before TEMP_DIR) and its TEMP_DIR.
 */
export function tempPlaces(dir: string): string[] {
  return [dir, path.join(dir, TEMP_DIR)];
}

/** temp folders made (and hidden) in this run */
const prepared = new Set<string>();

/**
 * Makes sure the folder of `tmp` exists before a temp file is made there; on Windows the first use
 * of a TEMP_DIR in a run hides it (`attrib +h`, not awaited: a folder shown for a moment costs
 * nothing, a save waiting for a process would).
 */
export async function prepareTemp(tmp: string, again = false): Promise<void> {
  const dir = path.dirname(tmp);
  if (path.basename(dir) !== TEMP_DIR || (prepared.has(dir) && !again)) return;
  await fsp.mkdir(dir, { recursive: true });
  prepared.add(dir);
  // loaded here, on Windows only: elsewhere no start-up pays for node:child_process
  process.getBuiltinModule('node:child_process').execFile('attrib', ['+h', dir], { windowsHide: true }, () => undefined);
}

/**
 * After a save into a folder that is not the app's own (an export on the clerk's desktop): the
 * TEMP_DIR goes again if nothing else is in it, so nothing of ours stays in the clerk's folder.
 */
export async function releaseTempDir(dir: string): Promise<void> {
  const t = tempDirOf(dir);
  if (t === dir) return;
  prepared.delete(t);
  await fsp.rmdir(t).catch(() => undefined);
}

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  const name = path.basename(target);
  return path.join(tempDirOf(dir), `.${name}.${VIEW_TAG}-${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/**
 * Parses a temp file name made by `tempPathFor` (`view` null: a name from before views were
 * recorded); null for anything else.
 */
export function parseTempName(fileName: string): { target: string; pid: number; view: string | null } | null {
  const m = /^\.(.+)\.(?:([0-9a-f]{8})-)?(\d+)\.[0-9a-f]{12}\.tmp$/.exec(fileName);
  if (!m) return null;
  return { target: m[1]!, pid: Number(m[3]), view: m[2] ?? null };
}

/** A temp file named before names carried the writer's view is surely abandoned after this long. */
const OLD_NAME_ABANDONED_MS = 24 * 3600_000;

/**
 * Temp files left by a process that was killed mid-write. Only those provably abandoned: written
 * in this process's view (processIdentity.ts) by a pid that no longer runs, or, for names without
 * a view, untouched for a day. Never another PC's or a live process's save in progress; a data
 * file's leftovers of any origin go when its lock is next taken (locking.ts, the fence).
 */
export async function removeStaleTemps(folder: string): Promise<void> {
  for (const dir of tempPlaces(folder)) await removeStaleTempsIn(dir);
}

async function removeStaleTempsIn(dir: string): Promise<void> {
  const names = await namesIn(dir);
  for (const name of names) {
    const t = parseTempName(name);
    if (!t || t.pid === process.pid) continue;
    const file = path.join(dir, name);
    let abandoned: boolean;
    if (t.view === null) abandoned = await fsp.stat(file).then((s) => Date.now() - s.mtimeMs > OLD_NAME_ABANDONED_MS, () => false);
    else abandoned = t.view === VIEW_TAG && !isProcessAlive(t.pid);
    if (abandoned) await fsp.rm(file, { force: true }).catch(() => undefined);
  }
}

/**
 * Removes every temp file of `target` (the fence, locking.ts): called by whoever has just taken
 * its lock, so a writer that lost the lock finds its rename failing instead of overwriting.
 */
export async function removeTempFilesOf(target: string): Promise<void> {
  const name = path.basename(target);
  for (const dir of tempPlaces(path.dirname(target))) {
    for (const n of await namesIn(dir)) {
      if (parseTempName(n)?.target === name) await fsp.rm(path.join(dir, n), { force: true }).catch(() => undefined);
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * rename, retried on Windows while another program holds the file: with backoff, for up to a
 * minute, telling the clerk after a moment that the save is waiting (waitNotice.ts).
 */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  const started = Date.now();
  let delay = RENAME_FIRST_DELAY_MS;
  const wait = beginWait(WAITING_FOR_PROGRAM, path.basename(to));
  try {
    for (;;) {
      try {
        await fsp.rename(from, to);
        return;
      } catch (e) {
        const waited = Date.now() - started;
        if (!IS_WINDOWS || !RETRYABLE_RENAME.has(errCode(e) ?? '') || waited >= RENAME_BUDGET_MS) throw e;
        if (waited >= NOTICE_AFTER_MS) wait.show();
        await sleep(Math.min(delay, RENAME_BUDGET_MS - waited));
        delay = Math.min(RENAME_MAX_DELAY_MS, delay * 2);
      }
    }
  } finally {
    wait.end();
  }
}

/** Makes the rename itself durable: the new directory entry is only on disk after the folder is synced. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync (Node gets EPERM/EISDIR), so there the rename is
  // not forced to disk. What still holds after a power cut on NTFS: the new file's bytes were
  // flushed (FlushFileBuffers) before the rename, and NTFS journals renames, so a data file is
  // whole, the old version or the new, never half of each. What does not: a save confirmed in
  // the last moments before the cut may come back as its previous version, because NTFS commits
  // its journal on its own schedule (seconds) and Node offers no write-through rename.
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
    await prepareTemp(tmp);
    handle = await fsp.open(tmp, 'wx').catch(async (e: unknown) => {
      // the temp folder went meanwhile (another save in that folder released it): make it again
      if (errCode(e) !== 'ENOENT') throw e;
      await prepareTemp(tmp, true);
      return fsp.open(tmp, 'wx');
    });
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
