/** A ticked figure is found again after the clerk reshaped the preview, or sent without a placeholder. */
import { describe, expect, it } from 'vitest';
import type { Part, Report } from '../../src-shared/domain/report';
import type { IndicatorSuggestion } from '../../src-shared/import/types';
import { mergeWithPrevious, splitPart } from '../../src-shared/report/outline';
import { locate, takenSuggestions } from '../../src-shared/import/relocate';

const part = (id: string, heading: string, paragraphs: string[], children: Part[] = []): Part => ({ id, heading, runIn: false, paragraphs, status: '草稿', children });
const report = (parts: Part[]): Report => ({ title: '青山镇2024年法治政府建设年度报告', recipient: '', preamble: ['全年调解纠纷3起。'], parts, signature: { enabled: true, name: '', date: '' } });

const para = '全镇开展矛盾排查。调解矛盾纠纷86起，群众满意。';
const original = report([part('a', '举措', ['开头一段。', '（二）化解纠纷', para]), part('b', '不足', ['一是不够。'])]);
const offset = para.indexOf('86起');
const sugg: IndicatorSuggestion = {
  key: 'a:2:x',
  indicatorId: 'mediation-total',
  name: '调解矛盾纠纷',
  value: 86,
  measure: '起',
  computed: false,
  partId: 'a',
  paragraph: 2,
  offset,
  length: 3,
  text: '86起',
  excerpt: '调解矛盾纠纷86起，',
};

describe('relocating ticked figures', () => {
  it('keeps the position when nothing moved', () => {
    expect(locate(original, original, sugg)).toEqual({ partId: 'a', paragraph: 2, offset, length: 3, text: '86起' });
  });

  it('follows the sentence into the part split off', () => {
    const edited = { ...original, parts: splitPart(original.parts, 'a', 1, 'n') };
    expect(locate(original, edited, sugg)).toEqual({ partId: 'n', paragraph: 0, offset, length: 3, text: '86起' });
  });

  it('follows the sentence when its part is merged into the text before', () => {
    const edited = { ...original, parts: mergeWithPrevious(original.parts, 'b') };
    expect(locate(original, edited, sugg)).toEqual({ partId: 'a', paragraph: 2, offset, length: 3, text: '86起' });
    const split = { ...original, parts: splitPart(original.parts, 'a', 1, 'n') };
    const back = { ...split, parts: mergeWithPrevious(split.parts, 'n') };
    const where = locate(original, back, sugg)!;
    expect(where.partId).toBe('a');
    expect(findText(back, where)).toBe('86起');
  });

  it('follows the figure into the run-in text when its own paragraph becomes a heading', () => {
    const edited = { ...original, parts: splitPart(original.parts, 'a', 2, 'n') };
    expect(edited.parts[1]).toMatchObject({ heading: '全镇开展矛盾排查', runIn: true, paragraphs: ['调解矛盾纠纷86起，群众满意。'] });
    expect(locate(original, edited, sugg)).toEqual({ partId: 'n', paragraph: 0, offset: 6, length: 3, text: '86起' });
  });

  it('a figure whose sentence became a heading is still taken, without a placeholder', () => {
    const short = report([part('a', '举措', ['开头一段。', '调解矛盾纠纷86起'])]);
    const s = { ...sugg, paragraph: 1, offset: 6, excerpt: '调解矛盾纠纷86起' };
    const edited = { ...short, parts: splitPart(short.parts, 'a', 1, 'n') };
    expect(edited.parts[1]).toMatchObject({ heading: '调解矛盾纠纷86起', paragraphs: [] });
    expect(locate(short, edited, s)).toBeNull();
    expect(takenSuggestions(short, edited, [s], true)).toEqual([
      { indicatorId: 'mediation-total', value: 86, placeholder: false, partId: 'a', paragraph: 1, offset: 6, length: 3, text: '86起' },
    ]);
    expect(takenSuggestions(short, short, [s], true)[0]!.placeholder).toBe(true);
  });
});

function findText(r: Report, w: { partId: string | null; paragraph: number; offset: number; length: number }): string {
  const walk = (ps: Part[]): Part | undefined => ps.map((p) => (p.id === w.partId ? p : walk(p.children))).find(Boolean);
  const text = w.partId === null ? r.preamble[w.paragraph]! : walk(r.parts)!.paragraphs[w.paragraph]!;
  return text.slice(w.offset, w.offset + w.length);
}
