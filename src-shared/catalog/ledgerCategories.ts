/**
 * Kinds of activity the clerk logs through the year. Ids are stable (stored in data files);
 * names are what the clerk sees and may type on the command line.
 */
export interface LedgerCategory {
  id: string;
  name: string;
  /** What one entry is counted as in the report ("场", "次"). */
  unit: string;
}

export const LEDGER_CATEGORIES: readonly LedgerCategory[] = [
  { id: 'pufa', name: '普法宣传', unit: '次' },
  { id: 'jindu', name: '禁毒宣传', unit: '场' },
  { id: 'jindu-lecture', name: '禁毒普法授课', unit: '场' },
  { id: 'fanzha', name: '反诈宣传', unit: '场' },
  { id: 'minfadian', name: '民法典宣传', unit: '场' },
  { id: 'xianfa', name: '宪法日活动', unit: '场' },
  { id: 'adviser-lecture', name: '法律顾问下村授课', unit: '次' },
  { id: 'clinic', name: '法律服务坐诊', unit: '次' },
  { id: 'adviser-support', name: '法律顾问决策支持', unit: '次' },
  { id: 'legality-review', name: '合法性审查', unit: '件' },
  { id: 'gov-open', name: '政务公开', unit: '条' },
  { id: 'enforcement', name: '执法检查', unit: '次' },
  { id: 'mingbairen', name: '法律明白人培训', unit: '场' },
  { id: 'study', name: '学法活动', unit: '次' },
  { id: 'democracy', name: '民主议事', unit: '次' },
  { id: 'other', name: '其他', unit: '次' },
];

const byId = new Map(LEDGER_CATEGORIES.map((c) => [c.id, c]));
const byName = new Map(LEDGER_CATEGORIES.map((c) => [c.name, c]));

export function findLedgerCategory(idOrName: string): LedgerCategory | undefined {
  return byId.get(idOrName) ?? byName.get(idOrName);
}
export const LEDGER_CATEGORY_IDS = LEDGER_CATEGORIES.map((c) => c.id) as [string, ...string[]];
