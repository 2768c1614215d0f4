import { useMemo } from 'react';
import { LEDGER_CATEGORIES } from '../../../src-shared/catalog/ledgerCategories';
import type { LedgerEntry, LedgerFields } from '../../../src-shared/domain/ledger';
import { useMethodMutation } from '../../api/queries';
import { useApp } from '../../state/app';
import { declareFields } from './formFields';
import { RecordScreen, type RecordConfig } from './RecordScreen';
import { LIMITS } from '../../../src-shared/domain/limits';

const CATEGORY_NAME = new Map(LEDGER_CATEGORIES.map((c) => [c.id, c.name]));

export function LedgerScreen() {
  const { unit } = useApp();
  const { mutateAsync: add } = useMethodMutation('ledger.add');
  const { mutateAsync: update } = useMethodMutation('ledger.update');
  const { mutateAsync: remove } = useMethodMutation('ledger.remove');
  const { mutateAsync: restore } = useMethodMutation('ledger.restore');
  const config = useMemo((): RecordConfig<LedgerEntry> => {
    const villageName = new Map(unit.villages.map((v) => [v.id, v.name]));
    const vname = (id?: string) => (id ? (villageName.get(id) ?? '（已删除）') : '');
    const categoryOptions = LEDGER_CATEGORIES.map((c) => ({ value: c.id, label: c.name }));
    const form = declareFields<LedgerFields>({
      date: { label: '日期', kind: 'date', width: 110 },
      category: { label: '类别', kind: 'select', width: 140, options: categoryOptions, required: true },
      title: { label: '活动名称', kind: 'text', width: 200, required: true, maxLength: LIMITS.ledgerTitle, grow: true, placeholder: '如：“民法典进村居”宣传' },
      villageId: { label: '村（社区）', kind: 'select', width: 130, options: unit.villages.map((v) => ({ value: v.id, label: v.name })), placeholder: '可不选' },
      participants: { label: '参与人数', kind: 'count', measure: '人', width: 88 },
      materials: { label: '资料份数', kind: 'count', measure: '份', width: 104 },
      note: { label: '备注', kind: 'text', width: 130, maxLength: LIMITS.ledgerNote },
    });
    return {
      title: '活动台账',
      countWord: '条',
      noun: '台账记录',
      listMethod: 'ledger.list',
      add: (year, v) => add({ year, entry: form.input(v) }),
      update: (year, id, v) => update({ year, id, entry: form.input(v) }),
      remove: (year, id) => remove({ year, id }),
      restore: (year, entry) => restore({ year, entry }),
      fields: form.fields,
      sticky: ['date', 'category'],
      columns: [
        { key: 'date', title: '日期', width: 110, render: (r) => r.date, sortValue: (r) => r.date },
        {
          key: 'category',
          title: '类别',
          width: 140,
          render: (r) => <span className="fz-tag fz-tag-blue">{CATEGORY_NAME.get(r.category) ?? r.category}</span>,
          sortValue: (r) => CATEGORY_NAME.get(r.category) ?? r.category,
        },
        { key: 'title', title: '活动名称', width: 280, render: (r) => r.title, sortValue: (r) => r.title },
        { key: 'village', title: '村（社区）', width: 120, render: (r) => vname(r.villageId), sortValue: (r) => vname(r.villageId) },
        { key: 'participants', title: '参与人数', width: 96, align: 'right', render: (r) => r.participants ?? '', sortValue: (r) => r.participants, secondary: true },
        { key: 'materials', title: '发放资料', width: 96, align: 'right', render: (r) => r.materials ?? '', sortValue: (r) => r.materials, secondary: true },
        { key: 'note', title: '备注', width: 200, render: (r) => r.note ?? '', secondary: true },
      ],
      toForm: (r) => ({ ...r }),
      access: {
        category: (r) => r.category,
        text: (r) => `${r.title} ${r.note ?? ''} ${vname(r.villageId)} ${CATEGORY_NAME.get(r.category) ?? ''} ${r.date}`,
      },
      categoryFilter: { placeholder: '全部类别', options: categoryOptions },
      sheetKind: 'ledger',
      label: (r) => r.title,
    };
  }, [unit.villages, add, update, remove, restore]);
  return <RecordScreen config={config} />;
}
