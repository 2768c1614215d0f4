/**
 * Words that name each built-in indicator in a report's sentences, so a figure in the text can be
 * matched to the year's data ("全年开展各类普法宣传活动20次" → pufa-events). Longer, more specific
 * words win over short ones; a custom indicator is known by its own name.
 */
import type { IndicatorDef } from '../domain/indicatorSchema';

/**
 * A keyword as written here: plain = names the indicator on its own; `~word` = names it only when
 * the clause says it is the year's total (全年, 各类, 共, 累计…), since "开展民法典普法宣传3场" is
 * a part of all 普法宣传; `word@cue` = only when the sentence also holds `cue` ("通过17人" is the
 * exam's only in a sentence about 考试); `>word` = only right after the figure ("15个村（社区）").
 */
export const INDICATOR_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'decision-catalog': ['重大行政决策事项', '~决策事项'],
  'legality-review': ['合法性审查事项', '~审查各类事项', '~合法性审查'],
  'normative-docs-reviewed': ['~规范性文件'],
  'contracts-reviewed': ['~政府合同'],
  'enf-exam-takers': ['参加执法人员认证考试', '参加执法资格认证考试', '参加认证考试', '参加考试@执法', '参考@考试'],
  'enf-exam-passed': ['考试通过@执法', '通过考试@执法', '通过@考试'],
  'enf-exam-pass-rate': ['考试通过率@执法', '通过率@考试'],
  'enf-cert-transfer': ['跨区换证'],
  'enf-inspections': ['~联合执法检查', '~执法检查'],
  'open-total': ['主动公开政务信息', '~公开政务信息', '~政务信息'],
  'open-emergency': ['应急管理类@公开', '应急管理信息', '应急管理@公开'],
  'open-proposals': ['建议提案@公开'],
  'open-key-areas': ['基层重点领域信息', '重点领域@公开'],
  'adviser-hired': ['聘请专业法律顾问', '聘请法律顾问'],
  'adviser-support': ['法律支持@顾问', '法律意见@顾问'],
  'adviser-lectures': ['下村授课'],
  'clinic-sessions': ['坐诊'],
  'clinic-villages': ['坐诊覆盖'],
  'pufa-events': ['各类普法宣传活动', '~普法宣传活动', '~普法宣传', '~普法活动'],
  'jindu-lectures': ['禁毒普法授课', '~禁毒授课', '~禁毒讲座'],
  'jindu-events': ['禁毒宣传活动', '~禁毒宣传'],
  'jindu-materials': ['禁毒宣传资料', '资料@禁毒'],
  'jindu-audience': ['禁毒宣传受众', '受众@禁毒', '覆盖群众@禁毒', '覆盖人群@禁毒'],
  'minfadian-materials': ['民法典宣传资料', '资料@民法典'],
  'fanzha-events': ['反诈宣传活动', '~反诈宣传'],
  'fanzha-audience': ['反诈宣传覆盖人群', '覆盖人群@反诈', '覆盖群众@反诈'],
  'xianfa-participants': ['参与群众@宪法', '宪法宣誓@宪法日'],
  'disputes-center': ['调解中心化解矛盾纠纷', '~调解中心'],
  'mediation-cases': ['全年调解矛盾纠纷', '~调解矛盾纠纷', '~调处矛盾纠纷'],
  'mediation-success': ['调解成功@调解'],
  'mediation-success-rate': ['调解成功率', '成功率@调解'],
  'correction-persons': ['在册社区矫正对象', '~社区矫正对象'],
  'correction-check-rate': ['核查率@矫正'],
  'correction-plan-rate': ['矫正方案制定率', '方案制定率@矫正'],
  'village-count': ['>村（社区）', '>村(社区)', '>村居'],
  'mingbairen-villages': ['法律明白人培训覆盖', '覆盖@法律明白人'],
  'mingbairen-sessions': ['~法律明白人培训', '培训@法律明白人'],
  'democracy-meetings': ['~民主议事'],
  'study-sessions': ['中心组学法', '~集中学法'],
  'leader-lectures': ['讲授法治课@负责人', '~讲授法治课'],
  'honors': ['法治建设先进', '~先进单位', '~优秀单位'],
  'admin-review-cases': ['~行政复议'],
  'admin-litigation-cases': ['~行政诉讼'],
  'leader-appearance-rate': ['出庭应诉率'],
};

export interface Keyword {
  word: string;
  /** the clause must say this is the year's total */
  total: boolean;
  /** the sentence must also hold this word */
  cue: string | null;
  /** only right after the figure */
  adjacentAfter: boolean;
}

export function parseKeyword(spec: string): Keyword {
  const total = spec.startsWith('~');
  const adjacentAfter = spec.startsWith('>');
  const body = total || adjacentAfter ? spec.slice(1) : spec;
  const [word = '', cue = null] = body.split('@');
  return { word, total, cue, adjacentAfter };
}

export function keywordsOf(def: Pick<IndicatorDef, 'id' | 'name'>): Keyword[] {
  return (INDICATOR_KEYWORDS[def.id] ?? [def.name.replace(/[“”"]/g, '')]).map(parseKeyword);
}

/** Units that name the same kind of count: a clerk writes 名 or 人, 场 or 次, 起 or 件. */
const UNIT_GROUP: Record<string, string> = { 人: '人', 名: '人', 次: '次', 场: '次', 场次: '次', 起: '件', 件: '件' };
export function unitGroup(unit: string): string {
  return UNIT_GROUP[unit] ?? unit;
}
