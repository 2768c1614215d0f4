import type { ExportRecord, ExportRecordFull } from '../../src-shared/domain/year';

/**
 * Export history kept compactly in the year file: a record whose rendered report is the same as
 * the one last stored carries `sameAs: <id of the record holding that text>` instead of another
 * full copy (a year exported 50 times unchanged stores the text once). Records written before
 * this (every one with its own snapshot) load and show as they are.
 */

/** Exports kept per year. */
export const HISTORY_LIMIT = 50;

const textOf = (r: ExportRecord['snapshot']) => JSON.stringify(r);

/** The record that holds `rec`'s snapshot text. */
function holderOf(list: ExportRecord[], rec: ExportRecord): ExportRecord | undefined {
  if (rec.snapshot) return rec;
  return list.find((r) => r.id === rec.sameAs && r.snapshot);
}

/** Adds `full` to `list` (in place), sharing the text with the last export when unchanged, and trims to the limit. */
export function appendExport(list: ExportRecord[], full: ExportRecordFull): void {
  const last = list.at(-1);
  const holder = last ? holderOf(list, last) : undefined;
  const { snapshot, ...meta } = full;
  if (holder?.snapshot && textOf(holder.snapshot) === textOf(snapshot)) list.push({ ...meta, sameAs: holder.id });
  else list.push({ ...meta, snapshot });
  if (list.length > HISTORY_LIMIT) {
    const dropped = list.splice(0, list.length - HISTORY_LIMIT);
    // a dropped record may hold the text later ones point to: hand it to the first of them
    for (const d of dropped) {
      if (!d.snapshot) continue;
      const heirs = list.filter((r) => r.sameAs === d.id);
      if (!heirs.length) continue;
      const [heir, ...rest] = heirs;
      heir!.snapshot = d.snapshot;
      delete heir!.sameAs;
      for (const r of rest) r.sameAs = heir!.id;
    }
  }
}

/** The history with every snapshot filled in, newest first; a record whose text is lost is left out. */
export function resolveHistory(list: ExportRecord[]): ExportRecordFull[] {
  const out: ExportRecordFull[] = [];
  for (const r of list) {
    const snap = holderOf(list, r)?.snapshot;
    if (!snap) continue;
    const { sameAs: _s, snapshot: _o, ...meta } = r;
    out.push({ ...meta, snapshot: snap });
  }
  return out.reverse();
}
