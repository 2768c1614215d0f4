import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  registerAppProtocol,
  registerSchemePrivileges,
  resolveAppPath,
} from '../../src-main/electron/protocol';
import { asReal, fakeElectron } from './fakeElectron';

// mimics the packaged layout: <app>/package.json next to <app>/dist/renderer
let app: string;
let root: string;
let serve: (req: Request) => Promise<Response>;
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

beforeAll(() => {
  app = mkdtempSync(path.join(tmpdir(), 'fazhi-proto-'));
  root = path.join(app, 'dist', 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), '{"name":"secret-package"}');
  writeFileSync(path.join(app, 'dist', 'secret.txt'), 'SECRET');
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>法治年报</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'wOF2');
  symlinkSync(path.join(app, 'package.json'), path.join(root, 'assets', 'link.json'));
  serve = createAppProtocolHandler(root);
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('app:// serves the built renderer', () => {
  it('serves index.html for the start URL and for the bare origin, with CSP', async () => {
    for (const url of ['app://fazhi/index.html', 'app://fazhi/', 'app://fazhi']) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await r.text()).toContain('<title>法治年报</title>');
    }
  });

  it('sends the right MIME type for scripts, styles, images and fonts', async () => {
    const types: Record<string, string> = {
      'assets/index-abc.js': 'text/javascript; charset=utf-8',
      'assets/index-abc.css': 'text/css; charset=utf-8',
      'assets/logo.svg': 'image/svg+xml',
      'assets/font.woff2': 'font/woff2',
    };
    for (const [file, type] of Object.entries(types)) {
      const r = await get(`app://fazhi/${file}`);
      expect(r.status, file).toBe(200);
      expect(r.headers.get('content-type'), file).toBe(type);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://fazhi/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://fazhi/index.html', 'POST')).status).toBe(405);
  });

  it('answers 404 for files that do not exist and for folders', async () => {
    expect((await get('app://fazhi/missing.js')).status).toBe(404);
    expect((await get('app://fazhi/assets')).status).toBe(404);
  });
});

describe('app:// never leaves dist/renderer', () => {
  const attempts = [
    'app://fazhi/../package.json',
    'app://fazhi/../../package.json',
    'app://fazhi/assets/../../../package.json',
    'app://fazhi/%2e%2e/%2e%2e/package.json',
    'app://fazhi/%2E%2E/secret.txt',
    'app://fazhi/.%2e/secret.txt',
    'app://fazhi/..%2fsecret.txt',
    'app://fazhi/..%5csecret.txt',
    'app://fazhi/assets\\..\\..\\secret.txt',
    'app://fazhi/..\\secret.txt',
    'app://fazhi/index.html%00.png',
    'app://fazhi/%252e%252e/secret.txt',
    'app://fazhi/assets/link.json',
    'app://other/index.html',
    'app://fazhi:8080/index.html',
  ];
  for (const url of attempts) {
    it(`refuses ${url}`, async () => {
      const r = await get(url);
      expect(r.status).not.toBe(200);
      const body = await r.text();
      expect(body).not.toContain('secret-package');
      expect(body).not.toContain('SECRET');
    });
  }

  it('resolveAppPath rejects encoded dots, backslashes and NUL before touching the disk', () => {
    expect(resolveAppPath(root, 'app://fazhi/%2e%2e/x')).toBeNull();
    expect(resolveAppPath(root, 'app://fazhi/a\\b')).toBeNull();
    expect(resolveAppPath(root, 'app://fazhi/a%00b')).toBeNull();
    expect(resolveAppPath(root, 'https://fazhi/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://fazhi/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
  });
});

describe('registration', () => {
  it('makes app: a privileged standard, secure scheme before ready, then installs the handler', async () => {
    const f = fakeElectron({ appData: app, documents: app });
    registerSchemePrivileges(asReal<Protocol>(f.protocol));
    expect(f.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    registerAppProtocol(asReal<Protocol>(f.protocol), root);
    const r = await f.protocol.handled.get('app')!(new Request('app://fazhi/index.html'));
    expect(r.status).toBe(200);
    expect([...f.protocol.handled.keys()]).toEqual(['app']); // no file:// interception or fallback
  });
});

describe('the CSP header agrees with the renderer', () => {
  const html = path.resolve(__dirname, '../../src-renderer/index.html');
  const parse = (csp: string) =>
    new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).sort().join(' ')]));
  it.skipIf(!existsSync(html))('every directive of the index.html meta tag has the same sources in the header', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(html, 'utf8'))?.[1];
    expect(meta).toBeTruthy();
    const header = parse(CONTENT_SECURITY_POLICY);
    for (const [directive, sources] of parse(meta!)) expect(header.get(directive), directive).toBe(sources);
  });
});
