import { randomBytes } from 'node:crypto';

/** Short, sortable-enough, collision-safe ids for entries and parts. */
export function newId(prefix = ''): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}
