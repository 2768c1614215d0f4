/** Types of antdStyles.mjs (the build script stays plain JavaScript, run by Node without a compiler). */
export function antdImports(source: string): Set<string>;
export function usedComponents(dir: string): Set<string>;
export function antdStylesFor(root: string, components: Iterable<string>, options?: { without?: string[] }): string;
export function firstScreenSources(entry: string): string[];
export function componentsIn(files: string[]): Set<string>;
export function antdStylesAll(root: string): string;
export function stripStyleGenerators(ts: typeof import('typescript'), code: string, fileName?: string): string | null;
