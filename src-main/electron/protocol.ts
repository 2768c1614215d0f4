/**
 * The `app://fazhi/…` protocol that serves the built renderer (dist/renderer). Pages never load
 * from `file://`: a custom standard+secure origin gives the renderer a real origin for CSP and for
 * the IPC sender check, and this handler is the only door to the disk it has.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';

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

/** Called before `app.ready`: only then can a scheme be made standard/secure. */
export function registerSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: a real origin (app://fazhi) for CSP and the IPC sender check; secure: treated
      // like https; corsEnabled: vite's module scripts are fetched in CORS mode (`crossorigin`);
      // codeCache: V8 caches the bundle, so the window paints sooner on a slow township PC
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

// Chromium already canonicalises standard-scheme URLs, so these only matter if that ever changes
// or the handler is reached some other way; they are checked on the raw text, before decoding.
const SUSPICIOUS_RAW = /\\|%5c|%00|\0|%2e|%2f/i;

/**
 * Maps a request URL to a file inside `root`, or null when the URL is not ours or tries to leave
 * the root (`..`, encoded dots or slashes, backslashes, NUL). Pure: the caller checks existence.
 */
export function resolveAppPath(root: string, rawUrl: string): string | null {
  if (SUSPICIOUS_RAW.test(rawUrl)) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
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

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

/**
 * The request handler for `protocol.handle`. Also checks the real path after following links, so
 * a symlink inside dist/renderer cannot point outside it.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  const base = path.resolve(root);
  let realBase: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '不支持的请求方式');
    const file = resolveAppPath(base, request.url);
    if (!file) return textResponse(403, '拒绝访问');
    try {
      realBase ??= fs.realpath(base);
      const [realFile, realRoot] = await Promise.all([fs.realpath(file), realBase]);
      const rel = path.relative(realRoot, realFile);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return textResponse(403, '拒绝访问');
      const stat = await fs.stat(realFile);
      if (!stat.isFile()) return textResponse(404, '找不到该页面资源');
      const body = request.method === 'HEAD' ? null : await fs.readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': mimeTypeFor(realFile),
          'content-length': String(stat.size),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      realBase = null;
      return textResponse(404, '找不到该页面资源');
    }
  };
}

/** Called after `app.ready`. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
