/**
 * The renderer's one way to reach the services. At start-up it picks the transport: the Electron
 * preload's `window.fazhi`, or the loopback HTTP bridge (token from the URL the bridge printed).
 * Both return WireResult; failures become AppError with the service's Chinese message.
 */
import type { Call, Method, MethodInput, MethodOutputs } from '../../src-shared/contract';
import { AppError, reviveError } from '../../src-shared/errors';
import type { FazhiBridge } from '../../src-shared/bridge';
import type { Domain } from '../../src-shared/methods/domains';
import { decodeWire, encodeWire, type WireResult } from '../../src-shared/wire';
import type { WaitNotice } from '../../src-shared/methods/damaged';
import { createWaitWatch } from '../../src-shared/saving/waitWatch';
import { publishWait } from './saveWait';

declare global {
  interface Window {
    fazhi?: FazhiBridge;
  }
}

export const isElectron = typeof window !== 'undefined' && Boolean(window.fazhi);

const TOKEN_KEY = 'fazhi-token';

/** The bridge prints `http://127.0.0.1:P/?token=…`; keep the token for reloads, then drop it from the address bar. */
export function bridgeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

/**
 * Browsers allow 64 KiB in flight across all keepalive requests and refuse (not truncate) beyond;
 * staying under 60 KB leaves room for another small one. Bigger bodies (imports) go without.
 */
const KEEPALIVE_MAX = 60_000;
const utf8 = new TextEncoder();

async function httpCall(method: string, input: unknown): Promise<WireResult> {
  token ??= bridgeToken();
  const body = encodeWire(input ?? {});
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fazhi-token': token },
      body,
      // a save started as the page closes or reloads must still reach the bridge; UTF-8 takes at
      // most 3 bytes per UTF-16 unit, so most bodies are measured without encoding them again
      keepalive: body.length * 3 < KEEPALIVE_MAX || utf8.encode(body).length < KEEPALIVE_MAX,
    });
  } catch {
    return { ok: false, error: { code: 'IO', message: '无法连接到本机服务，请确认“npm run web”仍在运行' } };
  }
  const text = await res.text();
  try {
    return decodeWire<WireResult>(text);
  } catch {
    return { ok: false, error: { code: 'IO', message: `本机服务返回了无法识别的内容（HTTP ${res.status}）` } };
  }
}

/** Told of every successful change with what it made stale; the query cache (api/queries.ts) drops that. */
let succeeded: ((stale: readonly Domain[]) => void) | null = null;
export function onCallSucceeded(listener: ((stale: readonly Domain[]) => void) | null): void {
  succeeded = listener;
}

const send = (method: string, input: unknown): Promise<WireResult> => (window.fazhi ? window.fazhi.call(method, input) : httpCall(method, input));

/**
 * While any call is slow, asks what the store is waiting for and tells the screens (api/saveWait.ts):
 * a save held up by another program says so instead of looking stuck.
 */
const waitWatch = createWaitWatch(
  async () => {
    const r = await send('data.waiting', {});
    return r.ok ? (r.value as WaitNotice | null) : null;
  },
  (n) => publishWait(n),
  // the global timers, not window's: a call may end after the page (or a test's DOM) is gone
  { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
);

/**
 * The one function that reaches the services. Only api/queries.ts calls it (a lint rule keeps the
 * screens out of this file): reads through `useMethodQuery`, changes through TanStack's mutations
 * (`useMethodMutation`, or `runMutation` for code that is no component).
 */
export const callService: Call = async <M extends Method>(method: M, input: MethodInput<M>) => {
  const r = await waitWatch.track(send(method, input));
  if (!r.ok) throw r.error ? reviveError(r.error) : new AppError('INTERNAL', '未知错误');
  // every change passes here; the service's answer says what it made stale (the method's
  // declaration, src-shared/methods/)
  if (r.stale?.length) succeeded?.(r.stale);
  return r.value as MethodOutputs[M];
};
