/**
 * The 报送件's fields on the 导出 screen, declared once: the key the service's schema names
 * (IssuanceSchema, `report.issuance`) → the label the clerk reads. The labels name the controls
 * (aria-label, the form's labels); a refusal of `report.issuance` is routed to its field by key;
 * the proofreader's 报送件 findings are shown under the field they are about.
 */
import type { MethodInput } from '../../../src-shared/contract';
import type { Issuance } from '../../../src-shared/domain/issuance';
import { ISSUANCE_FIELD_LABELS } from '../../../src-shared/domain/issuanceVocabulary';
import type { FindingCode } from '../../../src-shared/proofread/finding';

/** In the order the screen shows them (the first refused field is the one the cursor goes to). */
export const ISSUANCE_FIELDS = ISSUANCE_FIELD_LABELS satisfies Record<keyof Issuance, string>;
export type IssuanceField = keyof typeof ISSUANCE_FIELDS;

/** Which field each of the proofreader's 报送件 findings is shown under. */
export const FINDING_FIELD: Partial<Record<FindingCode, IssuanceField>> = {
  'doc-number': 'docNumber',
  'signer-missing': 'signers',
  'cc-ending': 'cc',
  'print-date': 'printDate',
};

/**
 * The contract input for the fields changed on the screen: each as the field shows it (the service
 * trims, reads full-width digits and answers with what it keeps, which the fields then show).
 * `held` — fields whose last value was refused and not changed since — are not sent again, so a
 * refused 份号 does not hold back the 附注 typed after it.
 */
export function issuanceInput(year: number, changes: Partial<Issuance>, held: ReadonlySet<IssuanceField>): MethodInput<'report.issuance'> {
  const issuance = Object.fromEntries(Object.entries(changes).filter(([k]) => !held.has(k as IssuanceField))) as Partial<Issuance>;
  return { year, issuance };
}
