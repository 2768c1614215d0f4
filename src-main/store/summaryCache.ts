import { promises as fsp } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { YearSummary } from '../../src-shared/contract';
import { contentHash, prepareTemp, tempPathFor } from './atomicWrite';
import { coarseClock, statSig, type DataFile } from './dataFile';

/**
 * Year summaries kept between runs (年度摘要缓存): one file per data folder in the per-user cache
 * folder (`…/fazhi-nianbao/year-summaries/`, boot/userCacheDir.ts), never in the data folder itself —
 * opening and reading the clerk's data writes nothing there.
 *
 * Why: when the app opens, 概览 and the check for damaged files (data.damaged) need every year's
 * counts, and without this every 年度文件 was parsed and validated in full: with ten years of
 * 5,000 entries that was 1.3–2.8 s of the services' time before 概览 could show anything, on every
 * start. A year whose bytes are exactly those that were validated before needs neither: its counts
 * are what they were, and it is as readable as it was.
 *
 * The entry of a file is found by the sha-256 of its bytes (not by its size and time: a disk with
 * a coarse clock, or a copy from another PC, would fool those), and only an entry made by this
 * program version for the same file name is used. Reading and hashing a 1 MB year costs a few
 * milliseconds; a miss costs that on top of the usual full read, which then fills the entry.
 *
 * It is a cache and nothing more: missing, damaged, from another version, unwritable — each only
 * costs the full read. A restore does not touch it (a restored year has other bytes, so its old
 * entry is not found); each PC on a shared folder keeps its own. Two programs on one PC may both
 * write it; the last write wins and the other's entries are made again when next missed.
 */

/** The cache file of the data folder `dataDir` in the cache folder `cacheDir`. */
export function summaryCacheFile(cacheDir: string, dataDir: string): string {
  const where = path.resolve(dataDir);
  // one name per folder; Windows paths differ in case only for the same folder
  return path.join(cacheDir, `${contentHash(process.platform === 'win32' ? where.toLowerCase() : where).slice(0, 24)}.json`);
}

const MAX_CACHE_BYTES = 1 << 20;

/** Bumped when what an entry means changes. */
const FORMAT = 1;

const SummarySchema = z.object({
  year: z.number().int(),
  ledgerCount: z.number().int().nonnegative(),
  mediationCount: z.number().int().nonnegative(),
  partCount: z.number().int().nonnegative(),
  exportCount: z.number().int().nonnegative(),
});

const CacheFileSchema = z.object({
  format: z.literal(FORMAT),
  /** the program version that validated the files: another version's rules may differ */
  version: z.string(),
  files: z.record(z.string(), z.object({ sha256: z.string(), summary: SummarySchema })),
});
type CacheFile = z.infer<typeof CacheFileSchema>;

/** The file's bytes as one read saw them, with the signature around that read. */
interface Seen {
  sig: string | null;
  sha256: string;
}

export class SummaryCache {
  private readonly file: string;
  private loaded: Promise<CacheFile['files']> | null = null;
  /** per file: the summary of a hit, and the signature it was seen under (skips re-hashing while unchanged) */
  private readonly hits = new Map<string, { sig: string; summary: YearSummary }>();
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly cacheDir: string,
    dataDir: string,
    private readonly version: string,
  ) {
    this.file = summaryCacheFile(cacheDir, dataDir);
  }

  private entries(): Promise<CacheFile['files']> {
    // an entry is ~200 bytes: anything near this is not ours, and is not read into memory
    this.loaded ??= fsp
      .stat(this.file)
      .then((st) => (st.isFile() && st.size <= MAX_CACHE_BYTES ? fsp.readFile(this.file, 'utf8') : '{}'))
      .then((text) => {
        const r = CacheFileSchema.safeParse(JSON.parse(text));
        return r.success && r.data.version === this.version ? r.data.files : {};
      })
      .catch(() => ({}));
    return this.loaded;
  }

  /**
   * The summary of `dataFile` without parsing it, when its bytes are those an earlier full read
   * validated; null otherwise (then `seen`, when set, is what to `remember` after the full read).
   * A file this process holds loaded and unchanged is left to the store (it has its content).
   */
  async lookup(dataFile: DataFile<unknown>): Promise<{ summary: YearSummary } | { seen: Seen | null }> {
    const sig = await statSig(dataFile.filePath).catch(() => null);
    if (sig === null) return { seen: null };
    if ((dataFile.loaded || dataFile.blocked) && dataFile.sig === sig && !coarseClock(sig)) return { seen: null };
    const known = this.hits.get(dataFile.fileName);
    if (known && known.sig === sig && !coarseClock(sig)) return { summary: { ...known.summary } };
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(dataFile.filePath);
    } catch {
      return { seen: null };
    }
    // changed while it was read: nothing safe to say of it
    if ((await statSig(dataFile.filePath).catch(() => null)) !== sig) return { seen: null };
    const sha256 = contentHash(bytes);
    const entry = (await this.entries())[dataFile.fileName];
    if (entry && entry.sha256 === sha256) {
      this.hits.set(dataFile.fileName, { sig, summary: entry.summary });
      return { summary: { ...entry.summary } };
    }
    return { seen: { sig, sha256 } };
  }

  /**
   * After a full read that validated the file: its entry, when what was read is provably the bytes
   * `lookup` hashed (the same signature on a disk with a fine clock; the same hash on a coarse one).
   */
  async remember(dataFile: DataFile<unknown>, seen: Seen, readHash: string | null, summary: YearSummary): Promise<void> {
    if (!dataFile.loaded || dataFile.data === null) return;
    const same = seen.sig !== null && (coarseClock(seen.sig) ? readHash === seen.sha256 : dataFile.sig === seen.sig);
    if (!same) return;
    const files = await this.entries();
    files[dataFile.fileName] = { sha256: seen.sha256, summary: { ...summary } };
    this.dirty = true;
    // awaited, so nothing of ours is still writing in the folder once the caller has its answer
    await this.flush();
  }

  /**
   * Writes in turn: each call's step writes what was remembered until then, unless an earlier step
   * already did. A temp file renamed over the cache, so a reader never sees half of one, but neither
   * fsync'd nor retried when the file is held (as data files are): losing it costs one full read
   * per year, and a start must not wait for a disk.
   */
  private flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const body: CacheFile = { format: FORMAT, version: this.version, files: await this.entries() };
      const tmp = tempPathFor(this.file);
      try {
        await fsp.mkdir(this.cacheDir, { recursive: true });
        await prepareTemp(tmp);
        await fsp.writeFile(tmp, JSON.stringify(body), { flag: 'wx' });
        await fsp.rename(tmp, this.file);
      } catch {
        await fsp.rm(tmp, { force: true }).catch(() => undefined);
      }
    });
    return this.writing;
  }

  /** Resolves when nothing is left to write (tests; a process about to end). */
  settled(): Promise<void> {
    return this.writing;
  }
}
