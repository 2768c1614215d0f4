/**
 * The `app://fazhi/…` protocol that serves the built renderer (dist/renderer). Pages never load
 * from `file://`: a custom standard+secure origin gives the renderer a real origin for CSP and for
 * the IPC sender check, and this handler is the only door to the disk it has.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { CONTENT_SECURITY_POLICY, isSuspiciousRaw, mimeTypeFor, realFileInside, resolveRendererPath } from '../static/rendererFiles';

export { CONTENT_SECURITY_POLICY, mimeTypeFor };

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

/**
 * Maps a request URL to a file inside `root`, or null when the URL is not ours or tries to leave
 * the root (`..`, encoded dots or slashes, backslashes, NUL). Pure: the caller checks existence.
 */
export function resolveAppPath(root: string, rawUrl: string): string | null {
  // Chromium already canonicalises standard-scheme URLs; the raw check matters if that ever changes
  if (isSuspiciousRaw(rawUrl)) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  return resolveRendererPath(root, url.pathname);
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
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, '不支持的请求方式');
    const file = resolveAppPath(base, request.url);
    if (!file) return textResponse(403, '拒绝访问');
    try {
      const realFile = await realFileInside(base, file);
      if (!realFile) return textResponse(404, '找不到该页面资源');
      const stat = await fs.stat(realFile);
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
      return textResponse(404, '找不到该页面资源');
    }
  };
}

/** Called after `app.ready`. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
