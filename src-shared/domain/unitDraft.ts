/**
 * 单位设置 as typed: what of it is a change worth saving. Zod-free (the renderer imports it); the
 * services validate what is sent with the unit schema.
 */
import type { MethodInput } from '../contract';
import { LIMITS } from './limits';
import { lineValue } from './textRules';
import type { Unit, UnitDrafts, Village } from './unit';

interface UnitTextField {
  /** what the clerk reads above the field (and in every message about it) */
  label: string;
  max: number;
  /** may not be empty: emptied on screen, the stored value is kept and the field says so */
  required: boolean;
  extra?: string;
  placeholder?: string;
}

/**
 * 单位设置's text fields, declared once: each key is the unit's own field (as the schema and a
 * refusal name it), so a field the unit lacks fails to compile. The cards draw them from here, and
 * what is held back when one is emptied follows `required`.
 */
export const UNIT_TEXT_FIELDS = {
  shortName: { label: '单位简称', max: LIMITS.unitShortName, required: true },
  fullName: { label: '单位全称', max: LIMITS.unitFullName, required: true },
  recipient: { label: '主送机关', max: LIMITS.recipient, required: false, extra: '印在正文上方；不需要时留空', placeholder: '如：区委全面依法治区委员会办公室' },
  signatureName: { label: '落款单位', max: LIMITS.signatureName, required: false, extra: '留空时使用单位全称' },
} as const satisfies Partial<Record<keyof Unit, UnitTextField>>;
export type UnitTextKey = keyof typeof UNIT_TEXT_FIELDS;

/** A text field of the unit that may not be empty. */
export type RequiredUnitField = { [K in UnitTextKey]: (typeof UNIT_TEXT_FIELDS)[K]['required'] extends true ? K : never }[UnitTextKey];

/**
 * What of 单位设置 is on the screen but not saved as typed, each with the reason shown at its row
 * or field (issue 17: one incomplete row must not hold back the rest of the form).
 */
export interface HeldUnitInput {
  fields: Partial<Record<RequiredUnitField, string>>;
  /** leader row index → why the row is not saved yet */
  leaders: Record<number, string>;
  /** village id → why its name is not saved as typed */
  villages: Record<string, string>;
}

const REQUIRED = (Object.keys(UNIT_TEXT_FIELDS) as UnitTextKey[]).flatMap((k) =>
  UNIT_TEXT_FIELDS[k].required ? [[k as RequiredUnitField, UNIT_TEXT_FIELDS[k].label] as const] : [],
);

/**
 * What 单位设置 sends for the form as typed: the unit as the service accepts it and the rows it
 * holds back as drafts (one write), with the reasons shown at those rows.
 */
export function unitSaveInput(draft: Unit, stored: Unit): { input: Required<MethodInput<'unit.save'>>; held: HeldUnitInput } {
  const { sendable, held } = splitUnitDraft(draft, stored);
  return { input: { unit: sendable, drafts: unitDraftsOf(draft, held) }, held };
}

/**
 * The draft split into what autosave sends and what it holds back. Everything the service would
 * accept is sent; what it would refuse stays on the screen, marked, instead of failing the whole
 * save:
 * - a 负责人 row with a role and no name (or a name and no role) stays as a draft row, not sent;
 * - a new village with a name already in the list stays, not sent;
 * - a saved village emptied or renamed to a name already in the list keeps its stored name in
 *   what is sent (its records point at it), and the row says so;
 * - an emptied 单位简称 / 单位全称 keeps its stored value in what is sent.
 * Rows just added and still blank are left out silently (nothing was typed into them).
 */
export function splitUnitDraft(draft: Unit, stored: Unit): { sendable: Unit; held: HeldUnitInput } {
  const held: HeldUnitInput = { fields: {}, leaders: {}, villages: {} };
  const sendable: Unit = { ...draft };
  for (const [k, label] of REQUIRED) {
    if (lineValue(draft[k])) continue;
    held.fields[k] = `${label}不能为空，仍保存为“${stored[k]}”`;
    sendable[k] = stored[k];
  }

  sendable.leaders = [];
  draft.leaders.forEach((l, i) => {
    const role = lineValue(l.role);
    const name = lineValue(l.name);
    if (role && name) sendable.leaders.push(l);
    else if (role || name) held.leaders[i] = `${role ? '未填姓名' : '未填职务'}：这一行存为草稿（不计入报告），填完后自动保存`;
  });

  sendable.villages = sendableVillages(draft.villages, stored.villages, held.villages);
  return { sendable, held };
}

