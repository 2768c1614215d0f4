/**
 * The loopback HTTP bridge for `npm run web`: serves the built renderer and carries the service
 * contract over `POST /api/<method>`. Anything else on the machine (another user's browser tab,
 * a web page doing DNS rebinding) must not reach the clerk's data, hence: 127.0.0.1 only, a
 * per-start token, strict Host and Origin checks, and no file outside the renderer folder.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../../src-shared/contract';
import { decodeWire, encodeWire, type WireResult } from '../../src-shared/wire';
import { serializeError } from '../../src-shared/errors';
import { createServices } from '../services/index';
import { dispatch } from '../services/dispatch';
import { stopBoxes } from '../sandbox/box';
import { CONTENT_SECURITY_POLICY, mimeTypeFor, realFileInside, resolveRendererPath } from '../static/rendererFiles';

export { CONTENT_SECURITY_POLICY };

export const TOKEN_HEADER = 'x-fazhi-token';

/** Exports and backups travel base64 inside JSON; a year with thousands of rows stays far below this. */
const MAX_BODY = 64 * 1024 * 1024;

/**
 * How long a client may take to send a request. Everything comes from this machine, where a 64 MB
 * body takes well under a second; a sender far slower than that is a stuck or hostile page and is
 * cut off, so it cannot hold the bridge's memory or a connection for long.
 */
export interface BridgeLimits {
  /**
   * Request bodies held in memory at once, across all requests (two backups being restored).
   * Counted in bytes really received, not in requests: a sender that trickles a byte every two
   * seconds holds almost nothing, so two of them no longer shut everyone else out, as two
   * "large body" slots did.
   */
  maxBufferedBytes: number;
  /** all of the request headers (ms) */
  headersMs: number;
  /** after this long (ms) a body still arriving must have come at minBodyRate at least */
  bodyGraceMs: number;
  /** bytes per second, averaged from the start of the body */
  minBodyRate: number;
  /** the whole body, whatever its rate (ms) */
  bodyMs: number;
}

export const DEFAULT_LIMITS: BridgeLimits = { maxBufferedBytes: 2 * MAX_BODY, headersMs: 10_000, bodyGraceMs: 10_000, minBodyRate: 64 * 1024, bodyMs: 120_000 };

export interface WebBridgeOptions {
  dataDir: string;
  /** 0 = any free port */
  port?: number;
  host?: string;
  /** the built renderer (dist/renderer) */
  rendererDir: string;
  /** for tests: services over the data folder are created here unless given */
  handlers?: Handlers;
  /** for tests: smaller limits */
  limits?: Partial<BridgeLimits>;
}

export interface WebBridge {
  /** http://127.0.0.1:P/ */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, result: WireResult) {
  send(res, status, encodeWire(result), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function refuse(res: http.ServerResponse, status: number, message: string) {
  sendJson(res, status, { ok: false, error: { code: 'VALIDATION', message } });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  // timingSafeEqual needs equal lengths; comparing b with itself keeps the timing the same
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(b, b), false);
}

type Body = { kind: 'ok'; text: string } | { kind: 'too-big' } | { kind: 'busy' } | { kind: 'too-slow' } | { kind: 'gone' };

/** Bytes of request bodies held by all requests of one bridge. */
class BufferedBytes {
  private used = 0;
  constructor(private readonly max: number) {}
  /** room for `n` more bytes; false when they would pass the limit */
  has(n: number): boolean {
    return this.used + n <= this.max;
  }
  take(n: number): void {
    this.used += n;
  }
  give(n: number): void {
    this.used -= n;
  }
}

function readBody(req: http.IncomingMessage, res: http.ServerResponse, buffered: BufferedBytes, limits: BridgeLimits): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let held = 0;
    let done = false;
    const started = Date.now();
    // the bytes are held until the answer is sent: the decoded input lives that long
    const release = () => {
      buffered.give(held);
      held = 0;
    };
    res.on('close', release);
    const stop = (r: Body) => {
      if (done) return;
      done = true;
      clearInterval(pace);
      chunks.length = 0;
      // a flood is not read further; a body refused for being busy is drained without being kept,
      // so the client reads the answer instead of a reset connection
      if (r.kind === 'busy') req.resume();
      else req.pause();
      release();
      resolve(r);
    };
    // a sender too slow for a local upload is cut off (checked once a second, not per byte)
    const pace = setInterval(() => {
      const ms = Date.now() - started;
      if (ms > limits.bodyMs || (ms > limits.bodyGraceMs && size < (limits.minBodyRate * ms) / 1000)) stop({ kind: 'too-slow' });
    }, Math.min(1000, limits.bodyGraceMs));
    pace.unref();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY) return stop({ kind: 'too-big' });
    if (Number.isFinite(declared) && !buffered.has(declared)) return stop({ kind: 'busy' });
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      // stop reading a flood: answer now and let the socket go
      if (size > MAX_BODY) return stop({ kind: 'too-big' });
      if (!buffered.has(c.length)) return stop({ kind: 'busy' });
      buffered.take(c.length);
      held += c.length;
      chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      clearInterval(pace);
      resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    });
    // the client went away mid-body: nothing to answer
    req.on('close', () => stop({ kind: 'gone' }));
    req.on('error', (e) => {
      if (done) return;
      done = true;
      clearInterval(pace);
      release();
      reject(e);
    });
  });
}

