/**
 * The shape of one method's declaration. Each domain file (methods/<domain>.ts) declares its
 * methods once — input schema, output type, what a successful call makes stale, who may call it —
 * and the handler of the same name in src-main/services/handlers/ implements exactly those
 * (`Implements<typeof …>`). contract.ts gathers the domain files; every list the transports, the
 * renderer and the tests need is derived from that one object.
 */
import type * as z from 'zod';
import type { Domain } from './domains';

/**
 * Who may call a method: `screen` is the app's window (Electron IPC and the browser version's
 * HTTP bridge, both carry what the screens send), `cli` the command line. dispatch refuses a
 * method to a transport it is not declared for.
 */
export type Caller = 'screen' | 'cli';
export const SCREEN: readonly Caller[] = ['screen'];
export const SCREEN_AND_CLI: readonly Caller[] = ['screen', 'cli'];

interface Declared<I extends z.ZodType, O> {
  /** validated (and defaulted) in dispatch before the handler runs */
  input: I;
  /** type only: what the handler resolves to (`returns<T>()`) */
  output: O;
  callers: readonly Caller[];
}

/** Reads stored data and changes nothing: the renderer may cache it by its input. */
export interface ReadDecl<I extends z.ZodType = z.ZodType, O = unknown> extends Declared<I, O> {
  read: true;
}

/**
 * Called as an action. `stale`: the domains whose cached reads a successful call may have made
 * wrong. A method that changes nothing stored but takes or makes a file (export.docx,
 * import.preview) is an action with nothing stale: its input (file bytes) is no cache key.
 */
export interface ChangeDecl<I extends z.ZodType = z.ZodType, O = unknown> extends Declared<I, O> {
  stale: readonly Domain[];
}

export type MethodDecl = ReadDecl | ChangeDecl;

/** The declarations of one domain file: names start with one of its domains. */
export type Declarations<D extends Domain> = Record<`${D}.${string}`, MethodDecl>;

/** The output type of a declaration; nothing at run time. */
export const returns = <T>(): T => undefined as T;

/** The handlers a domain file's declarations ask for: parsed input in, declared output out. */
export type Implements<T extends Record<string, MethodDecl>> = {
  [M in keyof T]: (input: z.output<T[M]['input']>) => Promise<T[M]['output']>;
};
