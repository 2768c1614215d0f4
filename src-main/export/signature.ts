/**
 * 落款 (GB/T 9704 §7.3.5): 署名 and 成文日期 with a seal, joint with two seals, or without a seal. The
 * positions are arithmetic on 三号 widths, so they live together with the rules they implement.
 */
import { AlignmentType, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { RenderedSignature } from '../../src-shared/domain/rendered';
import { SANHAO_CHAR, SANHAO_CHAR_SPACING, SIZE_SANHAO, TEXT_WIDTH } from './gbt9704';
import { fontOf, linesOf, NO_INDENT, paragraph, sanhaoRun, sanhaoWidth, type Builder } from './paragraphs';

/**
 * GB/T 9704 §7.3.5.1: the date right-aligned 4 characters from the edge and the unit's name centred
 * above it; a name wider than the date sits flush right with the date centred under it instead.
 */
export function signatureParagraphs(b: Builder, sig: RenderedSignature): Paragraph[] {
  const name = linesOf(sig.name ?? '').join('');
  const date = linesOf(sig.date ?? '').join('');
  const joint = linesOf(sig.jointName ?? '').join('');
  if (sig.sealed === false) return unsealedSignature(b, joint ? [name, joint] : [name], date);
  if (joint && name) return jointSignature(b, name, joint, date);
  const nameW = sanhaoWidth(name);
  const dateW = sanhaoWidth(date);
  let dateRight = 4 * SANHAO_CHAR;
  let nameRight = Math.round(dateRight + (dateW - nameW) / 2);
  if (nameRight < 0) {
    nameRight = 0;
    dateRight = Math.round((nameW - dateW) / 2);
  }
  const line = (text: string, right: number) =>
    paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { ...NO_INDENT, right },
      keepNext: true,
      children: [sanhaoRun(text, b.fonts.fangsong)],
    });
  const out: Paragraph[] = [];
  if (name) out.push(line(name, nameRight));
  if (date) out.push(line(date, dateRight));
  return out;
}

const signatureLine = (b: Builder, text: string, right: number) =>
  paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { ...NO_INDENT, right },
    keepNext: true,
    children: [sanhaoRun(text, b.fonts.fangsong)],
  });

/**
 * §7.3.5.2 联合行文 with seals: the units side by side in their order, the last one centred over the
 * date (which is right-aligned 4 characters from the edge), each seal to press on its own name.
 */
function jointSignature(b: Builder, first: string, second: string, date: string): Paragraph[] {
  const dateRight = 4 * SANHAO_CHAR;
  const dateW = sanhaoWidth(date);
  const w1 = sanhaoWidth(first);
  const w2 = sanhaoWidth(second);
  // centre of the second name over the date, kept inside the text block
  const c2 = Math.min(TEXT_WIDTH - w2 / 2, TEXT_WIDTH - dateRight - dateW / 2);
  // the first name half a text block to the left, never closer than two characters to the second
  const c1 = Math.max(w1 / 2, Math.min(c2 - TEXT_WIDTH / 2, c2 - w2 / 2 - 2 * SANHAO_CHAR - w1 / 2));
  const names = paragraph({
    alignment: AlignmentType.LEFT,
    indent: NO_INDENT,
    keepNext: true,
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(c1) },
      { type: TabStopType.CENTER, position: Math.round(c2) },
    ],
    children: [
      new TextRun({
        children: [new Tab(), first, new Tab(), second],
        font: fontOf(b.fonts.fangsong),
        size: SIZE_SANHAO,
        characterSpacing: SANHAO_CHAR_SPACING,
      }),
    ],
  });
  return date ? [names, signatureLine(b, date, dateRight)] : [names];
}

/**
 * §7.3.5.3 without a seal: the name 2 characters from the right edge, the date on the next line
 * starting 2 characters to the right of the name's first character; a date longer than that is set
 * 2 characters from the edge and the name moves left. Joint units go one under the other.
 */
function unsealedSignature(b: Builder, names: string[], date: string): Paragraph[] {
  const two = 2 * SANHAO_CHAR;
  const nameW = Math.max(0, ...names.map(sanhaoWidth));
  const dateW = sanhaoWidth(date);
  let nameLeft = TEXT_WIDTH - two - nameW;
  let dateLeft = nameLeft + two;
  if (dateLeft + dateW > TEXT_WIDTH - two) {
    dateLeft = TEXT_WIDTH - two - dateW;
    nameLeft = dateLeft - two;
  }
  const out = names.filter(Boolean).map((n) =>
    paragraph({ alignment: AlignmentType.LEFT, indent: { ...NO_INDENT, left: Math.max(0, Math.round(nameLeft)) }, keepNext: true, children: [sanhaoRun(n, b.fonts.fangsong)] }),
  );
  if (date) out.push(paragraph({ alignment: AlignmentType.LEFT, indent: { ...NO_INDENT, left: Math.max(0, Math.round(dateLeft)) }, keepNext: true, children: [sanhaoRun(date, b.fonts.fangsong)] }));
  return out;
}

