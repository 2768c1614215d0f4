/**
 * Ids for entries, parts and villages, made wherever the record is created (services, the
 * outline editor, the unit form): time-ordered prefix plus 40 random bits, `[A-Za-z0-9_-]` only
 * so they pass the schemas' id rule. Web Crypto exists in Node 20 and in every renderer.
 */
export function newId(prefix = ''): string {
  const bytes = new Uint8Array(5);
  globalThis.crypto.getRandomValues(bytes);
  return `${prefix}${Date.now().toString(36)}${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
