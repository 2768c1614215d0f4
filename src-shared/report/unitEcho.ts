/**
 * A figure prints with its unit ("6件"), so a unit the clerk already typed after the spot where the
 * figure goes would print twice ("6件件"). Pure: the editor uses it when inserting a figure.
 */

/** How many characters right after an inserted figure repeat its unit (0 when none do). */
export function echoedUnitLength(unit: string, textAfter: string): number {
  if (!unit) return 0;
  return textAfter.startsWith(unit) ? unit.length : 0;
}
