/**
 * Process-wide hardening. Applied to every web contents Electron creates (not only our window),
 * so a future second window or an injected frame gets the same rules without anyone remembering.
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './appOrigin';

/** Schemes a page of ours may load from. Everything else (http, https, ws, file, ftp…) is cancelled. */
const ALLOWED_REQUEST_PROTOCOLS = new Set(['app:', 'data:', 'blob:', 'devtools:']);

export function isAllowedRequestUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'app:') return isAppUrl(url);
    return ALLOWED_REQUEST_PROTOCOLS.has(u.protocol);
  } catch {
    return false;
  }
}

type NavigationEvent = { preventDefault(): void };

/** Navigation stays on the app origin; windows, webviews and redirects elsewhere are refused. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  const guard = (event: NavigationEvent, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'>;
};

/**
 * No permission (camera, notifications, clipboard-read, geolocation…) is ever granted, nothing
 * leaves the machine, and the CSP header is added to whatever response passes through webRequest
 * (the app:// handler sets it itself as well).
 */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      // Spelled out (not the CONTENT_SECURITY_POLICY constant) so electronegativity can evaluate
      // it; security.test.ts proves both are the same policy.
      // electronegativity: style-src needs 'unsafe-inline' because antd (CSS-in-JS) injects <style> tags and the editor sets style attributes; script-src stays 'self' only, so no inline or remote script can run
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/** Must run before `app.ready` (enableSandbox only works then). */
export function applyAppSecurity(app: Pick<App, 'enableSandbox' | 'on'>): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
