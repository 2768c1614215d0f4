import os from 'node:os';
import path from 'node:path';

/** The environment variables these folders are read from (process.env, or a test's own). */
export type Env = Record<string, string | undefined>;

/**
 * The program's per-user cache folder (`…/fazhi-nianbao`): what only makes a start faster and may
 * be deleted at any time — the compile cache (compileCache.ts), the year summaries
 * (store/summaryCache.ts). Never inside the data folder: reading the clerk's data writes nothing
 * there, and a shared folder's PCs each keep their own.
 *
 * `FAZHI_CACHE_DIR=<dir>` puts it elsewhere (tests, portable use); null when there is no home
 * folder to put it in.
 */
export function userCacheDir(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  homeDir: string | (() => string) = os.homedir,
): string | null {
  const set = env.FAZHI_CACHE_DIR?.trim();
  if (set) return path.resolve(set);
  let home = '';
  try {
    // os.homedir() throws when HOME is unset and the user has no passwd entry (a service account,
    // a container): then there is simply no cache
    home = typeof homeDir === 'function' ? homeDir() : homeDir;
  } catch {
    return null;
  }
  if (!home) return null;
  const base =
    platform === 'win32'
      ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches')
        : (env.XDG_CACHE_HOME || path.join(home, '.cache'));
  return path.join(base, 'fazhi-nianbao');
}
