import { describe, expect, it } from 'vitest';
import { COUNT_LIMITS, LIMITS } from '../../src-shared/domain/limits';
import { ReportSchema } from '../../src-shared/domain/report';
import { VillageSchema } from '../../src-shared/domain/unit';
import { LedgerFieldsSchema } from '../../src-shared/domain/ledger';

// The screens cap typing at LIMITS (maxLength); the schemas must accept exactly that much, so a
// field filled to its cap saves and one character more is refused with a Chinese message.
describe('text limits shared by the schemas and the screens', () => {
  it('a village name at the cap is accepted, one more is refused', () => {
    expect(VillageSchema.safeParse({ id: 'v1', kind: '村', name: '村'.repeat(LIMITS.villageName) }).success).toBe(true);
    const over = VillageSchema.safeParse({ id: 'v1', kind: '村', name: '村'.repeat(LIMITS.villageName + 1) });
    expect(over.success).toBe(false);
    expect(over.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a ledger title at the cap is accepted, one more is refused', () => {
    const base = { date: '2024-03-01', category: 'pufa' };
    expect(LedgerFieldsSchema.safeParse({ ...base, title: '普'.repeat(LIMITS.ledgerTitle) }).success).toBe(true);
    expect(LedgerFieldsSchema.safeParse({ ...base, title: '普'.repeat(LIMITS.ledgerTitle + 1) }).success).toBe(false);
  });

  it('as many attachments as the report screen offers are accepted, one more is refused', () => {
    const report = (n: number) => ({ title: '试验镇2024年法治政府建设年度报告', parts: [], attachments: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: `附件${i}`, paragraphs: [] })) });
    expect(ReportSchema.safeParse(report(COUNT_LIMITS.attachments)).success).toBe(true);
    const over = ReportSchema.safeParse(report(COUNT_LIMITS.attachments + 1));
    expect(over.success).toBe(false);
    expect(over.error!.issues[0]!.message).toBe(`附件最多${COUNT_LIMITS.attachments}个`);
  });
});
