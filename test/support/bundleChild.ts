import path from 'node:path';
import { build } from 'esbuild';

/**
 * Crash and multi-process tests run a small TypeScript script in child processes; esbuild makes it
 * one CommonJS file the child `node` can start without a loader.
 */
export async function bundleChild(source: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(source, '.ts')}.cjs`);
  await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  return outfile;
}
