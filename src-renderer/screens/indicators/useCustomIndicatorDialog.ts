import { useEffect, useMemo, useRef, useState } from 'react';
import type { InputRef } from 'antd';
import type { IndicatorDef } from '../../../src-shared/domain/indicatorSchema';
import { INDICATOR_AREAS } from '../../../src-shared/domain/vocabulary';
import type { IndicatorRow } from '../../../src-shared/contract';
import { firstRefused } from '../../components/fieldRefusal';
import { DRAFT_FIELDS, EMPTY_DRAFT, draftToDef, fieldErrors, type CustomDraft, type DraftField } from './customIndicator';

export interface CustomIndicatorDialogProps {
  open: boolean;
  /** every indicator on screen: the candidates for a rate's parts */
  rows: IndicatorRow[];
  /** persists; throws the service's refusal */
  define: (def: ReturnType<typeof draftToDef>) => Promise<IndicatorDef>;
  onDone: (def: IndicatorDef) => void;
  onCancel: () => void;
}

/** The dialog's state: the draft, the service's refusals per field, and sending it. */
export function useCustomIndicatorDialog({ open, rows, define, onDone }: CustomIndicatorDialogProps) {
  const [draft, setDraft] = useState<CustomDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<InputRef>(null);
  // after a refusal the cursor goes to the first field refused, as in every other form
  const [focusRefused, setFocusRefused] = useState<DraftField | null>(null);
  useEffect(() => {
    if (!focusRefused) return;
    setFocusRefused(null);
    if (focusRefused === 'name') return nameRef.current?.focus({ cursor: 'all' });
    const group = document.querySelector(`.ant-modal [aria-label="${DRAFT_FIELDS[focusRefused]}"]`);
    const target = group?.matches('input') ? group : group?.querySelector<HTMLElement>('input:not([disabled]), [tabindex="0"]');
    (target as HTMLElement | null | undefined)?.focus();
  }, [focusRefused]);

  useEffect(() => {
    if (open) {
      setDraft(EMPTY_DRAFT);
      setErrors({});
      setGeneral(null);
    }
  }, [open]);

  const indicatorOptions = useMemo(
    () =>
      INDICATOR_AREAS.map((area) => ({
        label: area,
        title: area,
        options: rows.filter((r) => r.def.area === area).map((r) => ({ value: r.def.id, label: `${r.def.name}（${r.def.measure}）` })),
      })).filter((g) => g.options.length),
    [rows],
  );

  const change = <K extends keyof CustomDraft>(key: K, value: CustomDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setGeneral(null);
  };

  const submit = async () => {
    setSaving(true);
    try {
      // the service names the new indicator and says whether the draft is acceptable
      onDone(await define(draftToDef(draft)));
    } catch (err) {
      const routed = fieldErrors(err);
      setErrors(routed.fields);
      setGeneral(routed.general);
      setFocusRefused(firstRefused(DRAFT_FIELDS, routed.fields));
    } finally {
      setSaving(false);
    }
  };

  /** antd Form.Item props showing the refusal of one field */
  const item = (key: DraftField) => ({
    validateStatus: errors[key] ? ('error' as const) : undefined,
    help: errors[key],
  });
  const needsCategories = draft.type === 'ledgerCount' || draft.type === 'ledgerSum' || draft.type === 'ledgerVillages';

  return { draft, general, saving, nameRef, indicatorOptions, change, submit, item, needsCategories };
}
