/**
 * A report that came back edited (the leader's changes in Word) compared part by part with the
 * year's report. Our placeholders are printed to compare like with like; where the printed figure
 * is unchanged in theirs, the merged text keeps the placeholder, so the figure still follows the data.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { IndicatorReading } from '../../../src-shared/domain/wording';
import type { Part, Report } from '../../../src-shared/domain/report';
import type { ComparePart, DiffSpan } from '../../../src-shared/import/types';
import { headingNumber } from '../../../src-shared/text/headingNumbers';
import { newId } from '../../../src-shared/ids';
import { printText, type Printed } from './printText';

export { printText };

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function spans(a: string, b: string): DiffSpan[] {
  return diffWordsWithSpace(a, b, { intlSegmenter: segmenter }).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** Theirs, with our placeholder tokens wherever the printed figure survived unchanged. */
export function mergeKeepingPlaceholders(ours: Printed, theirs: string): { text: string; kept: number } {
  if (!ours.tokens.length) return { text: theirs, kept: 0 };
  let pos = 0;
  let out = '';
  let kept = 0;
  for (const c of diffWordsWithSpace(ours.text, theirs, { intlSegmenter: segmenter })) {
    if (c.added) {
      out += c.value;
      continue;
    }
    const start = pos;
    pos += c.value.length;
    if (c.removed) continue;
    // an unchanged run of our text: put back the tokens lying wholly inside it
    let at = start;
    for (const t of ours.tokens) {
      if (t.start < start || t.end > pos) continue;
      out += ours.text.slice(at, t.start) + t.token;
      at = t.end;
      kept++;
    }
    out += ours.text.slice(at, pos);
  }
  return { text: out, kept };
}

interface Flat {
  part: Part;
  level: number;
  number: string;
  parent: Part | null;
}
function flatten(parts: Part[], level = 1, parent: Part | null = null): Flat[] {
  return parts.flatMap((p, i) => [{ part: p, level, number: headingNumber(level, i + 1), parent }, ...flatten(p.children, level + 1, p)]);
}

const SEP = '\n';

function compareTexts(key: string, partId: string | null, number: string, ours: { heading: string; paragraphs: string[] }, theirs: { heading: string; paragraphs: string[] }, readings: ReadonlyMap<string, IndicatorReading>): ComparePart {
  const printed = ours.paragraphs.map((t) => printText(t, readings));
  const joinedOurs: Printed = { text: '', tokens: [] };
  printed.forEach((p, i) => {
    const off = joinedOurs.text.length + (i ? SEP.length : 0);
    joinedOurs.text += (i ? SEP : '') + p.text;
    joinedOurs.tokens.push(...p.tokens.map((t) => ({ ...t, start: t.start + off, end: t.end + off })));
  });
  const theirsJoined = theirs.paragraphs.join(SEP);
  const same = ours.heading === theirs.heading && joinedOurs.text === theirsJoined;
  const merged = same ? { text: ours.paragraphs.join(SEP), kept: joinedOurs.tokens.length } : mergeKeepingPlaceholders(joinedOurs, theirsJoined);
  return {
    key,
    partId,
    number,
    heading: ours.heading,
    theirsHeading: theirs.heading,
    status: same ? 'same' : 'changed',
    ours: printed.map((p) => p.text),
    theirs: theirs.paragraphs,
    changes: same ? [{ kind: 'same', text: `${ours.heading}${SEP}${joinedOurs.text}` }] : spans(`${ours.heading}${SEP}${joinedOurs.text}`, `${theirs.heading}${SEP}${theirsJoined}`),
    merged: merged.text === '' ? [] : merged.text.split(SEP),
    keptPlaceholders: merged.kept,
  };
}

export interface Comparison {
  parts: ComparePart[];
  /** for applying: part only theirs has, by key, with where it goes */
  added: Map<string, { part: Part; afterOurs: string | null; parentOurs: string | null; level: number }>;
}

