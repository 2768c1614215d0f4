/**
 * The renderer's data (issue 12 §3): one query cache in front of the contract. Reads are
 * `useMethodQuery(method, input)`, cached under `[domain, method, input]`; every change is a
 * TanStack mutation: `useMethodMutation(method)` in a component, `runMutation` in code that is
 * none (the menu's backup and restore). A successful change invalidates the domains its answer
 * names as stale (declared with the method, src-shared/methods/), here and nowhere else, so the overview,
 * the indicators, the charts and the report's figures are never stale and no screen reloads by hand.
 */
import { createElement, type ReactNode } from 'react';
import {
  MutationObserver,
  QueryClient,
  QueryClientProvider,
  hashKey,
  useMutation,
  useQuery,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { Method, MethodInput, MethodOutputs, MutationMethod, QueryMethod } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { domainOf, type Domain } from '../../src-shared/methods/domains';
import { callService, onCallSucceeded } from './client';
import { errorText } from '../components/errors';

export type { QueryMethod, MutationMethod };

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // the services answer from this machine: "offline" (no network at all, common in a township
      // office) must not pause anything, which is TanStack's default
      networkMode: 'always',
      // an AppError is the service's answer (a Chinese message), asking again gives the same one
      retry: (failures, err) => !(err instanceof AppError) && failures < 2,
      // fresh on every screen visit (the CLI may write the same data folder), otherwise only when
      // a change dirtied it: nothing refetches because the window got focus while the clerk types
      staleTime: 0,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
    // a change's input may be a whole file (an import, a backup) and nothing reads a finished
    // change back from the cache: let it go as soon as no hook shows it
    mutations: { networkMode: 'always', retry: false, gcTime: 0 },
  },
});

export type MethodKey<M extends Method> = readonly [Domain, M, MethodInput<M>];

export function methodKey<M extends Method>(method: M, input: MethodInput<M>): MethodKey<M> {
  return [domainOf(method), method, input] as const;
}

/**
 * The one place a change reaches the cache. A dirtied read on screen is fetched again at once (a
 * fetch that started before the change is dropped, so it cannot put the old figures back); one
 * not on screen is dropped, so the screen that shows it next reads it afresh instead of showing
 * the old figures first.
 */
export function invalidate(domains: readonly Domain[]): Promise<void> {
  if (!domains.length) return Promise.resolve();
  for (const d of domains) queryClient.removeQueries({ queryKey: [d], type: 'inactive' });
  return Promise.all(domains.map((d) => queryClient.invalidateQueries({ queryKey: [d] }))).then(() => undefined);
}

// whatever made the call (a hook, the autosave, the backup menu), the cache hears of it
onCallSucceeded((stale) => {
  // a failed refetch is shown by the query that failed; nothing to do with it here
  void invalidate(stale).catch(() => undefined);
});

export type MethodQueryOptions<M extends QueryMethod, T = MethodOutputs[M]> = Omit<
  UseQueryOptions<MethodOutputs[M], Error, T, MethodKey<M>>,
  'queryKey' | 'queryFn'
>;

/**
 * Reads asked for before the screen that shows them is drawn (start-up asks for 概览's while the
 * frame renders): the first screen mounted on one takes that answer (or waits for it) instead of
 * asking again; every later mount asks afresh, as any other read does.
 */
const early = new Set<string>();

// `refetchOnMount` is asked while the screen renders and again as it subscribes (both must see
// the read as early), so it is forgotten only after the first subscription
queryClient.getQueryCache().subscribe((e) => {
  if (e.type === 'observerAdded' && early.has(e.query.queryHash)) setTimeout(() => early.delete(e.query.queryHash), 0);
});

/**
 * The clerk went to another screen: an early read not yet taken by the start-up screen is an
 * ordinary one from now on. Otherwise the first screen to show it would be whatever the clerk
 * chose meanwhile (报告编辑 before 概览 had drawn what uses it), which would take the start-up
 * answer as its own: one that must read afresh on mounting (useReportScreen) then never did.
 */
export function forgetEarlyReads(): void {
  early.clear();
}

/** Starts `method` now, for a screen about to be drawn (see `early`). */
export function prefetchMethod<M extends QueryMethod>(method: M, input: MethodInput<M>): void {
  const queryKey = methodKey(method, input);
  early.add(hashKey(queryKey));
  void queryClient.prefetchQuery({ queryKey, queryFn: () => callService(method, input) });
}

/** A cached read of the data folder. */
export function useMethodQuery<M extends QueryMethod, T = MethodOutputs[M]>(
  method: M,
  input: MethodInput<M>,
  options?: MethodQueryOptions<M, T>,
): UseQueryResult<T, Error> {
  return useQuery(
    {
      // fresh on every mount, except the first one after start-up asked for it early
      refetchOnMount: (q) => !early.has(q.queryHash),
      ...options,
      queryKey: methodKey(method, input),
      queryFn: () => callService(method, input),
    },
    queryClient,
  );
}

/** A query's failure in Chinese (components/errors.ts), null when there is none. */
export function failureText(q: { error: unknown }): string | null {
  return q.error ? errorText(q.error) : null;
}

/**
 * A change made from a component: the screens' one way to change data. What it made stale is
 * invalidated as the answer arrives (see invalidate). `mutateAsync` is stable across renders.
 */
export function useMethodMutation<M extends MutationMethod>(method: M): UseMutationResult<MethodOutputs[M], Error, MethodInput<M>> {
  return useMutation({ mutationFn: (input: MethodInput<M>) => callService(method, input) }, queryClient);
}

/**
 * The same change from code that is no component (the menu's actions, loaded on demand): a TanStack
 * mutation run by an observer that lets go of it once it has settled.
 */
export async function runMutation<M extends MutationMethod>(method: M, input: MethodInput<M>): Promise<MethodOutputs[M]> {
  const observer = new MutationObserver<MethodOutputs[M], Error, MethodInput<M>>(queryClient, {
    mutationFn: (i: MethodInput<M>) => callService(method, i),
  });
  try {
    return await observer.mutate(input);
  } finally {
    observer.reset();
  }
}

/** Put a change's answer into the cache at once (the refetch the change caused confirms it). */
export function setMethodData<M extends QueryMethod>(
  method: M,
  input: MethodInput<M>,
  update: (prev: MethodOutputs[M] | undefined) => MethodOutputs[M] | undefined,
): void {
  queryClient.setQueryData<MethodOutputs[M]>(methodKey(method, input), update);
}

/** Fetch `method` again now and wait for it (e.g. before opening an editor on what an import wrote). */
export function refetchMethod<M extends QueryMethod>(method: M, input: MethodInput<M>): Promise<MethodOutputs[M]> {
  return queryClient.fetchQuery({ queryKey: methodKey(method, input), queryFn: () => callService(method, input), staleTime: 0 });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  return createElement(QueryClientProvider, { client: queryClient }, children);
}
