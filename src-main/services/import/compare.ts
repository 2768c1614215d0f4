/**
 * A report that came back edited (the leader's changes in Word) compared part by part with the
 * year's report. Our placeholders are printed to compare like with like; where the printed figure
 * is unchanged in theirs, the merged text keeps the placeholder, so the figure still follows the data.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { IndicatorReading } from '../../../src-shared/domain/wording';
import type { Part, Report } from '../../../src-shared/domain/report';
import type { ComparePart, DiffSpan } from '../../../src-shared/import/types';
import { chosenPieces, foldShortSames, numberChanges, readTakeKey } from '../../../src-shared/import/compareChanges';
import { headingNumber } from '../../../src-shared/text/headingNumbers';
import { newId } from '../../../src-shared/ids';
import { printText, type Printed } from './printText';

export { printText };

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Our printed text against theirs, word by word (Chinese words by the ICU segmenter), short unchanged runs between edits folded. */
export function wordSpans(a: string, b: string): DiffSpan[] {
  return foldShortSames(diffWordsWithSpace(a, b, { intlSegmenter: segmenter }).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value })));
}

/**
 * Our text with the taken changes applied, our placeholder tokens put back wherever a run of our
 * text survives whole around them (so an unchanged figure still follows the data; a figure the
 * leader changed becomes the text she wrote).
 */
export function mergeChosen(ours: Printed, spans: readonly DiffSpan[], taken: (change: number) => boolean): { text: string; kept: number } {
  let out = '';
  let kept = 0;
  let run: { start: number; end: number } | null = null;
  const closeRun = () => {
    if (!run) return;
    let at = run.start;
    for (const t of ours.tokens) {
      if (t.start < run.start || t.end > run.end) continue;
      out += ours.text.slice(at, t.start) + t.token;
      at = t.end;
      kept++;
    }
    out += ours.text.slice(at, run.end);
    run = null;
  };
  for (const p of chosenPieces(spans, taken)) {
    if (p.from === 'theirs') {
      closeRun();
      out += p.text;
    } else if (run && run.end === p.start) run.end = p.end;
    else {
      closeRun();
      run = { start: p.start, end: p.end };
    }
  }
  closeRun();
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

/** A part added or removed whole: one change. */
function numbered(a: string, b: string): { changes: DiffSpan[]; changeCount: number } {
  const changes = wordSpans(a, b).map((s): DiffSpan => (s.kind === 'same' ? s : { ...s, change: 0 }));
  return { changes, changeCount: 1 };
}

/** Heading and paragraphs of a part's text as compared (`heading\nparagraph\nparagraph`). */
function splitPart(text: string): { heading: string; paragraphs: string[] } {
  const at = text.indexOf(SEP);
  if (at < 0) return { heading: text, paragraphs: [] };
  const rest = text.slice(at + SEP.length);
  return { heading: text.slice(0, at), paragraphs: rest === '' ? [] : rest.split(SEP) };
}

/** A part's heading and paragraphs as one printed text, the placeholders' places kept. */
function printPart(heading: string, paragraphs: readonly string[], readings: ReadonlyMap<string, IndicatorReading>): Printed {
  const whole: Printed = { text: heading + SEP, tokens: [] };
  paragraphs.forEach((t, i) => {
    const p = printText(t, readings);
    const off = whole.text.length + (i ? SEP.length : 0);
    whole.text += (i ? SEP : '') + p.text;
    whole.tokens.push(...p.tokens.map((x) => ({ ...x, start: x.start + off, end: x.end + off })));
  });
  return whole;
}

function compareTexts(key: string, partId: string | null, number: string, ours: { heading: string; paragraphs: string[] }, theirs: { heading: string; paragraphs: string[] }, readings: ReadonlyMap<string, IndicatorReading>, printed: Map<string, Printed>): ComparePart {
  const whole = printPart(ours.heading, ours.paragraphs, readings);
  printed.set(key, whole);
  const theirsWhole = `${theirs.heading}${SEP}${theirs.paragraphs.join(SEP)}`;
  const same = whole.text === theirsWhole;
  const { spans: changes, count } = same ? { spans: [{ kind: 'same' as const, text: whole.text }], count: 0 } : numberChanges(wordSpans(whole.text, theirsWhole));
  const merged = same ? { text: ours.paragraphs.join(SEP), kept: whole.tokens.length } : mergeChosen(whole, changes, () => true);
  return {
    key,
    partId,
    number,
    heading: ours.heading,
    theirsHeading: theirs.heading,
    status: same ? 'same' : 'changed',
    ours: splitPart(whole.text).paragraphs,
    theirs: theirs.paragraphs,
    changes,
    changeCount: count,
    merged: same ? (merged.text === '' ? [] : merged.text.split(SEP)) : splitPart(merged.text).paragraphs,
    keptPlaceholders: merged.kept,
  };
}

export interface Comparison {
  parts: ComparePart[];
  /** for applying: part only theirs has, by key, with where it goes */
  added: Map<string, { part: Part; afterOurs: string | null; parentOurs: string | null; level: number }>;
  /** for applying some changes of a part: our text as compared, with its placeholders' places */
  printed: Map<string, Printed>;
}

export function compareReports(ours: Report, theirs: Report, readings: ReadonlyMap<string, IndicatorReading>): Comparison {
  const out: ComparePart[] = [];
  const added: Comparison['added'] = new Map();
  const printed: Comparison['printed'] = new Map();
  out.push(compareTexts('title', null, '', { heading: ours.title, paragraphs: [] }, { heading: theirs.title, paragraphs: [] }, readings, printed));
  out.push(compareTexts('preamble', null, '', { heading: '', paragraphs: ours.preamble }, { heading: '', paragraphs: theirs.preamble }, readings, printed));

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
    if (o && t) out.push(compareTexts(o.part.id, o.part.id, o.number, o.part, t.part, readings, printed));
    else if (o) {
      const shown = o.part.paragraphs.map((x) => printText(x, readings).text);
      out.push({ key: o.part.id, partId: o.part.id, number: o.number, heading: o.part.heading, theirsHeading: '', status: 'removed', ours: shown, theirs: [], ...numbered([o.part.heading, ...shown].join(SEP), ''), merged: [], keptPlaceholders: 0 });
    } else if (t) {
      const key = `new:${newIndex++}`;
      const siblings = t.parent ? t.parent.children : theirs.parts;
      const prev = siblings[siblings.indexOf(t.part) - 1];
      added.set(key, { part: t.part, afterOurs: prev ? (counterpart.get(prev)?.id ?? null) : null, parentOurs: t.parent ? (counterpart.get(t.parent)?.id ?? null) : null, level: t.level });
      out.push({ key, partId: null, number: t.number, heading: '', theirsHeading: t.part.heading, status: 'added', ours: [], theirs: t.part.paragraphs, ...numbered('', [t.part.heading, ...t.part.paragraphs].join(SEP)), merged: t.part.paragraphs, keptPlaceholders: 0 });
    }
  }
  return { parts: out, added, printed };
}

