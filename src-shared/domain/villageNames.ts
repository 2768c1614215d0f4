import { newId } from '../ids';
import type { VILLAGE_KINDS } from './vocabulary';

type VillageKind = (typeof VILLAGE_KINDS)[number];

/** A name ending in 社区 is a 社区 (community); anything else a 村. */
export function villageKindOf(name: string): VillageKind {
  return name.endsWith('社区') ? '社区' : '村';
}

/** "东村\n西社区、南村" → villages with fresh ids, blanks and repeats dropped. */
export function parseVillageLines(text: string): Array<{ id: string; name: string; kind: VillageKind }> {
  const seen = new Set<string>();
  const out: Array<{ id: string; name: string; kind: VillageKind }> = [];
  for (const raw of text.split(/[\n,，、;；]+/)) {
    const name = raw.trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push({ id: newId('v'), name, kind: villageKindOf(name) });
  }
  return out;
}
