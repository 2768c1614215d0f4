import { afterEach, beforeEach } from 'vitest';
import type { Call, Handlers, Method, MethodInput, MethodOutputs } from '../../src-shared/contract';
import { reviveError } from '../../src-shared/errors';
import { createServices, dispatch } from '../../src-main/services';
import { tempDir } from './tmp';

/** A client that goes through dispatch (validation included), as every transport does. */
export async function servicesClient(dataDir: string, now?: () => Date): Promise<{ call: Call; handlers: Handlers }> {
  const handlers = await createServices(dataDir, now ? { now } : {});
  const call = (async <M extends Method>(method: M, input: MethodInput<M>) => {
    const r = await dispatch(handlers, method, input);
    if (!r.ok) throw reviveError(r.error!);
    return r.value as MethodOutputs[M];
  }) as Call;
  return { call, handlers };
}

export interface ServicesPerTest {
  /** this test's data folder (a new temp folder per test) */
  readonly dir: string;
  /** the client on it; valid inside a test or a later hook */
  readonly call: Call;
  readonly handlers: Handlers;
}

/**
 * A fresh temp data folder and a services client on it for every test of the calling file (its
 * own beforeEach/afterEach), optionally filled with `demo.create` first: the setup most service
 * tests share. Later `beforeEach` hooks of the file run after this one.
 */
export function servicesPerTest(opts: { demo?: boolean; now?: () => Date; prefix?: string } = {}): ServicesPerTest {
  let current: { dir: string; call: Call; handlers: Handlers; cleanup: () => Promise<void> } | undefined;
  const live = () => {
    if (!current) throw new Error('servicesPerTest: used outside a test');
    return current;
  };
  beforeEach(async () => {
    const { dir, cleanup } = await tempDir(opts.prefix);
    const { call, handlers } = await servicesClient(dir, opts.now);
    current = { dir, call, handlers, cleanup };
    if (opts.demo) await call('demo.create', {});
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    await done?.cleanup();
  });
  return {
    get dir() {
      return live().dir;
    },
    call: ((method: Method, input: MethodInput<Method>) => live().call(method, input)) as Call,
    get handlers() {
      return live().handlers;
    },
  };
}
