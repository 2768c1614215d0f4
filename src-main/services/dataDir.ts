import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = '法治年报';

/**
 * The desktop app keeps data in Electron's userData/data; the CLI and the web bridge compute the
 * same folder without Electron so all three see one data set. `FAZHI_DATA_DIR` overrides.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const fromEnv = dataDirFromEnv(env);
  if (fromEnv) return fromEnv;
  const home = os.homedir();
  let base: string;
  if (platform === 'win32') base = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else base = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(base, APP_DIR_NAME, 'data');
}

/** `FAZHI_DATA_DIR`, trimmed (a stray space from a .bat file is no folder name), resolved; null when unset or blank. */
export function dataDirFromEnv(env: Record<string, string | undefined>): string | null {
  const v = env.FAZHI_DATA_DIR?.trim();
  return v ? path.resolve(v) : null;
}
