/**
 * State and actions of one indicator in 指标录入: what is typed (kept while typing, refreshed from a
 * reload otherwise), saving on blur (what is saved: src-shared/domain/indicatorEdit), Enter moving
 * to the next figure, and removing a custom indicator.
 */
import { useEffect, useRef, useState } from 'react';
import type { IndicatorRow } from '../../../src-shared/contract';
import { readIndicatorEdit } from '../../../src-shared/domain/indicatorEdit';
import { errorText } from '../../components/errors';
import { useUnsavedInput } from '../../state/unsavedInput';
import { formatIndicatorValue } from './validate';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export interface IndicatorFieldProps {
  row: IndicatorRow;
  /** persists; resolves with the service's view of the row */
  save: (id: string, value: number | null, wording: string) => Promise<IndicatorRow>;
  /** where a computed figure comes from, when it can be opened */
  openOrigin?: () => void;
  /** custom indicators only: removes the definition; throws the service's refusal */
  onRemove?: () => Promise<void>;
}

export function useIndicatorField({ row, save, onRemove }: IndicatorFieldProps) {
  const { def } = row;
  const [text, setText] = useState(formatIndicatorValue(row.value));
  const [wording, setWording] = useState(row.wording);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [removeError, setRemoveError] = useState<string | null>(null);
  const editing = useRef(false);
  // a figure that does not read stays in its field, marked; leaving the screen asks first
  useUnsavedInput(invalid !== null && `指标录入中“${def.name}”的数值“${text}”（${invalid}）`);

  /** saves of this field under way: the answer of an earlier one must not overwrite a later edit */
  const saving = useRef(0);

  // a reload (another field changed a rate, or the year changed) refreshes what is not being typed
  // and not being saved (the last save's own answer sets the fields, see commit)
  useEffect(() => {
    if (!editing.current && !saving.current) {
      setText(formatIndicatorValue(row.value));
      setWording(row.wording);
    }
  }, [row.value, row.wording]);

  // a refusal (“a rate uses it”) may no longer hold once the list is reloaded after any change
  useEffect(() => setRemoveError(null), [row]);

  const commit = async () => {
    editing.current = false;
    const e = readIndicatorEdit(row, text, wording);
    if (!e.ok) {
      setInvalid(e.error);
      return;
    }
    // the fields show what is stored: the figure as read, the wording trimmed
    if (!row.computed) setText(formatIndicatorValue(e.value));
    setWording(wording.trim());
    setInvalid(null);
    if (!e.save) return;
    setState({ kind: 'saving' });
    saving.current++;
    try {
      const stored = await save(def.id, e.save.value, e.save.wording);
      // the last answer, once nothing is being typed, is what the fields show
      if (saving.current === 1 && !editing.current) {
        if (!stored.computed) setText(formatIndicatorValue(stored.value));
        setWording(stored.wording);
      }
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'failed', message: errorText(err) });
    } finally {
      saving.current--;
    }
  };

  // Enter saves (through blur) and moves on to the next figure to type, as the ledger does
  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const here = e.target as HTMLInputElement;
    // a figure that does not read keeps the cursor, its text selected to type over
    const read = readIndicatorEdit(row, text, wording);
    if (!read.ok) {
      setInvalid(read.error);
      const field = here.closest('.ind-row')?.querySelector<HTMLInputElement>('input[data-ind-value]') ?? here;
      field.focus();
      field.select();
      return;
    }
    const next = [...document.querySelectorAll<HTMLInputElement>('input[data-ind-value]')].find(
      (el) => here.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    if (next) {
      next.focus();
      next.select();
      next.scrollIntoView({ block: 'nearest' });
    } else here.blur();
  };

  const typeValue = (v: string) => {
    editing.current = true;
    setText(v);
    if (invalid) setInvalid(null);
  };
  const typeWording = (v: string) => {
    editing.current = true;
    setWording(v);
  };

  const remove = async () => {
    if (!onRemove) return;
    setRemoveError(null);
    try {
      await onRemove();
    } catch (err) {
      setRemoveError(errorText(err));
    }
  };

  return { text, wording, invalid, state, removeError, commit, onKey, typeValue, typeWording, remove };
}
