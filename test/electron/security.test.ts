import { describe, expect, it } from 'vitest';
import type { App, WebContents } from 'electron';
import { applyAppSecurity, hardenSession, hardenWebContents, isAllowedRequestUrl } from '../../src-main/electron/security';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/protocol';
import { FakeEvent, FakeWebContents, asReal, fakeElectron, fakeSession } from './fakeElectron';

function hardened(): FakeWebContents {
  const { app } = fakeElectron({ appData: '/tmp/x', documents: '/tmp/d' });
  applyAppSecurity(asReal<App>(app));
  const contents = new FakeWebContents();
  // Electron emits this for every web contents it creates, including ours
  app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('every web contents is locked to the app origin', () => {
  it('enables the sandbox for all renderers before anything else', () => {
    const f = fakeElectron({ appData: '/tmp/x', documents: '/tmp/d' });
    applyAppSecurity(asReal<App>(f.app));
    expect(f.log).toEqual(['enableSandbox']);
  });

  it('prevents navigation to foreign pages and allows in-app navigation', () => {
    const c = hardened();
    expect(c.tryNavigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(c.tryNavigate('will-navigate', 'http://127.0.0.1:8080/')).toBe(false);
    expect(c.tryNavigate('will-navigate', 'file:///C:/Windows/win.ini')).toBe(false);
    expect(c.tryNavigate('will-navigate', 'app://evil/index.html')).toBe(false);
    expect(c.tryNavigate('will-navigate', 'app://fazhi:81/index.html')).toBe(false);
    expect(c.tryNavigate('will-navigate', 'javascript:alert(1)')).toBe(false);
    expect(c.tryNavigate('will-navigate', 'app://fazhi/index.html#/ledger')).toBe(true);
  });

  it('prevents redirects and subframe navigations that leave the app origin', () => {
    const c = hardened();
    expect(c.tryNavigate('will-redirect', 'https://tracker.example/')).toBe(false);
    expect(c.tryNavigate('will-redirect', 'app://fazhi/index.html')).toBe(true);
    const frameNav = Object.assign(new FakeEvent('https://example.com/'), { url: 'https://example.com/' });
    c.emit('will-frame-navigate', frameNav);
    expect(frameNav.defaultPrevented).toBe(true);
  });

  it('denies every new window, even to an app URL', () => {
    const c = hardened();
    expect(c.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(c.windowOpenHandler?.({ url: 'app://fazhi/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const c = hardened();
    const e = new FakeEvent();
    c.emit('will-attach-webview', e, {}, {});
    expect(e.defaultPrevented).toBe(true);
  });

  it('hardenWebContents can be applied directly to a single web contents', () => {
    const c = new FakeWebContents();
    hardenWebContents(asReal<WebContents>(c));
    expect(c.tryNavigate('will-navigate', 'https://example.com/')).toBe(false);
  });
});

describe('the session grants nothing and reaches nothing', () => {
  it('denies every permission request and check', () => {
    const s = fakeSession();
    hardenSession(s as never);
    for (const perm of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | null = null;
      s.permissionRequest!({}, perm, (ok) => (granted = ok));
      expect(granted, perm).toBe(false);
      expect(s.permissionCheck!({}, perm, 'app://fazhi'), perm).toBe(false);
    }
  });

  it('cancels requests to the network or the file system, lets app:// and data: through', () => {
    const s = fakeSession();
    hardenSession(s as never);
    const cancelled = (url: string) => {
      let r: { cancel?: boolean } = {};
      s.beforeRequest!({ url }, (x) => (r = x));
      return r.cancel;
    };
    expect(cancelled('https://update.example.com/latest.yml')).toBe(true);
    expect(cancelled('http://127.0.0.1:3000/')).toBe(true);
    expect(cancelled('ws://localhost:5173/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://other/index.html')).toBe(true);
    expect(cancelled('app://fazhi/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(isAllowedRequestUrl('not a url')).toBe(false);
  });

  it('adds the content security policy header to responses', () => {
    const s = fakeSession();
    hardenSession(s as never);
    let out: any;
    s.headersReceived!({ url: 'app://fazhi/', responseHeaders: { 'X-A': ['1'] } }, (r) => (out = r));
    expect(out.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(out.responseHeaders['X-A']).toEqual(['1']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});
