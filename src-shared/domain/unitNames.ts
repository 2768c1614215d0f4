import type { Unit } from './unit';

/** The name printed above the date: the clerk's override, else the unit's full name. */
export function signatureNameOf(u: Pick<Unit, 'signatureName' | 'fullName'>): string {
  return u.signatureName || u.fullName;
}
