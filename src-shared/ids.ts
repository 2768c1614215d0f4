/**
 * Ids for entries, parts and villages, made wherever the record is created (services, the
 * outline editor, the unit form): time-ordered prefix plus 40 random bits, `[A-Za-z0-9_-]` only
 * so they pass the schemas' id rule. Web Crypto exists in Node 20 and in every renderer.
 */

/** Fills `bytes` (at most 65,536 of them) with random values. */
let fillRandom = (bytes: Uint8Array): void => void globalThis.crypto.getRandomValues(bytes);

/**
 * The main process gives its own source (node:crypto's randomFillSync, src-main/services): there
 * the first use of globalThis.crypto loads Node's whole Web Crypto layer, a few per cent of a
 * `fazhi export`, for five random bytes.
 */
export function useRandomSource(fill: (bytes: Uint8Array) => void): void {
  fillRandom = fill;
}

export function newId(prefix = ''): string {
  const bytes = new Uint8Array(5);
  fillRandom(bytes);
  return `${prefix}${Date.now().toString(36)}${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** `n` ids at once (an import of thousands): one call for the random bytes instead of one per id. */
export function newIds(prefix: string, n: number): string[] {
  const bytes = new Uint8Array(5 * n);
  // getRandomValues fills at most 65,536 bytes per call
  for (let i = 0; i < bytes.length; i += 65_536) fillRandom(bytes.subarray(i, Math.min(bytes.length, i + 65_536)));
  const hex = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
  const time = Date.now().toString(36);
  const out: string[] = new Array(n);
  for (let k = 0; k < n; k++) {
    let r = '';
    for (let j = 0; j < 5; j++) r += hex[bytes[5 * k + j]!];
    out[k] = `${prefix}${time}${r}`;
  }
  return out;
}
