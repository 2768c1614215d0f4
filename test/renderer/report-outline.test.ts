import { describe, expect, it } from 'vitest';
import type { Part } from '../../src-shared/domain/report';
import {
  addChild,
  addSibling,
  blankPart,
  canAddChild,
  canIndent,
  canMove,
  canOutdent,
  findPart,
  flattenOutline,
  indentPart,
  movePart,
  newPartId,
  outdentPart,
  removePart,
  updatePart,
} from '../../src-shared/report/outline';

const p = (id: string, children: Part[] = []): Part => ({ ...blankPart(id, id.toUpperCase()), children });

/** "a(b,c(d))" style picture of the tree, to compare shapes at a glance. */
const shape = (parts: Part[]): string =>
  parts.map((x) => (x.children.length ? `${x.id}(${shape(x.children)})` : x.id)).join(',');

const numbers = (parts: Part[]) => flattenOutline(parts).map((r) => `${r.number}${r.part.id}`);

describe('report outline operations', () => {
  const tree = [p('a', [p('b'), p('c', [p('d')])]), p('e')];

  it('numbers parts by level and position, GB/T 9704 style', () => {
    expect(numbers(tree)).toEqual(['一、a', '（一）b', '（二）c', '1.d', '二、e']);
    expect(numbers(movePart(tree, 'e', -1))).toEqual(['一、e', '二、a', '（一）b', '（二）c', '1.d']);
  });

  it('moves within siblings only and refuses at the ends', () => {
    expect(shape(movePart(tree, 'c', -1))).toBe('a(c(d),b),e');
    expect(movePart(tree, 'b', -1)).toBe(tree);
    expect(movePart(tree, 'd', 1)).toBe(tree);
    expect(canMove(tree, 'a', -1)).toBe(false);
    expect(canMove(tree, 'a', 1)).toBe(true);
  });

  it('indents under the previous sibling and outdents right after the parent', () => {
    const indented = indentPart(tree, 'e');
    expect(shape(indented)).toBe('a(b,c(d),e)');
    expect(numbers(indented)).toContain('（三）e');
    expect(shape(outdentPart(indented, 'e'))).toBe('a(b,c(d)),e');
    expect(shape(outdentPart(tree, 'b'))).toBe('a(c(d)),b,e');
    expect(indentPart(tree, 'a')).toBe(tree); // first sibling has nobody to go under
    expect(canOutdent(tree, 'a')).toBe(false);
  });

  it('keeps the tree within four levels', () => {
    const deep = [p('l1', [p('l2', [p('l3', [p('l4')]), p('x', [p('y')])])])];
    expect(canAddChild(deep, 'l4')).toBe(false);
    expect(addChild(deep, 'l4', p('z'))).toBe(deep);
    expect(canAddChild(deep, 'l3')).toBe(true);
    // x has a child, so under l3 its child would land on level 5
    expect(canIndent(deep, 'x')).toBe(false);
  });

  it('adds siblings after a part and children at the end', () => {
    expect(shape(addSibling(tree, 'b', p('n')))).toBe('a(b,n,c(d)),e');
    expect(shape(addSibling(tree, null, p('n')))).toBe('a(b,c(d)),e,n');
    expect(shape(addChild(tree, 'c', p('n')))).toBe('a(b,c(d,n)),e');
  });

  it('deletes a part with its subtree and updates fields without touching others', () => {
    expect(shape(removePart(tree, 'c'))).toBe('a(b),e');
    const renamed = updatePart(tree, 'd', { heading: '新的', runIn: true });
    expect(findPart(renamed, 'd')).toMatchObject({ heading: '新的', runIn: true });
    expect(findPart(tree, 'd')!.heading).toBe('D'); // input untouched
    expect(renamed[1]).toBe(tree[1]); // unrelated branches shared
  });

  it('makes ids the id field accepts, distinct each time', () => {
    const ids = new Set(Array.from({ length: 50 }, newPartId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});
