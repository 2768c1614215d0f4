import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = '法治年报';

/**
 * The desktop app keeps data in Electron's userData/data; the CLI and the web bridge compute the
 * same folder without Electron so all three see one data set. `FAZHI_DATA_DIR` overrides.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FAZHI_DATA_DIR) return path.resolve(env.FAZHI_DATA_DIR);
  const home = os.homedir();
  let base: string;
  if (platform === 'win32') base = env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') base = path.join(home, 'Library', 'Application Support');
  else base = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  return path.join(base, APP_DIR_NAME, 'data');
}