/** The villages that can be sent (see splitUnitDraft), reasons for the rest into `held`. */
function sendableVillages(typed: readonly Village[], stored: readonly Village[], held: Record<string, string>): Village[] {
  const storedName = new Map(stored.map((v) => [v.id, v.name]));
  // what each row would send: null = not sent (a new row, blank or held)
  const names = new Map<string, string | null>();
  for (const v of typed) {
    const name = lineValue(v.name);
    const was = storedName.get(v.id);
    if (name) names.set(v.id, name);
    else if (was === undefined) names.set(v.id, null);
    else {
      names.set(v.id, was);
      held[v.id] = `名称不能为空，仍保存为“${was}”`;
    }
  }
  // Repeated names: a row showing its stored name keeps it (stored names are unique); otherwise the
  // first row keeps it. Every other row goes back to its stored name or, if new, is held. Each
  // round takes one typed name back, so this ends.
  for (;;) {
    const first = new Map<string, Village>();
    let loser: { v: Village; other: Village } | null = null;
    for (const v of typed) {
      const name = names.get(v.id);
      if (!name) continue;
      const other = first.get(name);
      if (!other) first.set(name, v);
      else if (storedName.get(v.id) === name) loser = { v: other, other: v };
      else loser = { v, other };
      if (loser) break;
    }
    if (!loser) break;
    const { v, other } = loser;
    const was = storedName.get(v.id);
    // two stored names alike (a file the schema would refuse): the service says so
    if (was !== undefined && was === names.get(v.id)) break;
    const position = typed.indexOf(other) + 1;
    names.set(v.id, was ?? null);
    held[v.id] = was === undefined ? `与第${position}个重名：这一行存为草稿（不计入报告），改名后自动保存` : `与第${position}个重名，仍保存为“${was}”`;
  }
  return typed.flatMap((v) => {
    const name = names.get(v.id);
    return name ? [{ ...v, name }] : [];
  });
}

/**
 * What of the typed form is held back, as it is stored (unit.json's `drafts`): each held row with
 * its place in the list, each emptied required field. Rows added and left blank hold nothing.
 */
export function unitDraftsOf(draft: Unit, held: HeldUnitInput): UnitDrafts {
  const fields: UnitDrafts['fields'] = {};
  for (const [k] of REQUIRED) if (held.fields[k] !== undefined) fields[k] = lineValue(draft[k]);
  return {
    leaders: draft.leaders.flatMap((l, at) => (held.leaders[at] === undefined ? [] : [{ at, role: lineValue(l.role), name: lineValue(l.name) }])),
    villages: draft.villages.flatMap((v, at) => (held.villages[v.id] === undefined ? [] : [{ at, id: v.id, name: lineValue(v.name), kind: v.kind }])),
    fields,
  };
}

/**
 * The form as the clerk left it: the stored unit with its drafts put back in their places (a typed
 * name over its saved village, a held row where it stood). splitUnitDraft of the result holds the
 * same rows back again, so they show marked.
 */
export function withUnitDrafts(unit: Unit, drafts: UnitDrafts | null | undefined): Unit {
  if (!drafts) return unit;
  const leaders = unit.leaders.slice();
  for (const d of [...drafts.leaders].sort((a, b) => a.at - b.at)) leaders.splice(Math.min(d.at, leaders.length), 0, { role: d.role, name: d.name });
  const typed = new Map(drafts.villages.map((d) => [d.id, d]));
  const villages = unit.villages.map((v) => {
    const d = typed.get(v.id);
    return d ? { ...v, name: d.name } : v;
  });
  const saved = new Set(unit.villages.map((v) => v.id));
  for (const d of drafts.villages.filter((x) => !saved.has(x.id)).sort((a, b) => a.at - b.at))
    villages.splice(Math.min(d.at, villages.length), 0, { id: d.id, name: d.name, kind: d.kind });
  return { ...unit, ...drafts.fields, leaders, villages };
}

/** What the leave question names for the held input (the clerk's words). */
export function heldUnitInputs(held: HeldUnitInput, draft: Unit): string[] {
  const out: string[] = [];
  for (const [k, label] of REQUIRED) if (held.fields[k]) out.push(`单位设置：${label}为空`);
  for (const i of Object.keys(held.leaders).map(Number))
    out.push(`单位设置：第${i + 1}位负责人（${lineValue(draft.leaders[i]!.role) || lineValue(draft.leaders[i]!.name)}）未填完`);
  for (const v of draft.villages) if (held.villages[v.id]) out.push(`单位设置：村（社区）“${lineValue(v.name) || '（空）'}”未保存为所填名称`);
  return out;
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