/**
 * A request path → a file inside `root`, or null. Refuses anything that could climb out, even
 * when the resolved path would happen to land inside again: `..` in any spelling, backslashes,
 * NUL, and encoded slashes.
 */
export function resolveStatic(root: string, rawPath: string): string | null {
  return resolveRendererPath(root, rawPath);
}

export async function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  const host = opts.host ?? '127.0.0.1';
  const handlers = opts.handlers ?? (await createServices(opts.dataDir));
  const token = randomBytes(24).toString('hex');
  const rendererDir = path.resolve(opts.rendererDir);
  const limits: BridgeLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const buffered = new BufferedBytes(limits.maxBufferedBytes);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer(
    {
      // a client that sends its headers a byte at a time is cut off; bodies are paced in readBody,
      // and Node's own request limit stays as a backstop behind that
      headersTimeout: limits.headersMs,
      requestTimeout: limits.bodyMs + limits.headersMs + 10_000,
      connectionsCheckingInterval: Math.min(1000, limits.headersMs),
    },
    (req, res) => {
      void handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: serializeError(err) });
        else res.destroy();
      });
    },
  );

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const hostHeader = req.headers.host ?? '';
    if (!allowedHosts().has(hostHeader.toLowerCase())) return refuse(res, 403, '拒绝访问：请求的主机名不是本机地址');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${hostHeader.toLowerCase()}`) {
      return refuse(res, 403, '拒绝访问：请求来自其他网站');
    }
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';

    if (pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, '只接受 POST 请求');
      if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
        return refuse(res, 403, '拒绝访问：缺少或错误的访问令牌，请使用启动时显示的完整地址打开');
      }
      let method: string;
      try {
        method = decodeURIComponent(pathname.slice('/api/'.length));
      } catch {
        return refuse(res, 400, '操作名称无效');
      }
      const body = await readBody(req, res, buffered, limits);
      if (body.kind === 'gone') return;
      if (body.kind === 'busy') return refuse(res, 503, '正在处理其他较大的文件（如备份恢复），请等它完成后再试。');
      if (body.kind === 'too-slow') {
        res.on('finish', () => req.destroy());
        return refuse(res, 408, '提交内容的速度过慢，连接已断开；请重试');
      }
      if (body.kind === 'too-big') {
        // the rest of the body is never read: close the connection once the answer is out
        res.on('finish', () => req.destroy());
        return refuse(res, 413, '提交的内容过大');
      }
      let input: unknown;
      try {
        input = body.text.trim() === '' ? {} : decodeWire(body.text);
      } catch {
        return refuse(res, 400, '提交的内容不是有效的 JSON');
      }
      const result = await dispatch(handlers, method, input, 'screen');
      return sendJson(res, 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, '不支持的请求方式');
    const file = resolveStatic(rendererDir, pathname);
    if (!file) return refuse(res, 400, '文件路径无效');
    const real = await realFileInside(rendererDir, file);
    if (!real) return send(res, 404, '未找到该文件', 'text/plain; charset=utf-8');
    let data: Buffer;
    try {
      data = await fs.readFile(real);
    } catch {
      return send(res, 404, '未找到该文件', 'text/plain; charset=utf-8');
    }
    const type = mimeTypeFor(file);
    // hashed assets can be cached; index.html must not be, or an update would load old chunks
    const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': data.length, 'Cache-Control': cache });
      return res.end();
    }
    return send(res, 200, data, type, { 'Cache-Control': cache });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}/`;

  return {
    url: base,
    token,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      // the processes files were read in end with the bridge
      await stopBoxes();
    },
  };
}
