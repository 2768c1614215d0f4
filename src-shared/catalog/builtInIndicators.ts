import type { IndicatorDef, IndicatorSource } from '../domain/indicatorSchema';

const manual: IndicatorSource = { type: 'manual' };
const count = (...categories: string[]): IndicatorSource => ({ type: 'ledgerCount', categories });
const sum = (field: 'participants' | 'materials', ...categories: string[]): IndicatorSource => ({
  type: 'ledgerSum',
  field,
  categories,
});
const villages = (...categories: string[]): IndicatorSource => ({ type: 'ledgerVillages', categories });
const rate = (numerator: string, denominator: string): IndicatorSource => ({ type: 'rate', numerator, denominator });

type Row = [id: string, name: string, measure: IndicatorDef['measure'], source: IndicatorSource];

const AREAS: Array<[IndicatorDef['area'], Row[]]> = [
  [
    '依法决策与合法性审查',
    [
      ['decision-catalog', '年度重大行政决策事项', '件', manual],
      ['legality-review', '合法性审查事项', '件', count('legality-review')],
      ['normative-docs-reviewed', '规范性文件合法性审查', '件', manual],
      ['contracts-reviewed', '政府合同合法性审查', '件', manual],
    ],
  ],
  [
    '行政执法',
    [
      ['enf-exam-takers', '机关干部参加执法人员认证考试', '名', manual],
      ['enf-exam-passed', '执法人员认证考试通过人数', '名', manual],
      ['enf-exam-pass-rate', '执法人员认证考试通过率', '%', rate('enf-exam-passed', 'enf-exam-takers')],
      ['enf-cert-transfer', '执法人员行政执法跨区换证', '名', manual],
      ['enf-inspections', '开展执法检查', '次', count('enforcement')],
    ],
  ],
  [
    '政务公开',
    [
      ['open-total', '主动公开政务信息', '条', manual],
      ['open-emergency', '主动公开应急管理信息', '条', manual],
      ['open-proposals', '主动公开建议提案办理信息', '条', manual],
      ['open-key-areas', '基层重点领域信息公开', '条', manual],
    ],
  ],
  [
    '法律服务与法律顾问',
    [
      ['adviser-hired', '聘请专业法律顾问', '名', manual],
      ['adviser-support', '法律顾问为政府决策提供法律支持', '次', count('adviser-support')],
      ['adviser-lectures', '村居法律顾问下村授课', '次', count('adviser-lecture')],
      ['clinic-sessions', '村居法律服务“坐诊”', '次', count('clinic')],
      ['clinic-villages', '法律服务“坐诊”覆盖村（社区）', '个', villages('clinic')],
    ],
  ],
  [
    '普法宣传',
    [
      ['pufa-events', '各类普法宣传活动', '次', count('pufa')],
      ['jindu-lectures', '禁毒普法授课', '场', count('jindu-lecture')],
      ['jindu-events', '禁毒宣传活动', '场次', count('jindu')],
      ['jindu-materials', '发放禁毒宣传资料', '份', sum('materials', 'jindu', 'jindu-lecture')],
      ['jindu-audience', '禁毒宣传受众', '人', sum('participants', 'jindu', 'jindu-lecture')],
      ['minfadian-materials', '民法典宣传发放资料', '份', sum('materials', 'minfadian')],
      ['fanzha-events', '反诈宣传活动', '场', count('fanzha')],
      ['fanzha-audience', '反诈宣传覆盖人群', '人', sum('participants', 'fanzha')],
      ['xianfa-participants', '国家宪法日活动参与群众', '名', sum('participants', 'xianfa')],
    ],
  ],
  [
    '矛盾纠纷化解',
    [
      ['disputes-center', '村居和镇调解中心化解矛盾纠纷', '次', manual],
      ['mediation-cases', '全年调解矛盾纠纷', '起', { type: 'mediationCount' }],
      ['mediation-success', '调解成功', '起', { type: 'mediationCount', outcome: '成功' }],
      ['mediation-success-rate', '调解成功率', '%', rate('mediation-success', 'mediation-cases')],
    ],
  ],
  [
    '社区矫正',
    [
      ['correction-persons', '在册社区矫正对象', '名', manual],
      ['correction-check-rate', '社区矫正对象核查率', '%', manual],
      ['correction-plan-rate', '个性化矫正方案制定率', '%', manual],
    ],
  ],
  [
    '基层民主法治',
    [
      ['village-count', '村（社区）数', '个', { type: 'villageCount' }],
      ['mingbairen-villages', '“法律明白人”培训覆盖村（社区）', '个', villages('mingbairen')],
      ['mingbairen-sessions', '“法律明白人”培训', '场', count('mingbairen')],
      ['democracy-meetings', '民主议事会议', '次', count('democracy')],
    ],
  ],
  [
    '学法与第一责任人',
    [
      ['study-sessions', '党委（党组）理论学习中心组学法', '次', count('study')],
      ['leader-lectures', '主要负责人讲授法治课', '次', manual],
      ['honors', '获评法治建设先进（优秀）单位', '项', manual],
    ],
  ],
  [
    '行政复议与诉讼',
    [
      ['admin-review-cases', '行政复议案件', '件', manual],
      ['admin-litigation-cases', '行政诉讼案件', '件', manual],
      ['leader-appearance-rate', '行政机关负责人出庭应诉率', '%', manual],
    ],
  ],
];

export const BUILT_IN_INDICATORS: readonly IndicatorDef[] = AREAS.flatMap(([area, rows]) =>
  rows.map(([id, name, measure, source]) => ({ id, name, area, measure, source, builtIn: true })),
);
