/**
 * 单位设置 as typed: what of it is a change worth saving. Zod-free (the renderer imports it); the
 * services validate what is sent with the unit schema.
 */
import type { Unit, Village } from './unit';

/**
 * The draft without the rows just added and still blank: a new village the clerk has not named yet,
 * a leader row with neither role nor name. A saved village keeps its row even when emptied, so the
 * service says its name may not be empty instead of the village silently disappearing.
 */
export function sendableUnit(draft: Unit, savedVillageIds: ReadonlySet<string>): Unit {
  return {
    ...draft,
    villages: draft.villages.filter((v) => v.name.trim() || savedVillageIds.has(v.id)),
    leaders: draft.leaders.filter((l) => l.role.trim() || l.name.trim()),
  };
}

/** The villages with the one at `i` moved by one place (the order of the report's lists); null at either end. */
export function moveVillage(villages: readonly Village[], i: number, by: -1 | 1): Village[] | null {
  const vs = villages.slice();
  const j = i + by;
  if (i < 0 || i >= vs.length || j < 0 || j >= vs.length) return null;
  [vs[i], vs[j]] = [vs[j]!, vs[i]!];
  return vs;
}

/**
 * The draft after the stored unit changed elsewhere while 单位设置 was open (the guide's 采用这个方案
 * sets the font preset, an Excel import adds a village, a custom indicator is defined): each field
 * the clerk has not changed since `base` (what the draft started from, or the last stored copy it
 * took in) takes the stored value, each field the clerk changed stays as typed. Without it the
 * screen's next autosave would send its stale copy and undo the other change.
 */
export function takeOutsideChanges(draft: Unit, base: Unit, stored: Unit): Unit {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const next = { ...draft } as Record<keyof Unit, unknown>;
  let changed = false;
  for (const k of Object.keys(stored) as Array<keyof Unit>) {
    if (same(draft[k], base[k]) && !same(draft[k], stored[k])) {
      next[k] = stored[k];
      changed = true;
    }
  }
  return changed ? (next as Unit) : draft;
}
