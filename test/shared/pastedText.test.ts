/** Text pasted into the report's body is read as a document import reads its lines (src-shared/domain/textRules). */
import { describe, expect, it } from 'vitest';
import { paragraphLine, pastedParagraphs } from '../../src-shared/domain/textRules';

describe('pasted paragraphs', () => {
  it('ends a paragraph at every line break, Word’s soft one (\\v) included, and drops blank lines', () => {
    expect(pastedParagraphs('一是甲。\r\n\r\n二是乙，\v三是丙。\n\u00a0\n四是丁。\u2029')).toEqual(['一是甲。', '二是乙，', '三是丙。', '四是丁。']);
  });
  it('takes off typed indents and Word’s no-break spaces at either end, and characters Word cannot store', () => {
    expect(pastedParagraphs('\u3000\u3000镇党委高度重视。\u00a0 \t')).toEqual(['镇党委高度重视。']);
    expect(paragraphLine('\u0007全年\u0001开展')).toBe('全年开展');
    expect(pastedParagraphs(' \r\n\u3000')).toEqual([]);
  });
});
