/** The marks printed for a missing figure are the ones the preview and the .docx find again to highlight. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DRAFT_MARK, MISSING_MARK, MISSING_MARK_RE } from '../../src-shared/report/missingMarks';

describe('missing-figure marks', () => {
  it('either mark, with any indicator name, is split out of the sentence whole', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[【】]/.test(s)), fc.boolean(), fc.string(), fc.string(), (name, draft, before, after) => {
        fc.pre(!/[【】]/.test(before + after));
        const mark = draft ? DRAFT_MARK(name) : MISSING_MARK(name);
        const pieces = `${before}${mark}${after}`.split(MISSING_MARK_RE);
        expect(pieces).toEqual([before, mark, after]);
      }),
    );
  });

  it('other bracketed text is left alone', () => {
    expect('见【附件】。'.split(MISSING_MARK_RE)).toEqual(['见【附件】。']);
  });
});
