/**
 * State and actions of 从Excel导入: the services read the file (sheet.preview) each time the
 * mapping or a value's meaning changes; the choices themselves are shared rules (sheet/choices);
 * the commit is one addMany with a progress bar that follows the expected time of the write.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import { LEDGER_CATEGORIES } from '../../../src-shared/catalog/ledgerCategories';
import { MEDIATION_KINDS, MEDIATION_OUTCOMES } from '../../../src-shared/domain/vocabulary';
import { villageKindOf } from '../../../src-shared/domain/villageNames';
import { newId } from '../../../src-shared/ids';
import { assignColumn, chooseValue, importableRows, personalLeftOut, rememberOf, rowAsStored, valueChoices } from '../../../src-shared/sheet/choices';
import type { AddManyResult, SheetKind, SheetMapping, SheetPreview, SheetRow, SheetTarget, SheetValueMap, UnknownValue } from '../../../src-shared/sheet/targets';
import { refetchMethod, useMethodMutation } from '../../api/queries';
import type { OpenedFile } from '../../api/platform';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';

export interface SheetImportDialogProps {
  kind: SheetKind;
  file: OpenedFile | null;
  onClose: () => void;
  onImported: (r: AddManyResult) => void;
}

export function useSheetImport({ kind, file, onImported }: SheetImportDialogProps) {
  const app = useApp();
  const { message } = AntApp.useApp();
  const [mapping, setMapping] = useState<SheetMapping | undefined>(undefined);
  const [values, setValues] = useState<SheetValueMap>({});
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [withDuplicates, setWithDuplicates] = useState(false);
  const [committing, setCommitting] = useState<{ n: number; percent: number } | null>(null);
  const seq = useRef(0);
  const saveUnit = useMethodMutation('unit.save');
  const addLedger = useMethodMutation('ledger.addMany');
  const addCases = useMethodMutation('mediation.addMany');
  const { mutateAsync: previewSheet } = useMethodMutation('sheet.preview');

  // a new file starts over
  useEffect(() => {
    setMapping(undefined);
    setValues({});
    setPreview(null);
    setError(null);
    setWithDuplicates(false);
  }, [file]);

  // sheet.preview is an action on the file's bytes (no cache key): asked again on each change of the
  // mapping or a value's meaning; an answer overtaken by a later question is dropped
  useEffect(() => {
    if (!file) return;
    const mine = ++seq.current;
    setLoading(true);
    previewSheet({ kind, fileName: file.fileName, data: file.data, year: app.year, ...(mapping ? { mapping } : {}), values })
      .then((p) => {
        if (mine !== seq.current) return;
        setPreview(p);
        setError(null);
      })
      .catch((e) => mine === seq.current && setError(errorText(e)))
      .finally(() => mine === seq.current && setLoading(false));
  }, [file, kind, mapping, values, app.year, previewSheet]);

  const chosen = useMemo(() => (preview ? importableRows(preview.rows, withDuplicates) : []), [preview, withDuplicates]);

  const setColumn = (key: string, target: SheetTarget | null) => setMapping(assignColumn(preview?.columns ?? [], key, target));
  const setValue = (field: UnknownValue['field'], text: string, to: string) => setValues((v) => chooseValue(v, field, text, to));

  const addVillage = async (name: string) => {
    try {
      const unit = await refetchMethod('unit.get', {});
      if (!unit) return;
      const v = { id: newId('v'), name, kind: villageKindOf(name) };
      const saved = await saveUnit.mutateAsync({ unit: { ...unit, villages: [...unit.villages, v] } });
      app.setUnit(saved);
      message.success(`已添加村（社区）：${name}`);
      setValue('village', name, v.id);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const commit = async () => {
    if (!preview || !chosen.length) return;
    const n = chosen.length;
    // one write: the bar follows the expected time of a write of this size, and ends when it is done
    setCommitting({ n, percent: 5 });
    const timer = setInterval(() => setCommitting((c) => (c ? { ...c, percent: Math.min(95, c.percent + Math.max(1, 4000 / Math.max(n, 100))) } : c)), 100);
    try {
      const entries = chosen.map((r) => r.fields!);
      const remember = rememberOf(preview);
      const r =
        kind === 'ledger'
          ? await addLedger.mutateAsync({ year: app.year, entries: entries as never, remember })
          : await addCases.mutateAsync({ year: app.year, entries: entries as never, remember });
      setCommitting({ n, percent: 100 });
      onImported(r);
    } catch (e) {
      setError(errorText(e));
    } finally {
      clearInterval(timer);
      setCommitting(null);
    }
  };

  /** What an unknown value of `field` can be said to mean. */
  const choicesFor = (field: UnknownValue['field']) =>
    field === 'category'
      ? LEDGER_CATEGORIES.map((c) => ({ value: c.id, label: c.name }))
      : field === 'village'
        ? app.unit.villages.map((v) => ({ value: v.id, label: v.name }))
        : field === 'kind'
          ? MEDIATION_KINDS.map((k) => ({ value: k, label: k }))
          : MEDIATION_OUTCOMES.map((k) => ({ value: k, label: k }));

  return {
    preview,
    error,
    loading,
    committing,
    chosen,
    withDuplicates,
    setWithDuplicates,
    setColumn,
    setValue,
    addVillage,
    commit,
    choicesFor,
    /** a row the commit writes, as it will be stored */
    storedOf: (r: SheetRow) => (r.fields ? rowAsStored(r.fields, app.unit.villages) : {}),
    problemRows: preview ? preview.rows.filter((r) => r.status !== 'ok') : [],
    valueItems: valueChoices(preview?.unknown ?? [], values),
    personalLeftOut: preview ? personalLeftOut(preview.columns) : [],
  };
}

export type SheetImportState = ReturnType<typeof useSheetImport>;
