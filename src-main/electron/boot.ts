/**
 * package.json `main` (bundled to dist/main/electron-main.cjs, a few KB, no `electron` import):
 * turns on Node's compile cache where Electron's Node has it (Electron 41: Node 22+), so the next
 * start skips compiling the main bundle, then loads the app (electron-app.cjs, from main.ts).
 */
import path from 'node:path';
import { enableNodeCompileCache } from '../boot/compileCache';

try {
  enableNodeCompileCache();
} catch {
  // only a speed-up: the app starts uncached
}
require(path.join(__dirname, 'electron-app.cjs'));
