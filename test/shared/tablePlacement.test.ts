/** One rule places a part's tables among its paragraphs, in the preview as in the .docx. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tablesAfter, tableSlot } from '../../src-shared/report/tablePlacement';

describe('table placement', () => {
  it('0 is under the heading, too large is at the end, negative counts as 0', () => {
    const t = [{ id: 'a', after: 0 }, { id: 'b', after: 2 }, { id: 'c', after: 9 }, { id: 'd', after: -1 }];
    expect(tablesAfter(t, 0, 3).map((x) => x.id)).toEqual(['a', 'd']);
    expect(tablesAfter(t, 2, 3).map((x) => x.id)).toEqual(['b']);
    expect(tablesAfter(t, 3, 3).map((x) => x.id)).toEqual(['c']);
    expect(tablesAfter(t, 1, 3)).toEqual([]);
    // a part without paragraphs: every table under the heading
    expect(tablesAfter(t, 0, 0).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('every table is printed exactly once, in its order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 12 }), { maxLength: 8 }), fc.nat(8), (afters, n) => {
        const tables = afters.map((after, i) => ({ i, after }));
        const placed = Array.from({ length: n + 1 }, (_, k) => tablesAfter(tables, k, n)).flat();
        expect(placed.map((t) => t.i).sort((x, y) => x - y)).toEqual(tables.map((t) => t.i));
        for (const t of tables) expect(tableSlot(t.after, n)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
