import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * antd's stylesheet, made while building (scripts/antdStyles.mjs) with only the components the
 * renderer imports, in two files:
 * - `import 'virtual:antd.css'` (src-renderer/main.tsx): the components of what the page runs
 *   before its first screen (main.tsx and its static imports: the frame, 概览, 使用说明), in the
 *   entry's stylesheet;
 * - the rest (tables, forms, inputs… of the other screens and dialogs), `assets/antd-later-<hash>.css`,
 *   named to the page in `<meta name="fazhi-antd-later">` and loaded after the first screen is up or
 *   before any other screen's chunk runs (src-renderer/laterStyles.ts).
 * In a dev server the first file has every used component and there is no second.
 */
function antdUsedStyles(): Plugin {
  const id = 'virtual:antd.css';
  let split: { first: string; later: string; laterFile: string } | undefined;
  let building = false;
  const make = async () => {
    const { antdStylesFor, usedComponents, firstScreenSources, componentsIn } = await import('./scripts/antdStyles.mjs');
    const used = [...usedComponents(path.join(here, 'src-renderer'))];
    if (!building) return { first: antdStylesFor(here, used), later: '', laterFile: '' };
    const first = [...componentsIn(firstScreenSources(path.join(here, 'src-renderer/main.tsx')))];
    const later = antdStylesFor(here, used, { without: first });
    const hash = createHash('sha256').update(later).digest('base64url').slice(0, 8);
    return { first: antdStylesFor(here, first), later, laterFile: `assets/antd-later-${hash}.css` };
  };
  return {
    name: 'fazhi-antd-used-styles',
    configResolved(config) {
      building = config.command === 'build';
    },
    async buildStart() {
      split = await make();
      if (split.laterFile) this.emitFile({ type: 'asset', fileName: split.laterFile, source: split.later });
    },
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      split ??= await make();
      return split.first;
    },
    transformIndexHtml: () => (split?.laterFile ? [{ tag: 'meta', attrs: { name: 'fazhi-antd-later', content: `./${split.laterFile}` }, injectTo: 'head' }] : []),
  };
}

/**
 * antd's code that writes each component's CSS, dead in zero-runtime mode (main.tsx): its style
 * functions are cut from antd's style modules (scripts/antdStyles.mjs stripStyleGenerators), so they
 * are neither downloaded nor parsed. Only with `zeroRuntime: true` in main.tsx's ConfigProvider.
 */
function antdWithoutStyleCode(): Plugin {
  return {
    name: 'fazhi-antd-without-style-code',
    async transform(code, id) {
      if (!/[\\/]node_modules[\\/]antd[\\/]es[\\/].*[\\/]style[\\/]?[^\\/]*\.js$/.test(id.split('?')[0]!)) return undefined;
      const [{ stripStyleGenerators }, { default: ts }] = await Promise.all([import('./scripts/antdStyles.mjs'), import('typescript')]);
      const out = stripStyleGenerators(ts, code, id);
      return out === null ? undefined : { code: out, map: null };
    },
  };
}

// The renderer is served by Electron's app:// protocol and by the loopback bridge in web mode, so
// asset paths are relative (base './') and nothing is fetched from another origin.
export default defineConfig({
  root: path.join(here, 'src-renderer'),
  base: './',
  plugins: [react(), antdUsedStyles(), antdWithoutStyleCode()],
  build: {
    outDir: path.join(here, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      treeshake: {
        // rc-form does not say it is free of side effects (no "sideEffects" in its package.json), so
        // the one FormProvider antd's form context imports for every field-like component (Select,
        // Input, Button…) kept all of rc-form and async-validator in the first screen's chunks; it
        // has none (React components and functions only)
        moduleSideEffects: [{ test: /[\\/]node_modules[\\/]@rc-component[\\/](form|async-validator)[\\/]/, sideEffects: false }],
      },
    },
  },
});
