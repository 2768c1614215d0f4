import * as z from 'zod';
import { dateField, lineText } from './text';
import { toHalfWidth } from './numberInput';

/**
 * What turns the report into a 报送件 (GB/T 9704-2012 §7.2 版头, §7.4 版记): the clerk sets it on the
 * 导出 screen or with `fazhi report set`, and it is stored with the year's report. The 公开件 leaves
 * all of it out. Every field may be empty while the clerk is still filling it in; the proofreader
 * (src-shared/proofread/checks/issuance*.ts) says what a 报送件 still lacks.
 */
import { ISSUANCE_DEFAULTS, ISSUANCE_FIELD_LABELS, ISSUANCE_LIMITS, ISSUING_DEFAULTS, URGENCIES } from './issuanceVocabulary';
export { EDITIONS, EDITION_LABELS, ISSUANCE_LIMITS, URGENCIES, type Edition, type Urgency } from './issuanceVocabulary';

/** Each field once: the stored schema gives them defaults, a change (`report.issuance`) leaves them out. */
const FIELDS = {
  /** 发文字号, e.g. 横街府〔2025〕3号 */
  docNumber: lineText('发文字号', ISSUANCE_LIMITS.docNumber),
  /** 签发人 of a 上行文, in the issuers' order */
  signers: z.array(lineText('签发人', ISSUANCE_LIMITS.signer, 1)).max(ISSUANCE_LIMITS.signers, { error: `签发人最多${ISSUANCE_LIMITS.signers}个` }),
  /** 上行文 (sent to the 县/区委 and 政府): carries 签发人 */
  upward: z.boolean({ error: '“上行文”必须是是/否' }),
  /** 抄送机关, separated by 、 or ，, ending with 。 */
  cc: lineText('抄送机关', ISSUANCE_LIMITS.cc),
  /** 印发机关; empty = the unit's usual one, else its full name */
  printer: lineText('印发机关', ISSUANCE_LIMITS.printer),
  /** 印发日期; empty = the date of export */
  printDate: z.union([z.literal(''), dateField('印发日期')]),
  /** 附注: contact person and telephone, printed as （联系人：… 电话：…） */
  contact: lineText('附注', ISSUANCE_LIMITS.contact),
  /** 份号: up to 6 digits, printed as six; full-width digits (an input method's) read as digits */
  copyNumber: z
    .string({ error: '份号必须是数字' })
    .transform((s) => toHalfWidth(s).trim())
    .pipe(z.string().regex(/^\d{0,6}$/, { error: '份号只能是1至6位数字' })),
  urgency: z.union([z.literal(''), z.enum(URGENCIES, { error: '紧急程度只能是“特急”或“加急”' })]),
  /** 联合行文 with the unit's 联合发文机关 (单位设置) */
  joint: z.boolean({ error: '“联合行文”必须是是/否' }),
  /** 发文机关标志 with “文件” after the name(s) */
  withWenjian: z.boolean({ error: '“文件”必须是是/否' }),
};

export const IssuanceSchema = z.object({
  docNumber: FIELDS.docNumber.default(''),
  signers: FIELDS.signers.default([]),
  upward: FIELDS.upward.default(true),
  cc: FIELDS.cc.default(''),
  printer: FIELDS.printer.default(''),
  printDate: FIELDS.printDate.default(''),
  contact: FIELDS.contact.default(''),
  copyNumber: FIELDS.copyNumber.default(''),
  urgency: FIELDS.urgency.default(''),
  joint: FIELDS.joint.default(false),
  withWenjian: FIELDS.withWenjian.default(true),
});

/** A change to some of the fields: what is left out stays as stored. */
export const IssuancePatchSchema = z.object(FIELDS).partial();
export type IssuancePatch = z.output<typeof IssuancePatchSchema>;
export type Issuance = z.output<typeof IssuanceSchema>;
export type IssuanceInput = z.input<typeof IssuanceSchema>;

export const EMPTY_ISSUANCE: Issuance = IssuanceSchema.parse({});

/**
 * The unit's habits for 报送件 (单位设置): the joint issuer and whether it leads (主办机关 first),
 * the 发文机关标志 when it is a short name, and what the last 报送件 used, so the next one starts from it.
 */
export const IssuingHabitsSchema = z.object({
  /** 联合发文机关, e.g. 中共横街镇委员会 */
  jointIssuer: lineText('联合发文机关', ISSUANCE_LIMITS.printer).default(''),
  /** the joint issuer is the 主办机关 and is listed first */
  jointLeads: z.boolean({ error: '“主办机关”必须是是/否' }).default(true),
  /** 发文机关标志 (full name or standard short name); empty = the unit's full name */
  issuerMark: lineText('发文机关标志', ISSUANCE_LIMITS.issuerMark).default(''),
  /** 发文字号 of the last 报送件 exported */
  lastDocNumber: lineText('上次发文字号', ISSUANCE_LIMITS.docNumber).default(''),
  /** 抄送机关 of the last 报送件 exported */
  cc: lineText('常用抄送机关', ISSUANCE_LIMITS.cc).default(''),
  /** 印发机关 of the last 报送件 exported */
  printer: lineText('常用印发机关', ISSUANCE_LIMITS.printer).default(''),
});
export type IssuingHabits = z.output<typeof IssuingHabitsSchema>;


// the screen's defaults (zod-free) are the schemas' own: a field added here without one fails to compile
export const ISSUANCE_DEFAULTS_CHECKED: Issuance = ISSUANCE_DEFAULTS;
export const ISSUING_DEFAULTS_CHECKED: IssuingHabits = ISSUING_DEFAULTS;
// every field has its label, and every label a field
export const ISSUANCE_FIELD_LABELS_CHECKED: Record<keyof Issuance, string> & Record<keyof typeof ISSUANCE_FIELD_LABELS, string> = ISSUANCE_FIELD_LABELS;
