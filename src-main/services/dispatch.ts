import { METHOD_SCHEMAS, isMethod, type Handlers, type Method } from '../../src-shared/contract';
import { AppError, serializeError } from '../../src-shared/errors';
import { parseInput } from '../../src-shared/validation';
import type { WireResult } from '../../src-shared/wire';

/**
 * The single entry every transport goes through: unknown method names and malformed input are
 * refused here with a Chinese message, before any handler runs.
 */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<WireResult> {
  try {
    if (!isMethod(method))
      // never String() an arbitrary value: a null-prototype object throws on conversion
      throw new AppError('VALIDATION', `未知的操作：${typeof method === 'string' ? method.slice(0, 60) : `（${typeof method}）`}`);
    const parsed = parseInput(METHOD_SCHEMAS[method], input ?? {});
    const fn = handlers[method] as (i: unknown) => Promise<unknown>;
    return { ok: true, value: await fn(parsed) };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}

export type { Method };
