/**
 * State and actions of 单位设置: the draft (autosaved minus its blank new rows, see
 * src-shared/domain/unitDraft), Ctrl+Z for changes made with the mouse, and removing a village
 * whose records go elsewhere.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import type { Unit, Village } from '../../../src-shared/domain/unit';
import { moveVillage, sendableUnit, takeOutsideChanges } from '../../../src-shared/domain/unitDraft';
import { newId } from '../../../src-shared/ids';
import { call } from '../../api/client';
import { useMethodMutation } from '../../api/queries';
import { errorText } from '../../components/errors';
import { typingTarget } from '../../components/typingTarget';
import { useApp } from '../../state/app';
import { useAutosave } from '../report/useAutosave';

export const CLEAR = '__clear__';

/**
 * The unit being saved right now. Leaving the screen sends the last edits as it unmounts; coming
 * back before that save has answered must show them, not the shell's older copy.
 */
let sending: Unit | null = null;

export function useUnitScreen() {
  const app = useApp();
  const { message } = AntApp.useApp();
  const [draft, setDraft] = useState<Unit>(() => sending ?? app.unit);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Village | null>(null);
  const [reassignTo, setReassignTo] = useState<string>(CLEAR);
  const savedIds = new Set(app.unit.villages.map((v) => v.id));
  const { setUnit } = app;
  const removeVillage = useMethodMutation('unit.removeVillage');

  // the stored unit changed (this screen's own save answered, or another place saved the unit):
  // fields the clerk has not touched since the last stored copy follow it
  const base = useRef<Unit>(draft);
  useEffect(() => {
    if (app.unit === base.current) return;
    setDraft((d) => takeOutsideChanges(d, base.current, app.unit));
    base.current = app.unit;
  }, [app.unit]);

  // What autosave sends. Its identity changes only with its content, so a save that refreshes
  // app.unit does not trigger another one.
  const sendableJson = JSON.stringify(sendableUnit(draft, savedIds));
  const sendable = useMemo(() => JSON.parse(sendableJson) as Unit, [sendableJson]);
  const saveUnit = useCallback(
    async (u: Unit) => {
      sending = u;
      let unit: Unit;
      try {
        unit = await call('unit.save', { unit: u });
      } finally {
        if (sending === u) sending = null;
      }
      // the shell's copy (names in the ledger, the header); the draft stays as typed: this answer
      // is the new base, not an outside change (a field typed back meanwhile must not return)
      base.current = unit;
      setUnit(unit);
      setSavedAt(new Date().toLocaleTimeString('zh-CN'));
    },
    [setUnit],
  );
  // 单位设置 saves itself like every other screen (plain call: the cache hears of every success): a rename is never lost by going elsewhere
  const { state: saveState, flush } = useAutosave(sendable, saveUnit, errorText, 800, '单位设置');

  /** typing: each text box has its own undo */
  const patch = (p: Partial<Unit>) => setDraft((d) => ({ ...d, ...p }));

  // Changes made with the mouse (a row added, deleted or moved, a choice) are saved at once, so
  // Ctrl+Z outside a text box takes them back; typing has each box's own undo.
  const past = useRef<Unit[]>([]);
  const draftRef = useRef(draft);
  draftRef.current = draft;
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

  const setVillages = (villages: Village[]) => step({ villages });
  const addVillage = () => setVillages([...draft.villages, { id: newId('v'), name: '', kind: '村' }]);
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
    setRemoving(v);
  };

  const confirmRemove = async () => {
    if (!removing) return;
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
      message.error(errorText(err));
    }
  };

  return {
    draft,
    savedIds,
    patch,
    step,
    setVillages,
    addVillage,
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
    /** where the records of the village being removed can go */
    otherVillages: app.unit.villages.filter((v) => v.id !== removing?.id),
  };
}

export type UnitScreenState = ReturnType<typeof useUnitScreen>;
