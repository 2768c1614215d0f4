/**
 * Serving the built renderer from disk, shared by the two transports that do it: Electron's
 * `app://` protocol and the loopback HTTP bridge. One set of traversal rules, one MIME table,
 * one Content-Security-Policy, so the desktop app and the browser version cannot drift apart.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Sent with every page response. Must allow at least what the meta tag in src-renderer/index.html
 * allows (both are enforced): antd and the editor write inline styles, nothing else is inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

// Checked on the raw text, before decoding: encoded dots, slashes, backslashes and NUL have no
// business in a request for a built asset.
const SUSPICIOUS_RAW = /\\|%5c|%00|\0|%2e|%2f/i;

/** True for request text that spells a way out of the root (checked before any URL parsing: the
 *  WHATWG parser would quietly turn `/%2e%2e/x` into `/x`). */
export function isSuspiciousRaw(raw: string): boolean {
  return SUSPICIOUS_RAW.test(raw);
}

/**
 * Maps a URL path (still percent-encoded) to a file inside `root`, or null when it tries to leave
 * the root. '/' is index.html. Pure: the caller checks existence (and symlinks, if it cares).
 */
export function resolveRendererPath(root: string, rawPathname: string): string | null {
  if (isSuspiciousRaw(rawPathname)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const segments = rel.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0) segments.push('index.html');
  const base = path.resolve(root);
  const resolved = path.resolve(base, ...segments);
  const relative = path.relative(base, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return resolved;
}

/**
 * The real path of `file` if it is a regular file whose real location (symlinks followed) is still
 * inside `root`; null otherwise. A symlink in the renderer folder must not become a door to the disk.
 */
export async function realFileInside(root: string, file: string): Promise<string | null> {
  try {
    const [realFile, realRoot] = await Promise.all([fs.realpath(file), fs.realpath(root)]);
    const rel = path.relative(realRoot, realFile);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    return (await fs.stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}
