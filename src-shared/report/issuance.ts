/**
 * The rules of a 报送件's 版头 and 版记 (GB/T 9704-2012 §7.2, §7.4, §10) in one place: the 导出
 * screen (suggested 发文字号, preview), the proofreader and the .docx writer all call these, so the
 * form a 发文字号 must take or how a 抄送 line ends cannot differ between them.
 */
import type { Issuance, IssuingHabits } from '../domain/issuance';
import type { RenderedIssuance } from '../domain/rendered';

/** 发文字号: 机关代字 + 〔年份〕 + 序号 + 号, the year in full, no 第, no leading zero (§7.2.4). */
export const DOC_NUMBER_RE = /^([^〔〕\[\]［］()（）\s]+)〔(\d{4})〕([1-9]\d*)号$/;

export interface DocNumber {
  prefix: string;
  year: number;
  serial: number;
}

export function parseDocNumber(text: string): DocNumber | null {
  const m = DOC_NUMBER_RE.exec(text.trim());
  return m ? { prefix: m[1]!, year: Number(m[2]), serial: Number(m[3]) } : null;
}

export const formatDocNumber = (d: DocNumber): string => `${d.prefix}〔${d.year}〕${d.serial}号`;

/**
 * What a clerk typed for a 发文字号 that is not in the standard form, said in one sentence; null when
 * it is right. The common slips: [] or () or 【】 for 〔〕, a two-digit year, 第, a leading zero.
 */
export function docNumberProblem(text: string): string | null {
  const t = text.trim();
  if (t === '' || DOC_NUMBER_RE.test(t)) return null;
  if (/第/.test(t)) return '发文字号的序号前不加“第”';
  if (!/〔\d+〕/.test(t)) return '发文字号的年份应当用六角括号“〔〕”括入';
  if (!/〔\d{4}〕/.test(t)) return '发文字号的年份应当写全四位';
  if (/〕0\d/.test(t)) return '发文字号的序号不编虚位（不加“0”）';
  if (!/号$/.test(t)) return '发文字号应以“号”结尾';
  return '发文字号应写作“机关代字〔年份〕序号号”，如“横街府〔2025〕3号”';
}

/**
 * The standard form of a 发文字号 typed with one of the common slips (other brackets, a two-digit
 * year, 第, a leading zero, no 号), for the proofreader's one-click fix; null when it is already right
 * or when what was meant cannot be told (no year, no serial).
 */
export function fixDocNumber(text: string): string | null {
  // full-width digits (２０２５) are a slip of the input method, not a different number
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (t === '' || DOC_NUMBER_RE.test(t)) return null;
  const m = /^(.*?)\s*[〔\[［(（【{｛]\s*(\d{2}|\d{4})\s*[〕\]］)）】}｝]\s*第?\s*0*([1-9]\d*)\s*号?$/.exec(t);
  if (!m || !m[1]) return null;
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  const fixed = formatDocNumber({ prefix: m[1], year, serial: Number(m[3]) });
  return DOC_NUMBER_RE.test(fixed) ? fixed : null;
}

/**
 * The number after the last one used: the next serial in the same year, 1 in a new year; with no
 * last number (or one not in the standard form) nothing is suggested beyond the year.
 */
export function nextDocNumber(last: string, year: number): string {
  const d = parseDocNumber(last);
  if (!d) return '';
  return formatDocNumber({ prefix: d.prefix, year, serial: d.year === year ? d.serial + 1 : 1 });
}

/** The 抄送 names as printed: without a label the clerk may have typed, ending with exactly one 。 (§7.4.2). */
export function ccText(cc: string): string {
  const t = cc.trim().replace(/^抄送[：:]\s*/, '').replace(/[，,、；;。.\s]+$/, '');
  return t ? `${t}。` : '';
}

/** 附注 (§7.3.7): in full-width parentheses, added when the clerk did not type them. */
export function noteText(contact: string): string {
  const t = contact.trim();
  if (!t) return '';
  return /^[（(].*[）)]$/.test(t) ? `（${t.slice(1, -1)}）` : `（${t}）`;
}

/** GB/T 9704 §7.2.1: 份号 is six Arabic digits. */
export const copyNumberText = (n: string): string => (n ? n.padStart(6, '0') : '');

export interface IssuanceRenderInput {
  issuance: Issuance;
  habits: IssuingHabits | undefined;
  unitFullName: string;
  /** 印发日期 when the clerk set none: ISO date of the export */
  today: string;
  chineseDate: (iso: string) => string;
}

/** The issuers in print order: the 主办机关 first (§10). */
export function issuersOf(input: Pick<IssuanceRenderInput, 'issuance' | 'habits' | 'unitFullName'>): string[] {
  const own = input.habits?.issuerMark || input.unitFullName;
  const joint = input.issuance.joint ? (input.habits?.jointIssuer ?? '').trim() : '';
  if (!joint) return [own];
  return input.habits?.jointLeads === false ? [own, joint] : [joint, own];
}

/** The 版头/版记 content as the .docx prints it. */
export function renderIssuance(input: IssuanceRenderInput): RenderedIssuance {
  const i = input.issuance;
  return {
    issuers: issuersOf(input),
    withWenjian: i.withWenjian,
    docNumber: i.docNumber.trim(),
    signers: i.upward ? i.signers.map((s) => s.trim()).filter(Boolean) : [],
    copyNumber: copyNumberText(i.copyNumber),
    urgency: i.urgency,
    cc: ccText(i.cc),
    printer: i.printer.trim() || input.habits?.printer || input.unitFullName,
    printDate: input.chineseDate(i.printDate || input.today),
    note: noteText(i.contact),
  };
}
