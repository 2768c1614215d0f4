/**
 * Checks of the 报送件's 版头 and 版记 (GB/T 9704-2012 §7.2.4, §7.2.6, §7.4.2, §7.4.3): the form of the
 * 发文字号, a 上行文 without 签发人, a 抄送 line without its final 。, an 印发日期 before the year it
 * reports on has ended or before the 成文日期.
 * Only once the clerk has set something for the 报送件: a report never sent that way is not nagged.
 * The rules themselves live in src-shared/report/issuance.ts, which the export prints by.
 */
import type { Issuance } from '../domain/issuance';
import { ccText, docNumberProblem, fixDocNumber } from '../report/issuance';
import { reportCalendar } from '../dates';
import type { ProofreadInput } from './context';
import { wholeFinding, type Finding, type FindingCode } from './finding';

/** The 报送件 field each fixable finding is about: its fix's replacement is that field's new value. */
const FIX_FIELD = { 'doc-number': 'docNumber', 'cc-ending': 'cc', 'print-date': 'printDate' } as const satisfies Partial<Record<FindingCode, keyof Issuance>>;
type FixField = (typeof FIX_FIELD)[keyof typeof FIX_FIELD];

/**
 * What a 报送件 finding's one-click fix changes (report.issuance takes it as is), or null when it
 * has none: the 导出 screen and the report editor's proofreading panel apply the same change.
 */
export function issuanceFixPatch(f: Pick<Finding, 'field' | 'code' | 'fix'>): Partial<Pick<Issuance, FixField>> | null {
  if (f.field !== 'issuance' || !f.fix || !(f.code in FIX_FIELD)) return null;
  return { [FIX_FIELD[f.code as keyof typeof FIX_FIELD]]: f.fix.replacement };
}

const withFix = (f: Finding, label: string, replacement: string | null): Finding => (replacement === null ? f : { ...f, fix: { label, replacement } });

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function checkIssuance(input: ProofreadInput): Finding[] {
  const iss = input.report.issuance;
  if (!iss) return [];
  const out: Finding[] = [];
  const problem = docNumberProblem(iss.docNumber);
  if (problem) {
    const fixed = fixDocNumber(iss.docNumber);
    out.push(withFix(wholeFinding(null, 'issuance', 'doc-number', '错误', `${problem}（现为“${iss.docNumber}”）`, iss.docNumber), `改为“${fixed}”`, fixed));
  }
  if (iss.upward && iss.signers.length === 0)
    out.push(wholeFinding(null, 'issuance', 'signer-missing', '错误', '上行文应当标注签发人姓名（GB/T 9704 7.2.6），报送件尚未填写签发人', ''));
  const cc = iss.cc.trim();
  if (cc && !cc.endsWith('。'))
    out.push(withFix(wholeFinding(null, 'issuance', 'cc-ending', '提醒', '抄送机关的最后一个名称后应标句号“。”（导出时会自动加上）', cc), '末尾加句号', ccText(cc)));
  const sig = input.report.signature;
  // a date typed for another year (2023-07-01 on the 2024 report) is shown and kept as typed: said here
  if (iss.printDate && iss.printDate < `${input.year}-12-01`)
    out.push(
      withFix(
        wholeFinding(null, 'issuance', 'print-date', '错误', `印发日期${cnDate(iss.printDate)}早于${input.year}年度结束：年度报告应在${reportCalendar(input.year).writtenIn}年印发`, iss.printDate),
        '改为导出当天',
        '',
      ),
    );
  else if (iss.printDate && sig.enabled && sig.date && iss.printDate < sig.date)
    out.push(
      withFix(
        wholeFinding(null, 'issuance', 'print-date', '错误', `印发日期${cnDate(iss.printDate)}早于成文日期${cnDate(sig.date)}：公文应在成文之后印发`, iss.printDate),
        `印发日期改为成文日期${cnDate(sig.date)}`,
        sig.date,
      ),
    );
  return out;
}
