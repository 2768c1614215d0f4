import { describe, expect, it } from 'vitest';
import { COUNT_LIMITS, LIMITS } from '../../src-shared/domain/limits';
import { ReportSchema } from '../../src-shared/domain/report';
import { VillageSchema } from '../../src-shared/domain/unit';
import { LedgerFieldsSchema } from '../../src-shared/domain/ledger';
import { MAX_FIGURE, YEAR_MAX, YEAR_MIN } from '../../src-shared/domain/limits';
import { UnitSchema } from '../../src-shared/domain/unit';
import { METHODS } from '../../src-shared/contract';
import { parseInput } from '../../src-shared/validation';

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

  it('the welcome screen\'s unit names, the signature and an indicator\'s wording: the cap saves, one more is refused', () => {
    const unit = { shortName: '镇'.repeat(LIMITS.unitShortName), fullName: '府'.repeat(LIMITS.unitFullName), kind: '镇', villages: [] };
    expect(UnitSchema.safeParse(unit).success).toBe(true);
    expect(() => parseInput(UnitSchema, { ...unit, shortName: `${unit.shortName}镇` })).toThrow(`单位简称不能超过${LIMITS.unitShortName}个字符`);
    expect(UnitSchema.safeParse({ ...unit, fullName: `${unit.fullName}府` }).success).toBe(false);

    const set = METHODS['indicators.set'].input;
    const figure = { year: 2024, id: 'open-total', value: 1 };
    expect(set.safeParse({ ...figure, wording: '余'.repeat(LIMITS.indicatorWording) }).success).toBe(true);
    expect(set.safeParse({ ...figure, wording: '余'.repeat(LIMITS.indicatorWording + 1) }).success).toBe(false);
  });

  it('years and counts: the pickers\' bounds are the schema\'s', () => {
    const setup = METHODS['unit.setup'].input;
    const unit = { shortName: '横街镇', fullName: '横街镇人民政府', kind: '镇', villages: [] };
    expect(setup.safeParse({ unit, year: YEAR_MIN }).success && setup.safeParse({ unit, year: YEAR_MAX }).success).toBe(true);
    expect(() => parseInput(setup, { unit, year: YEAR_MIN - 1 })).toThrow(`年度不能早于${YEAR_MIN}`);
    expect(() => parseInput(setup, { unit, year: YEAR_MAX + 1 })).toThrow(`年度不能晚于${YEAR_MAX}`);
    const entry = { date: '2024-03-01', category: 'pufa', title: '普法讲座' };
    expect(LedgerFieldsSchema.safeParse({ ...entry, participants: MAX_FIGURE }).success).toBe(true);
    expect(() => parseInput(LedgerFieldsSchema, { ...entry, participants: MAX_FIGURE + 1 })).toThrow('参与人数过大（不能超过1亿）');
    });

  it('as many attachments as the report screen offers are accepted, one more is refused', () => {
    const report = (n: number) => ({ title: '试验镇2024年法治政府建设年度报告', parts: [], attachments: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: `附件${i}`, paragraphs: [] })) });
    expect(ReportSchema.safeParse(report(COUNT_LIMITS.attachments)).success).toBe(true);
    const over = ReportSchema.safeParse(report(COUNT_LIMITS.attachments + 1));
    expect(over.success).toBe(false);
    expect(over.error!.issues[0]!.message).toBe(`附件最多${COUNT_LIMITS.attachments}个`);
  });
});

describe('field names in messages', () => {
  it('name the township 单位信息 and an indicator\'s measure 计量单位, with no special case between them', () => {
    expect(() => parseInput(METHODS['unit.save'].input, { unit: null })).toThrow(/^单位信息/);
    expect(() => parseInput(METHODS['indicators.define'].input, { def: { name: '走访', measure: '斤', source: { type: 'manual' } } })).toThrow(
      /^计量单位只能是：条、次/,
    );
    // nothing picked yet: asked for, not refused as a value the clerk never typed
    expect(() => parseInput(METHODS['indicators.define'].input, { def: { name: '走访', source: { type: 'manual' } } })).toThrow(/^计量单位尚未选择$/);
  });
});

