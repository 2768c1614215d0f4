/** Runs the built CLI (dist/main/cli.cjs) as a user would: exit code and both streams, never throws. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const CLI = path.resolve('dist/main/cli.cjs');

export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error('dist/main/cli.cjs missing: run npm run build first');
}

export async function fazhi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // FAZHI_DATA_DIR emptied: a test names its folder, never the desktop app's
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], { env: { ...process.env, FAZHI_DATA_DIR: '' }, maxBuffer: 20 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
