/**
 * Enumerations of the domain and their Chinese labels, free of zod so the renderer can import
 * them without bundling the validation library (the schemas in the sibling files use them).
 */

export const UNIT_KINDS = ['镇', '街道', '乡', '区', '县'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** How a report names the unit's bodies and leaders, by kind (区/县 governments write the same report). */
export const UNIT_KIND_WORDING: Record<UnitKind, { government: string; party: string; leaders: string }> = {
  镇: { government: '镇政府', party: '镇党委', leaders: '镇党委、镇政府主要负责同志' },
  街道: { government: '街道办事处', party: '街道党工委', leaders: '街道党工委、办事处主要负责同志' },
  乡: { government: '乡政府', party: '乡党委', leaders: '乡党委、乡政府主要负责同志' },
  区: { government: '区政府', party: '区委', leaders: '区委、区政府主要负责同志' },
  县: { government: '县政府', party: '县委', leaders: '县委、县政府主要负责同志' },
};

/** Writing guidance for a content item in the unit's own wording ("区委、区政府主要负责同志如何…"). */
export function contentItemGuidanceFor(item: ContentItem, kind?: UnitKind | undefined): string {
  const base = CONTENT_ITEM_GUIDANCE[item];
  if (!kind || !UNIT_KIND_WORDING[kind]) return base;
  const w = UNIT_KIND_WORDING[kind];
  if (item === 'firstResponsible') return base.replace('党政主要负责人', w.leaders);
  // a 区/县 government reports for itself, its departments and the towns under it
  if (item === 'measures' && (kind === '区' || kind === '县')) return `${base}写明${w.government}本级、各部门和各乡镇（街道）的做法。`;
  return base;
}
export const VILLAGE_KINDS = ['村', '社区'] as const;
export const FONT_PRESETS = ['standard', 'windows'] as const;
export type FontPreset = (typeof FONT_PRESETS)[number];
export const FONT_PRESET_LABELS: Record<FontPreset, string> = {
  standard: '标准（方正小标宋、仿宋_GB2312 等）',
  windows: 'Windows 自带（仿宋、楷体、黑体、宋体）',
};

export const MEDIATION_OUTCOMES = ['成功', '未成功', '调解中'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];
export const MEDIATION_KINDS = [
  '婚姻家庭',
  '邻里纠纷',
  '房屋宅基地',
  '土地承包',
  '劳动争议',
  '合同纠纷',
  '损害赔偿',
  '物业纠纷',
  '其他',
] as const;

/** What an indicator counts in (计量单位: 条, 次, %); not to be confused with the Unit (单位), the township. */
export const INDICATOR_MEASURES = ['条', '次', '场', '场次', '份', '人', '名', '起', '件', '个', '项', '%'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

export const INDICATOR_AREAS = [
  '依法决策与合法性审查',
  '行政执法',
  '政务公开',
  '法律服务与法律顾问',
  '普法宣传',
  '矛盾纠纷化解',
  '社区矫正',
  '基层民主法治',
  '学法与第一责任人',
  '行政复议与诉讼',
  '自定义',
] as const;

/** The regulation's five content items a level-1 part may answer. */
export const CONTENT_ITEMS = ['measures', 'shortcomings', 'firstResponsible', 'nextYear', 'other'] as const;
export type ContentItem = (typeof CONTENT_ITEMS)[number];
export const CONTENT_ITEM_LABELS: Record<ContentItem, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  firstResponsible: '党政主要负责人履行推进法治建设第一责任人职责情况',
  nextYear: '下一年度主要安排',
  other: '其他需要报告的情况',
};
/** Items the regulation requires; 其他 is optional. */
export const REQUIRED_CONTENT_ITEMS: readonly ContentItem[] = ['measures', 'shortcomings', 'firstResponsible', 'nextYear'];

export const PART_STATUSES = ['草稿', '待审', '定稿'] as const;
export type PartStatus = (typeof PART_STATUSES)[number];

export const MAX_DEPTH = 4;

/**
 * Where a year made from last year's report starts (新建下一年度): `draft` keeps last year's text
 * as a draft to rework, `headings` keeps the outline only. Either way every part is 草稿 and last
 * year's 下一年度安排 is emptied (its points become this year's plan checklist).
 */
export const NEW_YEAR_STARTS = ['draft', 'headings'] as const;
export type NewYearStart = (typeof NEW_YEAR_STARTS)[number];
export const NEW_YEAR_START_LABELS: Record<NewYearStart, string> = {
  draft: '沿用上年正文作草稿',
  headings: '只保留标题',
};

/** Short guidance shown beside each content item in a new report (not exported). */
export const CONTENT_ITEM_GUIDANCE: Record<ContentItem, string> = {
  measures: '按依法决策、行政执法、政务公开、法律服务、普法宣传、矛盾纠纷化解等方面分条写明本年度做了什么、成效如何，数字用指标占位符引用。',
  shortcomings: '实事求是写明差距和短板，并分析原因，避免空泛表态。',
  firstResponsible: '写明党政主要负责人如何部署推进法治建设、带头学法用法、解决重大问题、督促整改等。',
  nextYear: '针对存在的不足，写明下一年度的工作思路和具体举措。',
  other: '需要报告的其他情况；没有可删除本部分。',
};
