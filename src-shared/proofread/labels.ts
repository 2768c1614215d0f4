import type { FindingCode } from './finding';

/** What each code is about, in the clerk's words (panel, ignored list). */
export const FINDING_CODE_LABELS: Record<FindingCode, string> = {
  'rate-arithmetic': '比率算不对',
  'text-vs-data': '数字与数据不符',
  'same-figure-differs': '同一数字前后不一',
  'approx-exact': '约数与准确数',
  'year-mismatch': '年份不符',
  numbering: '序号',
  'duplicate-phrase': '词语重复',
  'unmatched-pair': '括号引号不成对',
  'half-width': '半角标点',
  'missing-content-item': '缺少规定内容',
  'empty-part': '部分没有正文',
  'placeholder-no-data': '指标没有数值',
  'signature-date': '日期',
  'title-format': '标题',
  'doc-number': '发文字号',
  'signer-missing': '签发人',
  'cc-ending': '抄送',
  'print-date': '印发日期',
  'carried-over': '沿用上年的数字和年份',
};
