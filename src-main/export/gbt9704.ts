/**
 * GB/T 9704-2012 layout numbers in OOXML units. Values were measured against Word's arithmetic and
 * LibreOffice's rendering (22 lines a page, 28 characters a line: test/export/docxLibreOffice.test.ts
 * reads them back from the PDF); change them only with a re-render.
 */

/** Millimetres to twips, rounded: the docx library's own converter floors (37 mm → 2097). */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

export const PAGE_WIDTH = 11906; // A4 210 mm
export const PAGE_HEIGHT = 16838; // A4 297 mm

export const MARGIN_TOP = mmToTwip(37); // 2098
export const MARGIN_BOTTOM = mmToTwip(35); // 1984
export const MARGIN_LEFT = mmToTwip(28); // 1587
export const MARGIN_RIGHT = mmToTwip(26); // 1474
/** Puts the page number's 一字线 7 mm below the text block. */
export const FOOTER_DISTANCE = mmToTwip(24.8); // 1406
export const HEADER_DISTANCE = mmToTwip(15);
/** Width of the text block: 156 mm. */
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT; // 8845

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE_ERHAO = 44;
export const SIZE_SANHAO = 32;
export const SIZE_SIHAO = 28;

/** Exact 28.95 pt lines: 22 lines fill the 225 mm text block (580 gives only 21). */
export const LINE_PITCH = 579;

/**
 * −0.25 pt between characters in 三号 runs: 28 × 15.75 pt fits the 442.25 pt text width, so a full line
 * holds 28 characters in LibreOffice and in Word (a linesAndChars grid makes LibreOffice double-space glyphs).
 */
export const SANHAO_CHAR_SPACING = -5;

/** One 三号 character in twips (16 pt). */
export const SANHAO_CHAR = 320;
/** One 四号 character in twips (14 pt): the page number's 空一字. */
export const SIHAO_CHAR = 280;

export const LATIN_FONT = 'Times New Roman';

/** Height of the text block: 225 mm. */
export const TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM; // 12756

/** §7.2.3: the top edge of the 发文机关标志 is 35 mm below the top of the text block. */
export const MARK_TOP = mmToTwip(35); // 1984
/** Red of the 发文机关标志 and the 版头's separator (§7.2.3, §7.2.5). */
export const RED = 'FF0000';
/** The 版头's red separator, in eighths of a point (2.25 pt, the usual 红头 rule). */
export const HEAD_RULE = 18;
/** §7.4.1: the 版记's first and last separators 0.35 mm (1 pt), the middle one 0.25 mm (0.75 pt), in eighths of a point. */
export const IMPRINT_RULE_THICK = 8;
export const IMPRINT_RULE_THIN = 6;