export function compareReports(ours: Report, theirs: Report, readings: ReadonlyMap<string, IndicatorReading>): Comparison {
  const out: ComparePart[] = [];
  const added: Comparison['added'] = new Map();
  out.push(compareTexts('title', null, '', { heading: ours.title, paragraphs: [] }, { heading: theirs.title, paragraphs: [] }, readings));
  out.push(compareTexts('preamble', null, '', { heading: '', paragraphs: ours.preamble }, { heading: '', paragraphs: theirs.preamble }, readings));

  const a = flatten(ours.parts);
  const b = flatten(theirs.parts);
  const sig = (f: Flat) => `${f.level}|${f.part.heading}`;
  const pairs: Array<[Flat | null, Flat | null]> = [];
  let removed: Flat[] = [];
  let addedRun: Flat[] = [];
  const flush = () => {
    // a heading reworded: pair removed and added of the same level, in order
    while (removed.length || addedRun.length) {
      const r = removed[0];
      const ad = addedRun[0];
      if (r && ad && r.level === ad.level) {
        pairs.push([r, ad]);
        removed.shift();
        addedRun.shift();
      } else if (r && (!ad || r.level >= ad.level)) pairs.push([removed.shift()!, null]);
      else pairs.push([null, addedRun.shift()!]);
    }
    removed = [];
    addedRun = [];
  };
  let ia = 0;
  let ib = 0;
  for (const c of diffArrays(a.map(sig), b.map(sig))) {
    const n = c.count ?? c.value.length;
    if (c.removed) for (let k = 0; k < n; k++) removed.push(a[ia++]!);
    else if (c.added) for (let k = 0; k < n; k++) addedRun.push(b[ib++]!);
    else {
      flush();
      for (let k = 0; k < n; k++) pairs.push([a[ia++]!, b[ib++]!]);
    }
  }
  flush();

  // theirs part → our counterpart, to place parts only theirs has
  const counterpart = new Map<Part, Part>();
  for (const [o, t] of pairs) if (o && t) counterpart.set(t.part, o.part);
  let newIndex = 0;
  for (const [o, t] of pairs) {
    if (o && t) out.push(compareTexts(o.part.id, o.part.id, o.number, o.part, t.part, readings));
    else if (o) {
      const printed = o.part.paragraphs.map((x) => printText(x, readings).text);
      out.push({ key: o.part.id, partId: o.part.id, number: o.number, heading: o.part.heading, theirsHeading: '', status: 'removed', ours: printed, theirs: [], changes: spans([o.part.heading, ...printed].join(SEP), ''), merged: [], keptPlaceholders: 0 });
    } else if (t) {
      const key = `new:${newIndex++}`;
      const siblings = t.parent ? t.parent.children : theirs.parts;
      const prev = siblings[siblings.indexOf(t.part) - 1];
      added.set(key, { part: t.part, afterOurs: prev ? (counterpart.get(prev)?.id ?? null) : null, parentOurs: t.parent ? (counterpart.get(t.parent)?.id ?? null) : null, level: t.level });
      out.push({ key, partId: null, number: t.number, heading: '', theirsHeading: t.part.heading, status: 'added', ours: [], theirs: t.part.paragraphs, changes: spans('', [t.part.heading, ...t.part.paragraphs].join(SEP)), merged: t.part.paragraphs, keptPlaceholders: 0 });
    }
  }
  return { parts: out, added };
}

/** Take the chosen changes into a copy of our report. */
export function applyChanges(ours: Report, cmp: Comparison, take: readonly string[]): Report {
  const r = structuredClone(ours);
  const byKey = new Map(cmp.parts.map((p) => [p.key, p]));
  const all = () => flatten(r.parts);
  const find = (id: string) => all().find((f) => f.part.id === id) ?? null;
  for (const key of take) {
    const c = byKey.get(key)!;
    if (key === 'title') r.title = c.theirsHeading;
    else if (key === 'preamble') r.preamble = c.merged;
    else if (c.status === 'changed' || c.status === 'same') {
      const f = find(key);
      if (!f) continue;
      f.part.heading = c.theirsHeading;
      f.part.paragraphs = c.merged;
    } else if (c.status === 'removed') {
      const f = find(key);
      if (!f) continue;
      const list = f.parent ? f.parent.children : r.parts;
      list.splice(list.indexOf(f.part), 1);
    }
  }
  for (const key of take) {
    const a = cmp.added.get(key);
    if (!a) continue;
    const parent = a.parentOurs ? find(a.parentOurs)?.part ?? null : null;
    if (a.level > 1 && !parent) continue;
    const list = parent ? parent.children : r.parts;
    const after = a.afterOurs ? list.findIndex((p) => p.id === a.afterOurs) : -1;
    const fresh = (p: Part): Part => ({ ...p, id: newId('p'), status: '草稿', children: p.children.map(fresh) });
    list.splice(after + 1, 0, fresh(a.part));
  }
  return r;
}
