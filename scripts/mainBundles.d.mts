// Types of scripts/mainBundles.mjs for the TypeScript tests that build bundles the way the build does.
import type { BuildOptions } from 'esbuild';

export const HOST_KEY: string;
export function commonOptions(root: string, external?: string[]): BuildOptions;
export function buildSplitBundle(opts: { root: string; entry: string; outfile: string; common: BuildOptions }): Promise<string[]>;
