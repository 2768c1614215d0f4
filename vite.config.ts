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
export default defineConfig({
  root: path.join(here, 'src-renderer'),
  base: './',
  plugins: [react(), antdUsedStyles()],
  build: {
    outDir: path.join(here, 'dist/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
});
