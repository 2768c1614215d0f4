/**
 * Words that name each built-in indicator in a report's sentences, so a figure in the text can be
 * matched to the year's data ("全年开展各类普法宣传活动20次" → pufa-events). Longer, more specific
 * words win over short ones; a custom indicator is known by its own name.
 */
import type { IndicatorDef } from '../domain/indicators';

export const INDICATOR_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'decision-catalog': ['重大行政决策事项', '决策事项'],
  'legality-review': ['合法性审查事项', '审查各类事项', '合法性审查'],
  'normative-docs-reviewed': ['规范性文件'],
  'contracts-reviewed': ['政府合同'],
  'enf-exam-takers': ['参加执法人员认证考试', '参加执法资格认证考试', '参加认证考试', '参加考试', '参考'],
  'enf-exam-passed': ['考试通过', '通过考试', '通过'],
  'enf-exam-pass-rate': ['考试通过率', '通过率'],
  'enf-cert-transfer': ['跨区换证', '换证'],
  'enf-inspections': ['联合执法检查', '执法检查'],
  'open-total': ['主动公开政务信息', '公开政务信息', '政务信息'],
  'open-emergency': ['应急管理'],
  'open-proposals': ['建议提案'],
  'open-key-areas': ['基层重点领域', '重点领域'],
  'adviser-hired': ['聘请专业法律顾问', '聘请法律顾问', '法律顾问'],
  'adviser-support': ['法律支持', '法律意见'],
  'adviser-lectures': ['下村授课', '法律顾问授课'],
  'clinic-sessions': ['坐诊'],
  'clinic-villages': ['坐诊覆盖'],
  'pufa-events': ['各类普法宣传活动', '普法宣传活动', '普法宣传', '普法活动'],
  'jindu-lectures': ['禁毒普法授课', '禁毒授课', '禁毒讲座'],
  'jindu-events': ['禁毒宣传活动', '禁毒宣传'],
  'jindu-materials': ['禁毒宣传资料', '禁毒资料'],
  'jindu-audience': ['禁毒宣传受众', '受众'],
  'minfadian-materials': ['民法典'],
  'fanzha-events': ['反诈宣传活动', '反诈宣传', '反诈'],
  'fanzha-audience': ['反诈宣传覆盖人群', '覆盖人群'],
  'xianfa-participants': ['宪法日', '宪法宣誓'],
  'disputes-center': ['调解中心'],
  'mediation-cases': ['全年调解矛盾纠纷', '调解矛盾纠纷', '调处矛盾纠纷'],
  'mediation-success': ['调解成功'],
  'mediation-success-rate': ['调解成功率', '成功率'],
  'correction-persons': ['社区矫正对象', '矫正对象'],
  'correction-check-rate': ['核查率'],
  'correction-plan-rate': ['矫正方案制定率', '方案制定率'],
  'village-count': ['村（社区）', '村(社区)', '村居'],
  'mingbairen-villages': ['法律明白人培训覆盖', '明白人覆盖'],
  'mingbairen-sessions': ['法律明白人', '明白人培训'],
  'democracy-meetings': ['民主议事'],
  'study-sessions': ['中心组学法', '集中学法'],
  'leader-lectures': ['讲授法治课', '法治课'],
  'honors': ['法治建设先进', '先进单位', '优秀单位'],
  'admin-review-cases': ['行政复议'],
  'admin-litigation-cases': ['行政诉讼'],
  'leader-appearance-rate': ['出庭应诉率'],
};

export function keywordsOf(def: Pick<IndicatorDef, 'id' | 'name'>): readonly string[] {
  return INDICATOR_KEYWORDS[def.id] ?? [def.name.replace(/[“”"]/g, '')];
}

/** Units that name the same kind of count: a clerk writes 名 or 人, 场 or 次, 起 or 件. */
const UNIT_GROUP: Record<string, string> = { 人: '人', 名: '人', 次: '次', 场: '次', 场次: '次', 起: '件', 件: '件' };
export function unitGroup(unit: string): string {
  return UNIT_GROUP[unit] ?? unit;
}
