/** Split and merge, the two outline fixes the import preview offers, keep every character in reading order. */
import { describe, expect, it } from 'vitest';
import type { Part } from '../../src-shared/domain/report';
import { canMerge, canSplit, headingFromParagraph, mergeWithPrevious, splitPart } from '../../src-shared/report/outline';
import { runInHeading } from '../../src-shared/text/headingNumbers';

const p = (id: string, heading: string, paragraphs: string[], children: Part[] = [], runIn = false): Part => ({
  id,
  heading,
  runIn,
  paragraphs,
  status: '草稿',
  children,
});

/** The text as read, heading by heading (run-in headings joined to their first paragraph). */
const reading = (parts: Part[]): string =>
  parts
    .map((x) => {
      const [first = '', ...more] = x.paragraphs;
      const head = x.runIn && x.paragraphs.length ? runInHeading(x.heading) + first : [x.heading, ...x.paragraphs].join('');
      return (x.runIn && x.paragraphs.length ? head + more.join('') : head) + reading(x.children);
    })
    .join('');
const shape = (parts: Part[]): string => parts.map((x) => (x.children.length ? `${x.id}(${shape(x.children)})` : x.id)).join(',');

describe('heading from a paragraph', () => {
  it('drops the typed number and runs a first sentence into the rest', () => {
    expect(headingFromParagraph('（三）抓好队伍建设。一是开展培训。')).toEqual({ heading: '抓好队伍建设', runIn: true, rest: ['一是开展培训。'] });
    expect(headingFromParagraph('2.强化监督：全年检查3次。')).toEqual({ heading: '强化监督：', runIn: true, rest: ['全年检查3次。'] });
    expect(headingFromParagraph('四、下一步工作打算')).toEqual({ heading: '下一步工作打算', runIn: false, rest: [] });
    // a number in the text is not a heading number
    expect(headingFromParagraph('2.5万元用于普法阵地').heading).toBe('2.5万元用于普法阵地');
  });
});

describe('split a part at a paragraph', () => {
  const tree = [p('a', '工作举措', ['甲段。', '（二）乙标题。乙段一。', '乙段二。'], [p('c', '子', ['子段。'])]), p('e', '打算', ['戊段。'])];

  it('makes the paragraph a heading at the same level, taking what followed it', () => {
    const out = splitPart(tree, 'a', 1, 'n1');
    expect(shape(out)).toBe('a,n1(c),e');
    expect(out[0]!.paragraphs).toEqual(['甲段。']);
    expect(out[1]).toMatchObject({ heading: '乙标题', runIn: true, paragraphs: ['乙段一。', '乙段二。'] });
    // the printed text is the same but for the typed number, now automatic
    expect(reading(out)).toBe(reading(tree).replace('（二）', ''));
  });

  it('refuses a paragraph that does not exist', () => {
    expect(canSplit(tree, 'a', 3)).toBe(false);
    expect(splitPart(tree, 'a', 3, 'n1')).toBe(tree);
    expect(splitPart(tree, 'nope', 0, 'n1')).toBe(tree);
  });
});

describe('merge a part with the text before it', () => {
  const tree = [
    p('a', '举措', ['导段。'], [p('b', '学法', ['b段。']), p('c', '用法', ['c段。'], [p('d', '细项', ['d段。'])], true)]),
    p('e', '打算', ['e段。']),
  ];

  it('appends its heading and text to the part read just before it and keeps its sub-parts in order', () => {
    const out = mergeWithPrevious(tree, 'c');
    expect(shape(out)).toBe('a(b(d)),e');
    expect(out[0]!.children[0]!.paragraphs).toEqual(['b段。', '用法。c段。']);
    expect(reading(out)).toBe(reading(tree));
  });

  it('a first sub-part joins its parent body; a level-1 part joins the deepest last part before it', () => {
    const first = mergeWithPrevious(tree, 'b');
    expect(shape(first)).toBe('a(c(d)),e');
    expect(first[0]!.paragraphs).toEqual(['导段。', '学法', 'b段。']);
    const top = mergeWithPrevious(tree, 'e');
    expect(shape(top)).toBe('a(b,c(d))');
    expect(top[0]!.children[1]!.children[0]!.paragraphs).toEqual(['d段。', '打算', 'e段。']);
    expect(reading(top)).toBe(reading(tree));
  });

  it('the first part has nothing before it', () => {
    expect(canMerge(tree, 'a')).toBe(false);
    expect(mergeWithPrevious(tree, 'a')).toBe(tree);
  });
});
