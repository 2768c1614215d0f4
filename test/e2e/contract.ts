/**
 * The contract as the browser version carries it, called from the spec (Node) with the bridge's
 * token: how a spec reads back what a screen saved — the same door the screens use.
 */
import type { Method, MethodInput, MethodOutputs } from '../../src-shared/contract';
import type { Bridge } from './bridge';

export async function contractCall<M extends Method>(bridge: Bridge, method: M, input: MethodInput<M>): Promise<MethodOutputs[M]> {
  const u = new URL(bridge.url);
  const res = await fetch(`${u.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fazhi-token': u.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(r.error?.message ?? `${method} failed`);
  return r.value as MethodOutputs[M];
}
