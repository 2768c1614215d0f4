/** The outline's "尚无一级标题对应" and the proofreader's missing-content-item come from one rule. */
import { describe, expect, it } from 'vitest';
import type { Part } from '../../src-shared/domain/report';
import { CONTENT_ITEM_LABELS, REQUIRED_CONTENT_ITEMS } from '../../src-shared/domain/vocabulary';
import { checkContentItems } from '../../src-shared/proofread/structure';
import { missingContentItems } from '../../src-shared/text/contentItems';
import { blankPart } from '../../src-shared/report/outline';

const part = (id: string, contentItem?: Part['contentItem'], children: Part[] = []): Part => ({ ...blankPart(id, id), ...(contentItem ? { contentItem } : {}), children });
const report = (parts: Part[]) => ({ title: '试验镇2024年法治政府建设年度报告', preamble: [], parts, signature: { enabled: true, name: '', date: '' } });

describe('required content items', () => {
  it('lists the required items no level-1 part answers, in the regulation order', () => {
    expect(missingContentItems([])).toEqual([...REQUIRED_CONTENT_ITEMS]);
    const parts = [part('a', 'measures'), part('b', 'other'), part('c', undefined, [part('c1', 'nextYear')])];
    // a sub-part does not answer an item: only level-1 parts do
    expect(missingContentItems(parts)).toEqual(['shortcomings', 'firstResponsible', 'nextYear']);
    const all = REQUIRED_CONTENT_ITEMS.map((item, i) => part(`p${i}`, item));
    expect(missingContentItems(all)).toEqual([]);
  });

  it('the proofreader reports exactly those items', () => {
    const parts = [part('a', 'measures'), part('b', 'firstResponsible')];
    const found = checkContentItems(report(parts));
    expect(found.map((f) => f.code)).toEqual(['missing-content-item', 'missing-content-item']);
    expect(found.map((f) => f.excerpt)).toEqual(missingContentItems(parts).map((i) => CONTENT_ITEM_LABELS[i]));
  });
});
