import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Part } from '../../src-shared/domain/report';
import { addChild, addSibling, blankPart, indentPart, movePart, outdentPart, removePart, updatePart } from '../../src-shared/report/outline';
import { OutlineHistory, restoreShape } from '../../src-shared/report/outlineUndo';

const p = (id: string, children: Part[] = []): Part => ({ ...blankPart(id, id.toUpperCase()), paragraphs: [`${id}的正文`], children });
const shape = (parts: Part[]): string => parts.map((x) => (x.children.length ? `${x.id}(${shape(x.children)})` : x.id)).join(',');
const tree = () => [p('a', [p('b'), p('c', [p('d')])]), p('e')];

describe('Ctrl+Z for the report outline', () => {
  it('undoes a move, and keeps what was typed into the moved part since', () => {
    const h = new OutlineHistory();
    const before = tree();
    h.record({ parts: before, selectedId: 'c' });
    const moved = movePart(before, 'c', -1);
    expect(shape(moved)).toBe('a(c(d),b),e');
    const typed = updatePart(moved, 'c', { paragraphs: ['移动后补写的正文'], heading: '改过的标题' });
    const back = h.undo({ parts: typed, selectedId: 'c' })!;
    expect(shape(back.parts)).toBe('a(b,c(d)),e');
    expect(back.selectedId).toBe('c');
    const c = back.parts[0]!.children[1]!;
    expect(c).toMatchObject({ heading: '改过的标题', paragraphs: ['移动后补写的正文'] });
  });

  it('brings a deleted part back with its sub-headings and bodies; redo deletes it again', () => {
    const h = new OutlineHistory();
    const before = tree();
    h.record({ parts: before, selectedId: 'c' });
    const gone = removePart(before, 'c');
    expect(shape(gone)).toBe('a(b),e');
    const back = h.undo({ parts: gone, selectedId: 'b' })!;
    expect(back.parts).toEqual(before);
    const again = h.redo({ parts: back.parts, selectedId: 'c' })!;
    expect(shape(again.parts)).toBe('a(b),e');
    expect(again.selectedId).toBe('b');
  });

  it('undoes an added heading, and steps back through several operations in order', () => {
    const h = new OutlineHistory();
    let parts = tree();
    const steps: Array<(ps: Part[]) => Part[]> = [
      (ps) => addSibling(ps, 'e', p('f')),
      (ps) => indentPart(ps, 'e'),
      (ps) => addChild(ps, 'b', p('g')),
      (ps) => outdentPart(ps, 'd'),
    ];
    const seen = [shape(parts)];
    for (const op of steps) {
      h.record({ parts, selectedId: 'x' });
      parts = op(parts);
      seen.push(shape(parts));
    }
    expect(seen.at(-1)).toBe('a(b(g),c,d,e),f');
    for (let i = steps.length - 1; i >= 0; i--) {
      parts = h.undo({ parts, selectedId: 'x' })!.parts;
      expect(shape(parts)).toBe(seen[i]);
    }
    expect(h.undo({ parts, selectedId: 'x' })).toBeNull();
    expect(parts).toEqual(tree());
  });

  it('any run of operations undone all the way gives the outline back exactly', () => {
    const op = fc.record({ kind: fc.constantFrom('up', 'down', 'indent', 'outdent', 'delete', 'add'), target: fc.constantFrom('a', 'b', 'c', 'd', 'e') });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const h = new OutlineHistory();
        const start = tree();
        let parts = start;
        ops.forEach((o, i) => {
          const next =
            o.kind === 'up' ? movePart(parts, o.target, -1)
            : o.kind === 'down' ? movePart(parts, o.target, 1)
            : o.kind === 'indent' ? indentPart(parts, o.target)
            : o.kind === 'outdent' ? outdentPart(parts, o.target)
            : o.kind === 'delete' ? removePart(parts, o.target)
            : addSibling(parts, o.target, p(`n${i}`));
          if (next === parts) return;
          h.record({ parts, selectedId: o.target });
          parts = next;
        });
        while (h.canUndo) parts = h.undo({ parts, selectedId: '' })!.parts;
        expect(parts).toEqual(start);
      }),
    );
  });

  it('restoreShape drops parts the snapshot does not know and keeps current fields', () => {
    const cur = updatePart(addSibling(tree(), 'e', p('z')), 'e', { heading: '新名' });
    const out = restoreShape(tree(), cur);
    expect(shape(out)).toBe('a(b,c(d)),e');
    expect(out[1]!.heading).toBe('新名');
  });
});
