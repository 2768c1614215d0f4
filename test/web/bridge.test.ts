/**
 * The loopback bridge as a browser (or a hostile page) meets it: a real server on a temp data
 * folder, spoken to with raw HTTP so Host and Origin can be forged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { startWebBridge, resolveStatic, type WebBridge } from '../../src-main/web/server';
import { decodeWire, encodeWire, type WireResult } from '../../src-shared/wire';

let root: string;
let bridge: WebBridge;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', 'x-fazhi-token': bridge.token, ...headers },
    body: encodeWire(input),
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fz-web-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>法治年报</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  // a link inside the renderer folder that points out of it
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  bridge = await startWebBridge({ dataDir: join(root, 'data'), port: 0, rendererDir });
});
afterAll(async () => {
  await bridge.close();
  rmSync(root, { recursive: true, force: true });
});

describe('web bridge', () => {
  it('listens on 127.0.0.1 with a fresh long token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('serves the renderer with content types and security headers', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect((await request({ path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await request({ path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await request({ path: '/assets/none.js' })).status).toBe(404);
  });

  it('refuses every spelling of climbing out of the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets%00/app.js', '/%252e%252e/secret.txt']) {
      const r = await request({ path: p });
      expect(r.status, p).not.toBe(200);
      expect(r.body, p).not.toContain('do not serve');
    }
    expect(resolveStatic('/srv/r', '/a\\..\\..\\x')).toBeNull();
    expect(resolveStatic('/srv/r', '/assets/app.js')).toBe('/srv/r/assets/app.js');
  });

  it('refuses API calls without the right token, in Chinese', async () => {
    const none = await request({ method: 'POST', path: '/api/app.info', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(403);
    expect(decodeWire<WireResult>(none.body).error?.message).toMatch(/令牌/);
    const wrong = await api('app.info', {}, { 'x-fazhi-token': bridge.token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) });
    expect(wrong.status).toBe(403);
    const short = await api('app.info', {}, { 'x-fazhi-token': 'abc' });
    expect(short.status).toBe(403);
    expect((await request({ path: '/api/app.info' })).status).toBe(405);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const host = await api('app.info', {}, { host: `evil.example:${bridge.port}` });
    expect(host.status).toBe(403);
    expect(decodeWire<WireResult>(host.body).error?.message).toMatch(/主机/);
    expect((await request({ path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await api('app.info', {}, { host: `127.0.0.1:${bridge.port + 1}` })).status).toBe(403);
    const origin = await api('app.info', {}, { origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect(decodeWire<WireResult>(origin.body).error?.message).toMatch(/其他网站/);
    expect((await api('app.info', {}, { origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
    expect((await api('app.info', {}, { host: `localhost:${bridge.port}`, origin: `http://localhost:${bridge.port}` })).status).toBe(200);
  });

  it('carries a call round trip and validation errors, never cached', async () => {
    const r = await api('years.list', {});
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(decodeWire<WireResult>(r.body)).toEqual({ ok: true, value: [] });
    const bad = decodeWire<WireResult>((await api('ledger.list', { year: 1800 })).body);
    expect(bad.ok).toBe(false);
    expect(bad.error?.message).toContain('年度不能早于2000');
    const unknown = decodeWire<WireResult>((await api('no.such', {})).body);
    expect(unknown.error?.message).toContain('未知的操作');
    const broken = await request({ method: 'POST', path: '/api/app.info', headers: { 'x-fazhi-token': bridge.token }, body: '{not json' });
    expect(broken.status).toBe(400);
  });

  it('delivers export bytes intact', async () => {
    const demo = decodeWire<WireResult<{ year: number }>>((await api('demo.create', { force: true })).body);
    expect(demo.ok).toBe(true);
    const year = demo.value!.year;
    const r = decodeWire<WireResult<{ fileName: string; data: Uint8Array }>>((await api('export.docx', { year, today: '2025-03-01' })).body);
    expect(r.ok, JSON.stringify(r.error)).toBe(true);
    expect(r.value!.fileName).toMatch(/\.docx$/);
    expect(r.value!.data).toBeInstanceOf(Uint8Array);
    const files = unzipSync(r.value!.data);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('法治政府建设');
  });
  it('does not follow a symlink out of the renderer folder', async () => {
    const r = await request({ path: '/assets/link.txt' });
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('do not serve');
  });

  it('answers a flood of a body with 413 without reading it all', async () => {
    const r = await new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: bridge.port, method: 'POST', path: '/api/app.info', headers: { 'x-fazhi-token': bridge.token, 'content-type': 'application/json' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', () => resolve(-1));
      const chunk = Buffer.alloc(1024 * 1024, 32);
      // 70 MB, more than the 64 MB limit
      let sent = 0;
      const pump = () => {
        while (sent < 70) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(r).toBe(413);
  });

  it('two slow senders no longer lock out other uploads; bodies are limited by the bytes held at once', async () => {
    // a bridge of its own with small limits: 8 MB of bodies held at once, slow senders cut after 1.5 s
    const small = await startWebBridge({
      dataDir: join(root, 'data-limits'),
      port: 0,
      rendererDir: join(root, 'renderer'),
      limits: { maxBufferedBytes: 8 * 1024 * 1024, bodyGraceMs: 1500, minBodyRate: 64 * 1024, headersMs: 1500 },
    });
    try {
      const headers = { 'x-fazhi-token': small.token, 'content-type': 'application/json' };
      const post = (body: string | Buffer, extra: Record<string, string> = {}) =>
        new Promise<Reply>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port: small.port, method: 'POST', path: '/api/app.info', headers: { ...headers, ...extra } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          });
          let answered = false;
          req.on('response', () => (answered = true));
          req.on('error', (e) => !answered && reject(e));
          req.end(body);
        });
      // the attack: two uploads that declare 10 MB and trickle a byte every 2 s
      const slow = [0, 1].map(
        () =>
          new Promise<number>((resolve) => {
            const req = http.request({ host: '127.0.0.1', port: small.port, method: 'POST', path: '/api/app.info', headers: { ...headers, 'content-length': String(2 * 1024 * 1024) } }, (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            });
            req.on('error', () => resolve(-1));
            req.write('{');
            const t = setInterval(() => (req.destroyed ? clearInterval(t) : req.write(' ')), 2000);
            req.on('close', () => clearInterval(t));
          }),
      );
      await new Promise((r) => setTimeout(r, 300));
      // meanwhile an upload of 3 MB goes through (it was a 503 for 75 s and more)
      const padded = `{}${' '.repeat(3 * 1024 * 1024)}`;
      const third = await post(padded);
      expect(third.status).toBe(200);
      // and the slow senders are cut off with a Chinese 408 once they fall behind the minimum pace
      expect(await Promise.all(slow)).toEqual([408, 408]);

      // the memory bound still holds: while 6 MB of a body are held, a body that declares 3 MB more waits its turn
      const holder = http.request({ host: '127.0.0.1', port: small.port, method: 'POST', path: '/api/app.info', headers: { ...headers, 'content-length': String(7 * 1024 * 1024) } });
      holder.on('error', () => undefined);
      holder.write(Buffer.alloc(6 * 1024 * 1024, 32));
      await new Promise((r) => setTimeout(r, 500));
      const busy = await post(padded);
      expect(busy.status).toBe(503);
      expect(decodeWire<WireResult>(busy.body).error!.message).toMatch(/请等它完成后再试/);
      expect((await post('{}')).status).toBe(200);
      holder.destroy();
      let after: Reply | undefined;
      for (let i = 0; i < 50; i++) {
        after = await post(padded);
        if (after.status === 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(after!.status).toBe(200);

      // a client that never finishes its headers is cut off too
      const closed = await new Promise<number>((resolve) => {
        const t0 = Date.now();
        const sock = net.connect(small.port, '127.0.0.1', () => sock.write(`POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\nX-Slow: `));
        sock.on('data', () => undefined);
        sock.on('close', () => resolve(Date.now() - t0));
        sock.on('error', () => undefined);
      });
      // Node checks its header timeout about once a second; generous for a busy machine
      expect(closed).toBeLessThan(30_000);
    } finally {
      await small.close();
    }
  }, 90_000);
});
