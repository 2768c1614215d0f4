import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { errnoCode, fileErrorMessage } from '../../src-shared/fileErrors';
import { windowsFileNameProblem } from '../../src-shared/fileName';
import { parseTempName, prepareTemp, releaseTempDir, TEMP_DIR, tempDirOf, tempPathFor, tempPlaces, writeFileAtomic } from './atomicWrite';
import { VIEW_TAG, isProcessAlive } from './processIdentity';
import { namesIn } from './fsHelpers';

/**
 * Saving a file the clerk chose the place of (an exported .docx, a backup on a USB stick).
 * It is written like a data file (hidden temp file next to it, fsync, rename), so the chosen name
 * never holds half a file. A process killed mid-write cannot remove its hidden temp file, so the
 * temp's path is first noted in the data folder (`.outside.<view>-<pid>.<random>.pending`); the
 * next start of a fazhi process on that folder removes the temps of processes of its own view
 * that are gone (processIdentity.ts: never those of another PC sharing the folder, whose save
 * may be in progress). The note is best effort: a full data disk must not stop saving the file
 * elsewhere.
 */

const PENDING_RE = /^\.outside\.(?:([0-9a-f]{8})-)?(\d+)\.[0-9a-f]{12}\.pending$/;
/** A note named before notes carried the writer's view is surely abandoned after this long. */
const OLD_NAME_ABANDONED_MS = 24 * 3600_000;

/** Writes `data` to `target`; every failure is an AppError('IO') in Chinese saying what to do. */
export async function saveOutside(target: string, data: Uint8Array | string, dataDir?: string): Promise<void> {
  // before anything is written: a name Windows keeps as a device (CON.docx) or silently changes
  // (a trailing dot) would "save" a file the clerk never finds
  const nameProblem = windowsFileNameProblem(path.basename(target));
  if (nameProblem) throw new AppError('VALIDATION', nameProblem);
  const tmp = tempPathFor(target);
  let note: string | null = null;
  if (dataDir) {
    note = path.join(tempDirOf(dataDir), `.outside.${VIEW_TAG}-${process.pid}.${randomBytes(6).toString('hex')}.pending`);
    await prepareTemp(note)
      .then(() => fsp.writeFile(note!, tmp, { flag: 'wx' }))
      .catch(() => (note = null));
  }
  try {
    await writeFileAtomic(target, data, { tempPath: tmp });
  } catch (e) {
    throw new AppError('IO', fileErrorMessage(errnoCode(e), `保存 ${path.basename(target)}`, target), { code: errnoCode(e) });
  } finally {
    if (note) await fsp.rm(note, { force: true }).catch(() => undefined);
    // on Windows the hidden temp folder beside the clerk's file goes again (nothing of ours stays
    // there); the data folder's own stay, its saves use them
    const rel = dataDir ? path.relative(dataDir, path.dirname(target)) : '..';
    if (rel.startsWith('..') || path.isAbsolute(rel)) await releaseTempDir(path.dirname(target));
  }
}

/** On open: removes hidden temp files left elsewhere by processes killed while saving. */
export async function removeAbandonedOutsideTemps(dataDir: string): Promise<void> {
  for (const dir of tempPlaces(dataDir)) await removeAbandonedIn(dir);
}

async function removeAbandonedIn(dir: string): Promise<void> {
  const names = await namesIn(dir);
  for (const name of names) {
    const m = PENDING_RE.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    const note = path.join(dir, name);
    if (m[1] === undefined) {
      if (!(await fsp.stat(note).then((s) => Date.now() - s.mtimeMs > OLD_NAME_ABANDONED_MS, () => false))) continue;
    } else if (m[1] !== VIEW_TAG || pid === process.pid || isProcessAlive(pid)) continue;
    try {
      const tmp = (await fsp.readFile(note, 'utf8')).trim();
      // only ever a temp file of ours: the name says so and carries the dead pid
      const parsed = parseTempName(path.basename(tmp));
      if (path.isAbsolute(tmp) && parsed && parsed.pid === pid) {
        await fsp.rm(tmp, { force: true });
        // and its hidden temp folder (Windows), if nothing else is in it
        if (path.basename(path.dirname(tmp)) === TEMP_DIR) await fsp.rmdir(path.dirname(tmp)).catch(() => undefined);
      }
    } catch {
      // unreadable note: nothing to clean
    }
    await fsp.rm(note, { force: true }).catch(() => undefined);
  }
}