/**
 * Which changes of each part a take list asks for: a bare part key takes all of a part's
 * changes, `key#n` its change n. A part added or removed whole has one change.
 */
export function takenChanges(take: readonly string[]): Map<string, Set<number> | 'all'> {
  const out = new Map<string, Set<number> | 'all'>();
  for (const k of take) {
    const { partKey, change } = readTakeKey(k);
    const had = out.get(partKey);
    if (change === null || had === 'all') out.set(partKey, 'all');
    else out.set(partKey, (had ?? new Set<number>()).add(change));
  }
  return out;
}

/** Take the chosen changes into a copy of our report. */
export function applyChanges(ours: Report, cmp: Comparison, take: readonly string[]): Report {
  const r = structuredClone(ours);
  const byKey = new Map(cmp.parts.map((p) => [p.key, p]));
  const all = () => flatten(r.parts);
  const find = (id: string) => all().find((f) => f.part.id === id) ?? null;
  const chosen = takenChanges(take);
  /** the part's heading and paragraphs with its chosen changes; null when none is taken */
  const text = (c: ComparePart): { heading: string; paragraphs: string[] } | null => {
    const which = chosen.get(c.key)!;
    if (which === 'all' || which.size >= c.changeCount) return { heading: c.theirsHeading, paragraphs: c.merged };
    if (!which.size) return null;
    const merged = splitPart(mergeChosen(cmp.printed.get(c.key)!, c.changes, (n) => which.has(n)).text);
    // two changes taken around one left can leave an empty line between paragraphs
    return { heading: merged.heading, paragraphs: merged.paragraphs.filter((p) => p.trim() !== '') };
  };
  for (const key of chosen.keys()) {
    const c = byKey.get(key)!;
    if (c.status === 'same') continue;
    if (key === 'title') r.title = text(c)?.heading ?? r.title;
    else if (key === 'preamble') r.preamble = text(c)?.paragraphs ?? r.preamble;
    else if (c.status === 'changed') {
      const f = find(key);
      const t = text(c);
      if (!f || !t) continue;
      f.part.heading = t.heading;
      f.part.paragraphs = t.paragraphs;
    } else if (c.status === 'removed') {
      const f = find(key);
      if (!f) continue;
      const list = f.parent ? f.parent.children : r.parts;
      list.splice(list.indexOf(f.part), 1);
    }
  }
  for (const key of chosen.keys()) {
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
