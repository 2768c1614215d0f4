import { useMemo } from 'react';
import { MEDIATION_KINDS, MEDIATION_OUTCOMES } from '../../../src-shared/domain/vocabulary';
import type { MediationCase, MediationFields } from '../../../src-shared/domain/ledger';
import { useMethodMutation } from '../../api/queries';
import { useApp } from '../../state/app';
import { declareFields } from '../ledger/formFields';
import { RecordScreen, type RecordConfig } from '../ledger/RecordScreen';
import { LIMITS } from '../../../src-shared/domain/limits';

const OUTCOME_COLOR: Record<string, string> = { 成功: 'green', 未成功: 'red', 调解中: 'orange' };

export function MediationScreen() {
  const { unit } = useApp();
  const { mutateAsync: add } = useMethodMutation('mediation.add');
  const { mutateAsync: update } = useMethodMutation('mediation.update');
  const { mutateAsync: remove } = useMethodMutation('mediation.remove');
  const { mutateAsync: restore } = useMethodMutation('mediation.restore');
  const config = useMemo((): RecordConfig<MediationCase> => {
    const villageName = new Map(unit.villages.map((v) => [v.id, v.name]));
    const vname = (id?: string) => (id ? (villageName.get(id) ?? '（已删除）') : '');
    const kindOptions = MEDIATION_KINDS.map((k) => ({ value: k, label: k }));
    const outcomeOptions = MEDIATION_OUTCOMES.map((k) => ({ value: k, label: k }));
    const form = declareFields<MediationFields>({
      date: { label: '日期', kind: 'date', width: 120 },
      kind: { label: '纠纷类型', kind: 'select', width: 150, options: kindOptions, required: true },
      villageId: { label: '村（社区）', kind: 'select', width: 150, options: unit.villages.map((v) => ({ value: v.id, label: v.name })), placeholder: '可不选' },
      outcome: { label: '调解结果', kind: 'select', width: 120, options: outcomeOptions, required: true },
      note: { label: '简要情况', kind: 'text', width: 260, maxLength: LIMITS.ledgerNote, grow: true },
    });
    return {
      title: '调解案件',
      countWord: '起',
      noun: '调解案件',
      listMethod: 'mediation.list',
      add: (year, v) => add({ year, entry: form.input(v) }),
      update: (year, id, v) => update({ year, id, entry: form.input(v) }),
      remove: (year, id) => remove({ year, id }),
      restore: (year, entry) => restore({ year, entry }),
      fields: form.fields,
      sticky: ['date'],
      columns: [
        { key: 'date', title: '日期', width: 110, render: (r) => r.date, sortValue: (r) => r.date },
        { key: 'kind', title: '纠纷类型', width: 130, render: (r) => r.kind, sortValue: (r) => r.kind },
        { key: 'village', title: '村（社区）', width: 130, render: (r) => vname(r.villageId), sortValue: (r) => vname(r.villageId) },
        {
          key: 'outcome',
          title: '调解结果',
          width: 100,
          render: (r) => <span className={`fz-tag fz-tag-${OUTCOME_COLOR[r.outcome]}`}>{r.outcome}</span>,
          sortValue: (r) => r.outcome,
        },
        { key: 'note', title: '简要情况', width: 380, render: (r) => r.note ?? '', secondary: true },
      ],
      toForm: (r) => ({ ...r }),
      access: {
        category: (r) => r.kind,
        outcome: (r) => r.outcome,
        // what a case has: its date (also as 3月15日), village, kind, outcome and summary
        text: (r) => `${r.kind} ${r.outcome} ${r.note ?? ''} ${vname(r.villageId)} ${r.date} ${Number(r.date.slice(5, 7))}月${Number(r.date.slice(8, 10))}日`,
      },
      categoryFilter: { placeholder: '全部纠纷类型', options: kindOptions },
      outcomeFilter: { placeholder: '全部结果', options: outcomeOptions },
      sheetKind: 'mediation',
      searchPlaceholder: '搜索日期、村名、纠纷类型、结果、简要情况',
      label: (r) => `${r.date} ${r.kind}`,
    };
  }, [unit.villages, add, update, remove, restore]);
  return <RecordScreen config={config} />;
}
