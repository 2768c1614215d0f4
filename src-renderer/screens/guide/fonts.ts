/**
 * Whether a font is installed on this computer, told by measuring: a string drawn in the font,
 * falling back to a generic family, has another width than the fallback alone when the font exists.
 * `document.fonts.check` cannot tell (it answers true for any family it does not have to load), and
 * `queryLocalFonts` asks the clerk for permission, so measuring is the quiet first answer.
 */
const SAMPLE = '法治政府建设年度报告 2024 一二三';

export function fontInstalled(family: string): boolean {
  if (typeof document === 'undefined') return false;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return false;
  return ['serif', 'sans-serif', 'monospace'].some((generic) => {
    ctx.font = `32px ${generic}`;
    const base = ctx.measureText(SAMPLE).width;
    ctx.font = `32px "${family}", ${generic}`;
    return ctx.measureText(SAMPLE).width !== base;
  });
}

/** The families the standard preset prints with (GB/T 9704), and the ones Windows brings. */
export const STANDARD_FONTS = ['方正小标宋简体', '仿宋_GB2312', '楷体_GB2312', '黑体'] as const;
export const WINDOWS_FONTS = ['仿宋', '楷体', '黑体', '宋体'] as const;

export interface FontCheck {
  standard: Record<string, boolean>;
  windows: Record<string, boolean>;
  /** the preset to choose on this computer */
  suggested: 'standard' | 'windows';
}

export function checkFonts(has: (f: string) => boolean = fontInstalled): FontCheck {
  const standard = Object.fromEntries(STANDARD_FONTS.map((f) => [f, has(f)]));
  const windows = Object.fromEntries(WINDOWS_FONTS.map((f) => [f, has(f)]));
  // the standard preset only when its two telling fonts are there; otherwise Word would substitute
  const suggested = standard['方正小标宋简体'] && standard['仿宋_GB2312'] ? 'standard' : 'windows';
  return { standard, windows, suggested };
}
