import type { Call, Handlers, Method, MethodInput, MethodOutputs } from '../../src-shared/contract';
import { reviveError } from '../../src-shared/errors';
import { createServices, dispatch } from '../../src-main/services';

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
