/**
 * State and actions of 单位设置: the draft (autosaved minus what the service would refuse, which
 * stays on the screen marked and is stored as the unit's drafts — src-shared/domain/unitDraft), lists typed as in Excel (Enter moves
 * to the next row or starts one, 添加 puts the cursor in the new row, a pasted column becomes
 * rows), Ctrl+Z for changes made with the mouse, and removing a village whose records go elsewhere.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { Unit, UnitDrafts, Village } from '../../../src-shared/domain/unit';
import { heldUnitInputs, moveVillage, takeOutsideChanges, unitSaveInput, withUnitDrafts } from '../../../src-shared/domain/unitDraft';
import { parseVillageLines, villageKindOf } from '../../../src-shared/domain/villageNames';
import { newId } from '../../../src-shared/ids';
import { useMethodMutation } from '../../api/queries';
import { errorText } from '../../components/errors';
import { typingTarget } from '../../components/typingTarget';
import { useApp } from '../../state/app';
import { useUnsavedInput } from '../../state/unsavedInput';
import { useAutosave } from '../report/useAutosave';

export const CLEAR = '__clear__';

/**
 * The form as typed when its last save was sent. Leaving the screen sends the last edits as it
 * unmounts; coming back before that save has answered must show them (held rows included), not
 * the shell's older copy.
 */
let sending: Unit | null = null;

/** What autosave sends: the unit as the service accepts it, and the rows held back as drafts. */
interface UnitAndDrafts {
  unit: Unit;
  drafts: UnitDrafts;
}

