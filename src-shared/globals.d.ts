/**
 * The only globals src-shared may use beyond the language itself: ones Node (>= 20) and every
 * renderer both have. tsconfig.shared.json compiles src-shared with no DOM library and no
 * @types/node, so a `window`, `document`, `process` or `Buffer` here fails to compile; this file
 * is the allowlist (the other tsconfigs exclude it: there the DOM or Node types declare these).
 */
declare var crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
declare function btoa(data: string): string;
declare function atob(data: string): string;
