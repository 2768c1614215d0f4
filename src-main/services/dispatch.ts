import { METHODS, isMethod, mayCall, staleAfter, type Caller, type Handlers, type Method } from '../../src-shared/contract';
import { AppError, serializeError } from '../../src-shared/errors';
import { parseInput } from '../../src-shared/validation';
import type { WireResult } from '../../src-shared/wire';

const REFUSED_TO: Record<Caller, string> = {
  screen: '此操作只能在命令行中使用',
  cli: '此操作只能在法治年报的窗口中使用',
};

/**
 * The single entry every transport goes through: unknown method names, a method not declared for
 * the calling transport (`caller`; in-process callers such as tests pass none) and malformed input
 * are refused here with a Chinese message, before any handler runs. A successful change's answer
 * names what it made stale, so the renderer's cache needs no table of its own.
 */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown, caller?: Caller): Promise<WireResult> {
  try {
    if (!isMethod(method))
      // never String() an arbitrary value: a null-prototype object throws on conversion
      throw new AppError('VALIDATION', `未知的操作：${typeof method === 'string' ? method.slice(0, 60) : `（${typeof method}）`}`);
    if (caller && !mayCall(caller, method)) throw new AppError('VALIDATION', `${REFUSED_TO[caller]}：${method}`);
    const parsed = parseInput(METHODS[method].input, input ?? {});
    const fn = handlers[method] as (i: unknown) => Promise<unknown>;
    const value = await fn(parsed);
    const stale = staleAfter(method);
    return stale.length ? { ok: true, value, stale } : { ok: true, value };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}

export type { Method };
