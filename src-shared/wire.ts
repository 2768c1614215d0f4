/**
 * Results travel as JSON over HTTP; Uint8Array (export files, backups) would become an object of
 * indices, so bytes are tagged as base64. IPC uses structured clone and needs none of this.
 */
import type { Domain } from './methods/domains';

export interface WireResult<T = unknown> {
  ok: boolean;
  value?: T;
  error?: import('./errors').SerializedError;
  /**
   * After a successful change: the domains whose cached reads it may have made wrong, as the
   * method declares them. The renderer drops exactly these, without a table of its own.
   */
  stale?: readonly Domain[];
}

const TAG = '$bytes';

function toBase64(u8: Uint8Array): string {
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? { [TAG]: toBase64(v) } : v));
}

export function decodeWire<T = unknown>(text: string): T {
  return JSON.parse(text, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && typeof v[TAG] === 'string' && Object.keys(v).length === 1
      ? fromBase64(v[TAG])
      : v,
  ) as T;
}
