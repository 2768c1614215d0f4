import type { FontPreset } from '../../src-shared/domain/vocabulary';

/** The Chinese fonts of each role; Latin letters and digits are always Times New Roman. */
export interface FontSet {
  title: string;
  /** 宋体 stands in for 方正小标宋 only when bold */
  titleBold: boolean;
  /** 正文 and level-3/4 headings */
  fangsong: string;
  /** level-2 headings */
  kaiti: string;
  /** level-1 headings */
  heiti: string;
  /** page numbers */
  songti: string;
}

export const FONT_SETS: Record<FontPreset, FontSet> = {
  standard: {
    title: '方正小标宋简体',
    titleBold: false,
    fangsong: '仿宋_GB2312',
    kaiti: '楷体_GB2312',
    heiti: '黑体',
    songti: '宋体',
  },
  // Fonts every Chinese Windows has, for machines without the 方正/GB2312 set.
  windows: {
    title: '宋体',
    titleBold: true,
    fangsong: '仿宋',
    kaiti: '楷体',
    heiti: '黑体',
    songti: '宋体',
  },
};

export function fontSetOf(preset: FontPreset): FontSet {
  // Unknown presets (old data, hand-edited files) fall back to the standard set instead of failing the export.
  return FONT_SETS[preset] ?? FONT_SETS.standard;
}
