/**
 * vitest global setup: builds the file-reading box (src-main/sandbox/boxEntry.ts) from the sources
 * the tests run, to the path vitest.config.ts hands the services in FAZHI_PARSE_BOX. Without it,
 * tests of the sources would read files with whatever dist/ last held.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { commonOptions } from '../../scripts/mainBundles.mjs';

export const BOX_FOR_TESTS = 'node_modules/.cache/fazhi-test/parse-box.cjs';

export default async function setup(): Promise<void> {
  const root = path.resolve(__dirname, '../..');
  await build({ ...commonOptions(root), entryPoints: [path.join(root, 'src-main/sandbox/boxEntry.ts')], outfile: path.join(root, BOX_FOR_TESTS) });
}
