/**
 * The 报送件's fields on the 导出 screen: what the report stores, with the clerk's changes on top
 * until they are saved (report.issuance, on leaving a field and before exporting), and what the
 * unit remembers from the last 报送件 (the suggested 发文字号, the usual 抄送 and 印发机关).
 *
 * What a field shows is what is saved or exported: a value the service refuses stays in its field
 * with the service's reason under it and the cursor back in it; a 印发日期 that does not read
 * (ChineseDateInput keeps it, marked) refuses the export there — never the value saved before.
 */
import { useCallback, useRef, useState } from 'react';
import type { Issuance } from '../../../src-shared/domain/issuance';
import { ISSUANCE_DEFAULTS, ISSUING_DEFAULTS } from '../../../src-shared/domain/issuanceVocabulary';
import { nextDocNumber, renderIssuance } from '../../../src-shared/report/issuance';
import { chineseDate } from '../../../src-shared/report/printedReport';
import { reportCalendar } from '../../../src-shared/dates';
import { setMethodData, useMethodMutation, useMethodQuery } from '../../api/queries';
import { firstRefused, routeRefusal } from '../../components/fieldRefusal';
import { useUnsavedInput } from '../../state/unsavedInput';
import { useApp } from '../../state/app';
import { ISSUANCE_FIELDS, issuanceInput, type IssuanceField } from './issuanceForm';

export type IssuanceProblems = Partial<Record<IssuanceField, string>>;

/**
 * `onFailure`: a refusal that names no field (the file could not be written, the connection is
 * gone); what was typed stays in the fields.
 */
export function useIssuance(today: string, onFailure: (err: unknown) => void) {
  const { year, unit } = useApp();
  const stored = useMethodQuery('report.get', { year }, { select: (r) => r.issuance ?? null });
  const [changes, setChanges] = useState<Partial<Issuance>>({});
  const { mutateAsync: saveIssuance } = useMethodMutation('report.issuance');
  const changesRef = useRef(changes);
  changesRef.current = changes;
  // the service's refusals, per field, until the field is changed
  const [refused, setRefusedState] = useState<IssuanceProblems>({});
  const refusedRef = useRef(refused);
  const setRefused = (r: IssuanceProblems) => {
    refusedRef.current = r;
    setRefusedState(r);
  };
  // the 印发日期 typed that does not read as a date (shown by the date field itself)
  const dateProblem = useRef<string | null>(null);
  const setDateProblem = useCallback((p: string | null) => void (dateProblem.current = p), []);
  /** the fields' container: a field is found by its label, as the clerk finds it */
  const root = useRef<HTMLDivElement>(null);
  const value: Issuance = { ...ISSUANCE_DEFAULTS, ...(stored.data ?? {}), ...changes };
  const habits = { ...ISSUING_DEFAULTS, ...(unit.issuing ?? {}) };
  const issueYear = reportCalendar(year).writtenIn;
  const refusedKeys = Object.keys(refused) as IssuanceField[];
  useUnsavedInput(refusedKeys.length > 0 && `报送件的${refusedKeys.map((k) => `“${ISSUANCE_FIELDS[k]}”`).join('')}`);

  /** The cursor into a field, its text selected (typing replaces what was refused). */
  const focusField = (key: IssuanceField) => {
    const labelled = root.current?.querySelector<HTMLElement>(`[aria-label="${ISSUANCE_FIELDS[key]}"]`);
    const target = labelled?.matches('input, textarea') ? labelled : labelled?.querySelector<HTMLElement>('input, textarea, [tabindex="0"]');
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  };

  const change = (p: Partial<Issuance>) => {
    changesRef.current = { ...changesRef.current, ...p };
    setChanges(changesRef.current);
    if (Object.keys(p).some((k) => k in refusedRef.current)) {
      const r = { ...refusedRef.current };
      for (const k of Object.keys(p)) delete r[k as IssuanceField];
      setRefused(r);
    }
  };
  /**
   * Writes what changed; the query cache then reads the report again (report.issuance dirties it).
   * False when a field was refused: its reason is under it and the cursor is in it.
   */
  const save = async (): Promise<boolean> => {
    const held = new Set(Object.keys(refusedRef.current) as IssuanceField[]);
    const input = issuanceInput(year, changesRef.current, held);
    const pending = input.issuance;
    if (!Object.keys(pending).length) return held.size === 0;
    let saved: Issuance;
    try {
      saved = await saveIssuance(input);
    } catch (err) {
      const routed = routeRefusal(err, ISSUANCE_FIELDS);
      if (routed.general !== null) {
        onFailure(err);
        return false;
      }
      setRefused({ ...refusedRef.current, ...routed.fields });
      const first = firstRefused(ISSUANCE_FIELDS, routed.fields);
      if (first) focusField(first);
      return false;
    }
    // the answer goes into the cache at once: clearing the changes must not show the old value
    // for the moment until the report is read again
    setMethodData('report.get', { year }, (r) => (r ? { ...r, issuance: saved } : r));
    // what was sent is saved; a field typed on while it was being saved keeps its change
    const left = { ...changesRef.current };
    for (const [k, v] of Object.entries(pending)) if ((left as Record<string, unknown>)[k] === v) delete (left as Record<string, unknown>)[k];
    changesRef.current = left;
    setChanges(left);
    return held.size === 0;
  };
  /** A choice (switch, list, date): changed and saved at once. */
  const commit = (p: Partial<Issuance>) => {
    change(p);
    return save();
  };
  /**
   * Before an export: everything typed is saved and every field reads. Otherwise the reason of the
   * first field that does not (the date's, or the service's) and the cursor in it.
   */
  const ready = async (): Promise<{ ok: true } | { ok: false; field: string; problem: string } | { ok: false; field: null }> => {
    if (dateProblem.current) {
      focusField('printDate');
      return { ok: false, field: ISSUANCE_FIELDS.printDate, problem: dateProblem.current };
    }
    if (await save()) return { ok: true };
    const first = firstRefused(ISSUANCE_FIELDS, refusedRef.current);
    // (a failure that names no field: onFailure has said it)
    if (!first) return { ok: false, field: null };
    focusField(first);
    return { ok: false, field: ISSUANCE_FIELDS[first], problem: refusedRef.current[first]! };
  };

  return {
    value,
    change,
    commit,
    save,
    ready,
    /** the service's reason per refused field */
    refused,
    setDateProblem,
    root,
    loading: stored.isPending,
    habits,
    /** the number after the last one used, in the year the report is written */
    suggestedNumber: nextDocNumber(habits.lastDocNumber, issueYear),
    jointIssuer: habits.jointIssuer,
    /** the 版头/版记 as they will print, for the preview */
    rendered: renderIssuance({ issuance: value, habits, unitFullName: unit.fullName, today, chineseDate }),
  };
}
export type IssuanceState = ReturnType<typeof useIssuance>;
