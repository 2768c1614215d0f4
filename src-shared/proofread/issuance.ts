/**
 * Checks of the 报送件's 版头 and 版记 (GB/T 9704-2012 §7.2.4, §7.2.6, §7.4.2, §7.4.3): the form of the
 * 发文字号, a 上行文 without 签发人, a 抄送 line without its final 。, an 印发日期 before the 成文日期.
 * Only once the clerk has set something for the 报送件: a report never sent that way is not nagged.
 * The rules themselves live in src-shared/report/issuance.ts, which the export prints by.
 */
import { docNumberProblem } from '../report/issuance';
import type { ProofreadInput } from './context';
import { wholeFinding, type Finding } from './finding';

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

export function checkIssuance(input: ProofreadInput): Finding[] {
  const iss = input.report.issuance;
  if (!iss) return [];
  const out: Finding[] = [];
  const problem = docNumberProblem(iss.docNumber);
  if (problem) out.push(wholeFinding(null, 'issuance', 'doc-number', '错误', `${problem}（现为“${iss.docNumber}”）`, iss.docNumber));
  if (iss.upward && iss.signers.length === 0)
    out.push(wholeFinding(null, 'issuance', 'signer-missing', '错误', '上行文应当标注签发人姓名（GB/T 9704 7.2.6），报送件尚未填写签发人', ''));
  const cc = iss.cc.trim();
  if (cc && !cc.endsWith('。'))
    out.push(wholeFinding(null, 'issuance', 'cc-ending', '提醒', '抄送机关的最后一个名称后应标句号“。”（导出时会自动加上）', cc));
  const sig = input.report.signature;
  if (iss.printDate && sig.enabled && sig.date && iss.printDate < sig.date)
    out.push(
      wholeFinding(null, 'issuance', 'print-date', '错误', `印发日期${cnDate(iss.printDate)}早于成文日期${cnDate(sig.date)}：公文应在成文之后印发`, iss.printDate),
    );
  return out;
}