/** `storedDrafts`: the incomplete rows kept from the last visit (unit.drafts), shown marked again. */
export function useUnitScreen(storedDrafts: UnitDrafts | null) {
  const app = useApp();
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState<Unit>(() => sending ?? withUnitDrafts(app.unit, storedDrafts));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Village | null>(null);
  // why the last removal was refused, shown in the dialog itself (a toast is gone before it is read)
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [reassignTo, setReassignTo] = useState<string>(CLEAR);
  const savedIds = new Set(app.unit.villages.map((v) => v.id));
  const { setUnit } = app;
  const removeVillage = useMethodMutation('unit.removeVillage');
  const { mutateAsync: sendUnit } = useMethodMutation('unit.save');

  // the stored unit changed (this screen's own save answered, or another place saved the unit):
  // fields the clerk has not touched since the last stored copy follow it
  const base = useRef<Unit>(app.unit);
  useEffect(() => {
    if (app.unit === base.current) return;
    setDraft((d) => takeOutsideChanges(d, base.current, app.unit));
    base.current = app.unit;
  }, [app.unit]);

  // What autosave sends. Its identity changes only with its content, so a save that refreshes
  // app.unit does not trigger another one. What the unit cannot take yet stays on screen, marked
  // at its row, and is stored as a draft: leaving the screen or restarting keeps it.
  const { input: sendableNow, held } = unitSaveInput(draft, app.unit);
  const sendableJson = JSON.stringify(sendableNow);
  const sendable = useMemo(() => JSON.parse(sendableJson) as UnitAndDrafts, [sendableJson]);
  const { mutateAsync: sendDrafts } = useMethodMutation('unit.saveDrafts');
  /** the unit as last stored by this screen: a change of the drafts alone does not rewrite it */
  const storedUnitJson = useRef(JSON.stringify(sendable.unit));
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const saveUnit = useCallback(
    async (v: UnitAndDrafts) => {
      const typed = draftRef.current;
      sending = typed;
      const unitJson = JSON.stringify(v.unit);
      try {
        if (unitJson === storedUnitJson.current) {
          await sendDrafts({ drafts: v.drafts });
          return;
        }
        // one write: a row completed leaves the drafts as it enters the unit
        const unit = await sendUnit(v);
        storedUnitJson.current = unitJson;
        // the shell's copy (names in the ledger, the header); the draft stays as typed: this answer
        // is the new base, not an outside change (a field typed back meanwhile must not return)
        base.current = unit;
        setUnit(unit);
      } finally {
        if (sending === typed) sending = null;
      }
      setSavedAt(new Date().toLocaleTimeString('zh-CN'));
    },
    [setUnit, sendUnit, sendDrafts],
  );
  // 单位设置 saves itself like every other screen (the cache hears of every success): a rename is never lost by going elsewhere
  const { state: saveState, flush } = useAutosave(sendable, saveUnit, errorText, 800, '单位设置');
  // held rows are stored as drafts; only while saving fails is any of it unsaved
  useUnsavedInput(saveState.kind === 'error' && heldUnitInputs(held, draft).join('；'));

  /** typing: each text box has its own undo */
  const patch = (p: Partial<Unit>) => setDraft((d) => ({ ...d, ...p }));

  // Changes made with the mouse (a row added, deleted or moved, a choice) are saved at once, so
  // Ctrl+Z outside a text box takes them back; typing has each box's own undo.
  const past = useRef<Unit[]>([]);
  const step = (p: Partial<Unit>) => {
    past.current.push(draftRef.current);
    if (past.current.length > 100) past.current.shift();
    patch(p);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      if (e.defaultPrevented || typingTarget(e.target)) return;
      const prev = past.current.pop();
      if (!prev) return;
      e.preventDefault();
      setDraft(prev);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The field to put the cursor in once the row it belongs to is on screen (data-unit-field).
  const [focusField, setFocusField] = useState<string | null>(null);
  useEffect(() => {
    if (!focusField) return;
    const el = document.querySelector<HTMLInputElement>(`[data-unit-field="${focusField}"]`);
    if (!el) return;
    el.focus();
    el.select();
    setFocusField(null);
  }, [focusField, draft]);

  const setVillages = (villages: Village[]) => step({ villages });
  const addVillage = () => {
    const v: Village = { id: newId('v'), name: '', kind: '村' };
    setVillages([...draft.villages, v]);
    setFocusField(`village-${v.id}`);
  };
  /** Typing a name: a row not saved yet follows its name's kind (…社区) until the clerk picks one. */
  const typeVillageName = (id: string, name: string) =>
    patch({
      villages: draftRef.current.villages.map((x) =>
        x.id !== id ? x : !savedIds.has(id) && x.kind === villageKindOf(x.name) ? { ...x, name, kind: villageKindOf(name) } : { ...x, name },
      ),
    });
  /** Enter after a village name: the next row, or a new one after a named last row (as in Excel). */
  const villageEnter = (id: string) => {
    const vs = draftRef.current.villages;
    const i = vs.findIndex((v) => v.id === id);
    const next = vs[i + 1];
    if (next) setFocusField(`village-${next.id}`);
    else if (vs[i]?.name.trim()) addVillage();
  };
  /**
   * A column pasted from Excel or Word (names on separate lines) becomes rows after this one; the
   * field alone would run them together. False: an ordinary one-line paste, left to the field.
   */
  const pasteVillages = (id: string, text: string, at: { start: number; end: number }): boolean => {
    if (!/[\r\n]/.test(text.trim())) return false;
    const [first, ...rest] = parseVillageLines(text);
    if (!first) return false;
    const vs = draftRef.current.villages;
    const i = vs.findIndex((v) => v.id === id);
    const cur = vs[i]!;
    const name = cur.name.slice(0, at.start) + first.name + cur.name.slice(at.end);
    const here = { ...cur, name, ...(savedIds.has(id) ? {} : { kind: villageKindOf(name) }) };
    setVillages([...vs.slice(0, i), here, ...rest, ...vs.slice(i + 1)]);
    setFocusField(`village-${(rest.at(-1) ?? here).id}`);
    return true;
  };

  const addLeader = () => {
    step({ leaders: [...draftRef.current.leaders, { role: '', name: '' }] });
    setFocusField(`leader-role-${draftRef.current.leaders.length}`);
  };
  /** Enter in 职务 goes to 姓名; in 姓名 to the next row, or a new one after a filled last row. */
  const leaderEnter = (i: number, field: 'role' | 'name') => {
    const ls = draftRef.current.leaders;
    if (field === 'role') return setFocusField(`leader-name-${i}`);
    if (i + 1 < ls.length) return setFocusField(`leader-role-${i + 1}`);
    if (ls[i]?.role.trim() && ls[i]?.name.trim()) addLeader();
  };
  const move = (i: number, by: -1 | 1) => {
    const vs = moveVillage(draft.villages, i, by);
    if (vs) setVillages(vs);
  };

  const askRemove = (v: Village) => {
    if (!savedIds.has(v.id)) {
      // never saved: nothing refers to it yet
      setVillages(draft.villages.filter((x) => x.id !== v.id));
      return;
    }
    setReassignTo(CLEAR);
    setRemoveError(null);
    setRemoving(v);
  };

  const confirmRemove = async () => {
    if (!removing || removeVillage.isPending) return;
    setRemoveError(null);
    try {
      const r = await removeVillage.mutateAsync({ villageId: removing.id, reassignTo: reassignTo === CLEAR ? null : reassignTo });
      app.setUnit(r.unit);
      // keep the clerk's other unsaved edits; only the village goes
      setDraft((d) => ({ ...d, villages: d.villages.filter((x) => x.id !== removing.id) }));
      // its records have moved: an undo must not bring the village back without them
      past.current = [];
      message.success(`已删除“${removing.name}”，${r.moved} 条记录已${reassignTo === CLEAR ? '改为未指定村（社区）' : '转入所选村（社区）'}`);
      setRemoving(null);
    } catch (err) {
      setRemoveError(errorText(err));
    }
  };

  return {
    draft,
    savedIds,
    patch,
    step,
    held,
    setVillages,
    addVillage,
    typeVillageName,
    villageEnter,
    pasteVillages,
    addLeader,
    leaderEnter,
    move,
    saveState,
    savedAt,
    flush,
    removing,
    reassignTo,
    setReassignTo,
    askRemove,
    confirmRemove,
    cancelRemove: () => setRemoving(null),
    removeError,
    removePending: removeVillage.isPending,
    /** where the records of the village being removed can go */
    otherVillages: app.unit.villages.filter((v) => v.id !== removing?.id),
  };
}

export type UnitScreenState = ReturnType<typeof useUnitScreen>;
