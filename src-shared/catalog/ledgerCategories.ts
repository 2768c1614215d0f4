/**
 * Kinds of activity the clerk logs through the year. Ids are stable (stored in data files);
 * names are what the clerk sees and may type on the command line.
 */
export interface LedgerCategory {
  id: string;
  name: string;
}

export const LEDGER_CATEGORIES: readonly LedgerCategory[] = [
  { id: 'pufa', name: '普法宣传' },
  { id: 'jindu', name: '禁毒宣传' },
  { id: 'jindu-lecture', name: '禁毒普法授课' },
  { id: 'fanzha', name: '反诈宣传' },
  { id: 'minfadian', name: '民法典宣传' },
  { id: 'xianfa', name: '宪法日活动' },
  { id: 'adviser-lecture', name: '法律顾问下村授课' },
  { id: 'clinic', name: '法律服务坐诊' },
  { id: 'adviser-support', name: '法律顾问决策支持' },
  { id: 'legality-review', name: '合法性审查' },
  { id: 'gov-open', name: '政务公开' },
  { id: 'enforcement', name: '执法检查' },
  { id: 'mingbairen', name: '法律明白人培训' },
  { id: 'study', name: '学法活动' },
  { id: 'democracy', name: '民主议事' },
  { id: 'other', name: '其他' },
];

const byId = new Map(LEDGER_CATEGORIES.map((c) => [c.id, c]));
const byName = new Map(LEDGER_CATEGORIES.map((c) => [c.name, c]));

export function findLedgerCategory(idOrName: string): LedgerCategory | undefined {
  return byId.get(idOrName) ?? byName.get(idOrName);
}
export const LEDGER_CATEGORY_IDS = LEDGER_CATEGORIES.map((c) => c.id) as [string, ...string[]];
