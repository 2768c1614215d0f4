import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * `import 'virtual:antd.css'` (src-renderer/main.tsx): antd's stylesheet with only the components the
 * renderer imports from 'antd', made while building (scripts/antdStyles.mjs) instead of the ~1 MB
 * antd/dist/antd.css of every component.
 */
function antdUsedStyles(): Plugin {
  const id = 'virtual:antd.css';
  return {
    name: 'fazhi-antd-used-styles',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const { antdStylesFor, usedComponents } = await import('./scripts/antdStyles.mjs');
      return antdStylesFor(here, usedComponents(path.join(here, 'src-renderer')));
    },
  };
}

// The renderer is served by Electron's app:// protocol and by the loopback bridge in web mode, so
// asset paths are relative (base './') and nothing is fetched from another origin.
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

export default defineConfig({
  root: path.join(here, 'src-renderer'),
  base: './',
  plugins: [react(), antdUsedStyles(), antdWithoutStyleCode()],
  build: {
    outDir: path.join(here, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
});
