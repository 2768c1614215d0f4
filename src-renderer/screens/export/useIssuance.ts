/**
 * The 报送件's fields on the 导出 screen: what the report stores, with the clerk's changes on top
 * until they are saved (report.issuance, on leaving a field and before exporting), and what the
 * unit remembers from the last 报送件 (the suggested 发文字号, the usual 抄送 and 印发机关).
 */
import { useRef, useState } from 'react';
import type { Issuance } from '../../../src-shared/domain/issuance';
import { ISSUANCE_DEFAULTS, ISSUING_DEFAULTS } from '../../../src-shared/domain/issuanceVocabulary';
import { nextDocNumber, renderIssuance } from '../../../src-shared/report/issuance';
import { chineseDate } from '../../../src-shared/report/printedReport';
import { reportCalendar } from '../../../src-shared/dates';
import { setMethodData, useMethodMutation, useMethodQuery } from '../../api/queries';
import { useApp } from '../../state/app';

export function useIssuance(today: string) {
  const { year, unit } = useApp();
  const stored = useMethodQuery('report.get', { year }, { select: (r) => r.issuance ?? null });
  const [changes, setChanges] = useState<Partial<Issuance>>({});
  const { mutateAsync: saveIssuance } = useMethodMutation('report.issuance');
  const changesRef = useRef(changes);
  changesRef.current = changes;
  const value: Issuance = { ...ISSUANCE_DEFAULTS, ...(stored.data ?? {}), ...changes };
  const habits = { ...ISSUING_DEFAULTS, ...(unit.issuing ?? {}) };
  const issueYear = reportCalendar(year).writtenIn;

  const change = (p: Partial<Issuance>) => {
    changesRef.current = { ...changesRef.current, ...p };
    setChanges(changesRef.current);
  };
  /** Writes what changed; the query cache then reads the report again (report.issuance dirties it). */
  const save = async () => {
    const pending = changesRef.current;
    if (!Object.keys(pending).length) return;
    const saved = await saveIssuance({ year, issuance: pending });
    // the answer goes into the cache at once: clearing the changes must not show the old value
    // for the moment until the report is read again
    setMethodData('report.get', { year }, (r) => (r ? { ...r, issuance: saved } : r));
    // typed on while it was being saved: keep those changes for the next save
    if (changesRef.current === pending) {
      changesRef.current = {};
      setChanges({});
    }
  };
  /** A choice (switch, list, date): changed and saved at once. */
  const commit = (p: Partial<Issuance>) => {
    change(p);
    return save();
  };

  return {
    value,
    change,
    commit,
    save,
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
