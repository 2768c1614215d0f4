import * as z from 'zod';
import { choiceField, countField, dateField, idField, lineText, paragraphText, timestampField } from './text';
import { LEDGER_CATEGORIES, LEDGER_CATEGORY_IDS } from '../catalog/ledgerCategories';
import { MEDIATION_KINDS, MEDIATION_OUTCOMES } from './vocabulary';
import { LIMITS } from './limits';

const categoryList = LEDGER_CATEGORIES.map((c) => c.name).join('、');

export const LedgerFieldsSchema = z.object({
  date: dateField('日期'),
  category: choiceField('类别', LEDGER_CATEGORY_IDS, `类别无效，可选：${categoryList}`),
  title: lineText('标题', LIMITS.ledgerTitle, 1),
  villageId: idField.optional(),
  participants: countField('参与人数').optional(),
  materials: countField('发放资料数').optional(),
  note: paragraphText('备注', LIMITS.ledgerNote).optional(),
});
export type LedgerFields = z.output<typeof LedgerFieldsSchema>;

export const LedgerEntrySchema = LedgerFieldsSchema.extend({
  id: idField,
  createdAt: timestampField('创建时间'),
  updatedAt: timestampField('修改时间').optional(),
});
export type LedgerEntry = z.output<typeof LedgerEntrySchema>;


export const MediationFieldsSchema = z.object({
  date: dateField('日期'),
  villageId: idField.optional(),
  kind: choiceField('纠纷类型', MEDIATION_KINDS, `纠纷类型无效，可选：${MEDIATION_KINDS.join('、')}`),
  outcome: choiceField('调解结果', MEDIATION_OUTCOMES, '调解结果只能是 成功、未成功 或 调解中'),
  note: paragraphText('备注', LIMITS.ledgerNote).optional(),
});
export type MediationFields = z.output<typeof MediationFieldsSchema>;

export const MediationCaseSchema = MediationFieldsSchema.extend({
  id: idField,
  createdAt: timestampField('创建时间'),
  updatedAt: timestampField('修改时间').optional(),
});
export type MediationCase = z.output<typeof MediationCaseSchema>;
export { dateInYear } from './textRules';
