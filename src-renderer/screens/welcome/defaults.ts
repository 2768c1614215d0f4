/** The report year a clerk usually works on: before April the previous year's report is still due. */
export function suggestedYear(today = new Date()): number {
  return today.getMonth() < 3 ? today.getFullYear() - 1 : today.getFullYear();
}

/** Client-side ids for new villages (the unit is saved whole, ids included). */
export function newId(prefix: string): string {
  const rnd =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().replace(/-/g, '').slice(0, 12)
      : Math.random().toString(36).slice(2, 14);
  return `${prefix}-${rnd}`;
}

/** "东村\n西社区" → villages; a name ending in 社区 is a 社区, anything else a 村. */
export function parseVillageLines(text: string): Array<{ id: string; name: string; kind: '村' | '社区' }> {
  const seen = new Set<string>();
  const out: Array<{ id: string; name: string; kind: '村' | '社区' }> = [];
  for (const raw of text.split(/[\n,，、;；]+/)) {
    const name = raw.trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push({ id: newId('v'), name, kind: name.endsWith('社区') ? '社区' : '村' });
  }
  return out;
}
